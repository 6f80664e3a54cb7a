/**
 * Layout of an attachment table before it is written: column widths sized by content, which rows may
 * break across pages, where vertical merges restart, and how narrow text cells are aligned.
 *
 * Widths: every column starts at its narrowest and one character of width at a time goes to the
 * column where it saves the most estimated lines (table height), so a long 主要建设内容 gets the room
 * and a short 年度工作任务 does not. What saves nothing goes to the text columns by their amount of text.
 *
 * Rows: a row taller than SPLIT_LINES may break across pages (w:cantSplit only on short rows), so a
 * tall row no longer leaves most of a page empty; the header row keeps w:tblHeader and repeats.
 *
 * Merges: where a page breaks is not known when writing, and Word, WPS and LibreOffice print a
 * vertically merged cell's text on its first page only. So a group of rows sharing a 分类/门类 is
 * merged in runs no taller than three quarters of a page (estimated): each run repeats the value, and
 * a page the group covers shows it (a run may start near a page's foot). Inner merges (项目 inside
 * 门类) restart where an outer run does, so the merges stay nested and read back the same.
 */
import type { ProjectRecord, TaskRecord } from '../model/records.model';
import { CELL_PADDING, type DocxColumn } from './docx-columns';
import { cellLines, paragraphLines, textEm } from './line-break.rules';

type AnyRecord = TaskRecord | ProjectRecord;
export type MergeState = 'restart' | 'continue' | null;
export type CellAlign = 'center' | 'both' | 'left';

/** Line height of single-spaced CJK text, in units of the font size (Word ~1.3, LibreOffice ~1.4). */
const LINE_FACTOR = 1.4;
/** Text columns narrower than this many characters are aligned left: justified text spreads its characters apart. */
export const JUSTIFY_MIN_CHARS = 20;
/** Rows taller than this many lines may break across pages (else they leave a page part empty); shorter ones stay whole. */
export const SPLIT_LINES = 3;
/** A merged run is at most this share of a page tall. */
const MERGE_RUN_SHARE = 0.75;
/** Estimating over this many rows is enough to size the columns (a 10,000-row table is sampled). */
const SAMPLE_ROWS = 600;
/** Cost, in lines, of a name broken over two lines (names read badly broken). */
const BROKEN_NAME_COST = 1;

export interface TableLayout {
  widths: number[];
  aligns: CellAlign[];
  merges: MergeState[][];
  /** Per row: true when it may break across pages (no w:cantSplit). */
  splittable: boolean[];
}

/** Consecutive rows with the same non-empty merge key, as [first, last] row indexes (single rows too). */
export function mergeGroups(column: DocxColumn, rows: AnyRecord[]): Array<[number, number]> {
  const keyOf = column.mergeKey;
  if (!keyOf) return rows.map((_, i) => [i, i]);
  const groups: Array<[number, number]> = [];
  let prev: string | null = null;
  rows.forEach((r, i) => {
    const k = keyOf(r);
    if (k && k === prev) groups[groups.length - 1][1] = i;
    else groups.push([i, i]);
    prev = k || null;
  });
  return groups;
}

interface Measure {
  /** Each row's lines. */
  lines: number[];
  /** Names broken over two or more lines. */
  broken: number;
}

interface Model {
  paragraphs: string[][][];
  groups: Array<Array<[number, number]> | null>;
  names: boolean[];
  /** Tallest merged run, lines. */
  maxRun: number;
  /** Per column, by characters per line. */
  cache: Array<Map<number, Measure>>;
}

function modelOf(columns: DocxColumn[], rows: AnyRecord[], maxRun: number): Model {
  return {
    maxRun,
    paragraphs: columns.map((c) => rows.map((r) => c.paragraphs(r))),
    groups: columns.map((c) => (c.mergeKey ? mergeGroups(c, rows) : null)),
    names: columns.map((c) => c.role === 'names'),
    cache: columns.map(() => new Map()),
  };
}

function measure(model: Model, c: number, chars: number): Measure {
  let hit = model.cache[c].get(chars);
  if (!hit) {
    let broken = 0;
    if (model.names[c]) for (const cell of model.paragraphs[c]) for (const p of cell) if (paragraphLines(p, chars) > 1) broken += 1;
    hit = { lines: model.paragraphs[c].map((cell) => cellLines(cell, chars)), broken };
    model.cache[c].set(chars, hit);
  }
  return hit;
}

/** Row heights in lines: every unmerged cell, and merge-column cells that merge with no other row. */
function rowLinesOf(model: Model, chars: number[]): number[] {
  const rows = model.paragraphs[0]?.length ?? 0;
  const out = new Array<number>(rows).fill(1);
  model.groups.forEach((groups, c) => {
    const { lines } = measure(model, c, chars[c]);
    if (!groups) {
      for (let r = 0; r < rows; r += 1) out[r] = Math.max(out[r], lines[r]);
      return;
    }
    for (const [first, last] of groups) if (first === last) out[first] = Math.max(out[first], lines[first]);
  });
  return out;
}

/**
 * Runs of a merge group no taller than `maxRun` lines (each run repeats the value), as [first, last].
 * A run also ends where a run of an outer column starts (`starts`), so merges stay nested.
 */
export function mergeRuns(groups: Array<[number, number]>, rowLines: number[], maxRun: number, starts: Set<number>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const [first, last] of groups) {
    let start = first;
    let height = rowLines[first];
    for (let r = first + 1; r <= last; r += 1) {
      if (height + rowLines[r] > maxRun || starts.has(r)) {
        runs.push([start, r - 1]);
        start = r;
        height = 0;
      }
      height += rowLines[r];
    }
    runs.push([start, last]);
  }
  return runs;
}

/** Every merge column's runs (null for columns that do not merge); outer columns (fewer groups) first. */
function runsOf(model: Model, rowLines: number[]): Array<Array<[number, number]> | null> {
  const starts = new Set<number>();
  const out: Array<Array<[number, number]> | null> = model.groups.map(() => null);
  const order = model.groups.map((g, c) => [g?.length ?? 0, c]).filter(([n]) => n > 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, c] of order) {
    const runs = mergeRuns(model.groups[c] ?? [], rowLines, model.maxRun, starts);
    for (const [first] of runs) starts.add(first);
    out[c] = runs;
  }
  return out;
}

/** Estimated table height in lines: rows, plus what merged cells need beyond their rows, plus broken names. */
function costOf(model: Model, chars: number[]): number {
  const rowLines = rowLinesOf(model, chars);
  let cost = rowLines.reduce((a, b) => a + b, 0);
  runsOf(model, rowLines).forEach((runs, c) => {
    if (!runs) return;
    for (const [first, last] of runs) {
      if (first === last) continue;
      let height = 0;
      for (let r = first; r <= last; r += 1) height += rowLines[r];
      cost += Math.max(0, measure(model, c, chars[c]).lines[first] - height);
    }
  });
  model.names.forEach((isNames, c) => {
    if (isNames) cost += BROKEN_NAME_COST * measure(model, c, chars[c]).broken;
  });
  return cost;
}

function boundsOf(column: DocxColumn): [number, number] {
  const headerMin = Math.ceil(textEm(column.header) / 3);
  if (column.role === 'number') return [Math.max(2, headerMin), Math.max(2, headerMin)];
  if (column.role === 'text') return [Math.max(6, headerMin), Number.POSITIVE_INFINITY];
  const min = Math.max(column.minChars ?? 2, headerMin);
  return [min, Math.max(min, column.maxChars ?? 8)];
}

function sampleRows(rows: AnyRecord[]): AnyRecord[] {
  if (rows.length <= SAMPLE_ROWS) return rows;
  const step = rows.length / SAMPLE_ROWS;
  return Array.from({ length: SAMPLE_ROWS }, (_, i) => rows[Math.floor(i * step)]);
}

/** Characters per line of each column, by greedy descent on the estimated table height. */
function growColumns(model: Model, bounds: Array<[number, number]>, budget: number): { chars: number[]; left: number } {
  const chars = bounds.map(([min]) => min);
  let left = budget;
  let cost = costOf(model, chars);
  while (left > 0) {
    let best: { c: number; k: number; gain: number; cost: number } | null = null;
    for (let c = 0; c < chars.length; c += 1) {
      for (let k = 1; k <= Math.min(3, left, bounds[c][1] - chars[c]); k += 1) {
        chars[c] += k;
        const trial = costOf(model, chars);
        chars[c] -= k;
        const gain = (cost - trial) / k;
        if (gain > 1e-9 && (!best || gain > best.gain)) best = { c, k, gain, cost: trial };
      }
    }
    if (!best) break;
    chars[best.c] += best.k;
    left -= best.k;
    cost = best.cost;
  }
  return { chars, left };
}

/** Narrowest widths wider than the table (a large font on a small page): all columns shrink alike. */
function squeeze(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w * total) / sum));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** The landscape text block of GB/T 9704 (156 mm), twips. */
const DEFAULT_PAGE_HEIGHT = 8844;

function pageLinesOf(pt: number, pageHeight: number): number {
  return pageHeight / (pt * 20 * LINE_FACTOR);
}

/** Column widths in twips summing to `total`. */
export function computeWidths(columns: DocxColumn[], rows: AnyRecord[], total: number, pt: number, pageHeight = DEFAULT_PAGE_HEIGHT): number[] {
  const charTwips = pt * 20;
  const widthOf = (chars: number): number => Math.round(chars * charTwips + CELL_PADDING + charTwips * 0.3);
  const bounds = columns.map(boundsOf);
  const floor = bounds.reduce((sum, [min]) => sum + widthOf(min), 0);
  const model = modelOf(columns, sampleRows(rows), pageLinesOf(pt, pageHeight) * MERGE_RUN_SHARE);
  const { chars } = growColumns(model, bounds, Math.max(0, Math.floor((total - floor) / charTwips)));
  const widths = chars.map(widthOf);
  // What is left goes to the text columns by their amount of text (their share when they have none).
  const text = columns.map((c, i) => (c.role === 'text' ? i : -1)).filter((i) => i >= 0);
  const weights = text.map((i) => model.paragraphs[i].reduce((sum, cell) => sum + cell.reduce((a, p) => a + textEm(p), 0), 0));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares = weightSum > 0 ? weights.map((w) => w / weightSum) : text.map((i) => columns[i].share ?? 1);
  const shareSum = shares.reduce((a, b) => a + b, 0) || 1;
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (rest < 0) return squeeze(widths, total);
  if (text.length === 0) {
    widths[widths.length - 1] += rest;
    return widths;
  }
  let given = 0;
  text.forEach((i, n) => {
    const add = n === text.length - 1 ? rest - given : Math.round((rest * shares[n]) / shareSum);
    widths[i] += add;
    given += add;
  });
  return widths;
}

/** Merge states for one column: each run of two or more rows restarts the merge. */
function mergeStates(runs: Array<[number, number]>, rows: number): MergeState[] {
  const out: MergeState[] = new Array<MergeState>(rows).fill(null);
  for (const [first, last] of runs) {
    if (last === first) continue;
    out[first] = 'restart';
    for (let r = first + 1; r <= last; r += 1) out[r] = 'continue';
  }
  return out;
}

/** The layout of a table `total` twips wide on pages with a text block `pageHeight` twips high. */
export function planTableLayout(columns: DocxColumn[], rows: AnyRecord[], total: number, pt: number, pageHeight: number): TableLayout {
  const widths = computeWidths(columns, rows, total, pt, pageHeight);
  const charTwips = pt * 20;
  const chars = widths.map((w) => Math.max(1, Math.floor((w - CELL_PADDING) / charTwips)));
  const pageLines = pageLinesOf(pt, pageHeight);
  const model = modelOf(columns, rows, pageLines * MERGE_RUN_SHARE);
  const rowLines = rowLinesOf(model, chars);
  return {
    widths,
    aligns: columns.map((c, i) => (c.align === 'both' && chars[i] < JUSTIFY_MIN_CHARS ? 'left' : c.align)),
    merges: runsOf(model, rowLines).map((runs) => (runs ? mergeStates(runs, rows.length) : rows.map(() => null))),
    splittable: rowLines.map((lines) => lines > SPLIT_LINES),
  };
}
