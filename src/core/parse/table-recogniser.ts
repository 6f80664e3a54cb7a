/**
 * Recognises a grid as a table of tasks, projects (民生实事) or indicators by the roles of its
 * header cells (column-mapping.builder), and turns data rows into raw records (cell text as read;
 * cleaning is the normaliser's job). Section rows (`一、…` across the table) are marked for the
 * builder. A table whose roles are not found is reported with its headers, never guessed.
 */
import type { Grid, GridCell, GridRow } from '../grid/grid.model';
import type { Finding, TableKind, TableMapping } from '../model/records.model';
import { buildMapping, type ColumnPlanEntry, type RawKey } from './column-mapping.builder';
import { headerKey, headerYearOf, matchHeaderRole } from './column-roles.rules';
import { extractTrailingLabels, readLabelLine, type Label } from './labels.rules';
import { layoutKey, overrideForHeaders, type MappingOverride, type StoredLayout } from './mapping.codec';

export type { RawKey } from './column-mapping.builder';

/** A section row (`一、扎实推进…`, `（一）…`, `牵头领导：张三`): the category, item or leader of the rows below. */
export interface SectionRow {
  text: string;
  /** 1: `一、`, 2: `（一）`, 0: unnumbered or labels only. */
  level: 0 | 1 | 2;
  labels: Label[];
  /** The text stood in the category column (a 太仓 heading row). */
  inCategory: boolean;
}

/** A data row as raw text per field: paragraphs of the cell, untrimmed. */
export interface RawRow {
  fields: Partial<Record<RawKey, string[]>>;
  milestones?: [label: string, text: string][];
  extra?: [header: string, text: string][];
  section?: SectionRow;
}

export interface RecognisedGrid {
  gridIndex: number;
  kind: TableKind | null;
  title: string | null;
  headerYear: number | null;
  /** Field per expanded grid column (null: not a record field: milestones, extra, empty). */
  columns: (RawKey | null)[];
  mapping: TableMapping | null;
  rows: RawRow[];
  findings: Finding[];
}

export interface RecogniseOptions {
  /** The notice says the first unit listed leads (列第一位的为牵头单位). */
  firstLeads?: boolean;
  /** A mapping the user gave for this parse (CLI --map, the pane's dropdowns). */
  mapping?: MappingOverride | null;
  /** Confirmed mappings kept in the workbook state, applied to a table with the same headers. */
  layouts?: StoredLayout[];
  form?: TableMapping['form'];
}

const REQUIRED: Record<TableKind, RawKey[]> = {
  tasks: ['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits'],
  projects: ['no', 'category', 'name', 'content', 'task', 'leaders', 'leadUnits', 'relatedUnits'],
};
const HEADER_SEARCH_ROWS = 6;
const MIN_HEADER_CELLS = 3;
const TITLE_PATTERN = /(分解落实表|项目情况表|民生实事[^，。]*表|落实表|情况表|一览表|清单|任务表|分工表|分解表|责任表|台账|计划表|指标表|项目表)\s*$/;
/** A title that names the other kind (`2．2021年民生实事项目情况表` in a list of attachments) is not this table's. */
const KIND_TITLE: Record<TableKind, RegExp> = { tasks: /主要工作|分解落实|落实表|重点工作|任务/, projects: /民生实事|项目情况|实事项目/ };
const SECTION_NUMBER = /^[\s\u3000]*(?:([一二三四五六七八九十]{1,3})[、.．]|[（(]([一二三四五六七八九十]{1,3})[）)]|第[一二三四五六七八九十]{1,3}(?:部分|章|节|篇))/;

interface Expanded {
  texts: string[][];
  /** The span of the cell each column came from (1 for plain cells). */
  spans: number[];
}

export function recogniseGrid(grid: Grid, gridIndex: number, options: RecogniseOptions = {}): RecognisedGrid {
  const findings: Finding[] = [];
  const expanded = grid.rows.map((row) => expandRow(row));
  const headerIndex = findHeaderRow(expanded);
  const result: RecognisedGrid = { gridIndex, kind: null, title: null, headerYear: null, columns: [], mapping: null, rows: [], findings };
  if (headerIndex < 0) {
    findings.push(unknownTable(gridIndex, expanded[0]?.texts));
    return result;
  }
  const { header, dataStart } = mergeSubHeader(expanded, headerIndex);
  const headerTexts = header.map((texts) => texts.join(''));
  const projectsTitle = /民生实事|实事项目/.test([...grid.before.slice(-3), ...expanded.slice(0, headerIndex).map((r) => r.texts.flat().join(''))].join(''));
  const stored = options.layouts?.find((l) => l.layout === layoutKey(headerTexts));
  const override = overrideForHeaders(options.mapping, headerTexts) ?? (stored ? { columns: stored.columns, kind: stored.kind } : null);
  const built = buildMapping(headerTexts, { gridIndex, firstLeads: options.firstLeads ?? false, override, projectsTitle });
  result.columns = built.entries.map((e) => (e.field === 'milestones' || e.field === 'extra' ? null : e.field));
  result.headerYear = headerTexts.map((text) => headerYearOf(text)).find((y) => y !== null) ?? null;
  if (!built.kind) {
    findings.push(unknownTable(gridIndex, header));
    return result;
  }
  for (const f of built.findings) findings.push(f); // no spread: one finding per row of 150,000 rows overflows the stack
  result.kind = built.kind;
  // 太仓's own layouts read as they always did (no mapping attached) unless a column was guessed or confirmed.
  const plain = built.classic && !built.mapping.columns.some((c) => c.guessed || c.confirmed) && options.form !== 'list';
  result.mapping = plain ? null : { ...built.mapping, form: options.form ?? 'table' };
  result.title = findTitle(grid, expanded, headerIndex, built.kind);
  for (const f of checkColumns(built.kind, built.entries, built.classic, gridIndex)) findings.push(f);
  result.rows = readRows(grid, expanded, dataStart, { gridIndex, entries: built.entries, classic: built.classic, headerKeys: headerTexts.map(headerKey), findings });
  // Leaders named by section rows (牵头领导：张三) fill the records: the column is not missing then.
  const sectionLeaders = result.rows.some((row) => row.section?.labels.some((l) => l.role === 'leaders'));
  if (sectionLeaders) result.findings = findings.filter((f) => !(f.code === 'table-column-absent' && f.value === 'leaders'));
  return result;
}

interface RowContext {
  gridIndex: number;
  entries: ColumnPlanEntry[];
  classic: boolean;
  headerKeys: string[];
  findings: Finding[];
}

function readRows(grid: Grid, expanded: Expanded[], dataStart: number, context: RowContext): RawRow[] {
  const { gridIndex, entries, classic, headerKeys, findings } = context;
  const rows: RawRow[] = [];
  for (let r = dataStart; r < expanded.length; r += 1) {
    const { texts } = expanded[r];
    if (grid.rows[r].isHeader || isRepeatedHeader(texts, headerKeys) || isBlank(texts)) continue;
    const section = readSection(expanded[r], entries, classic);
    if (section) {
      rows.push({ fields: {}, section });
      continue;
    }
    if (texts.length !== entries.length) findings.push(cellCountFinding(gridIndex, r, texts.length, entries.length));
    rows.push(toRawRow(texts, entries));
  }
  return rows;
}

/** Spanned cells become one column each: the text goes to the first, the rest stay empty. */
function expandRow(row: GridRow): Expanded {
  const texts: string[][] = [];
  const spans: number[] = [];
  for (const cell of row.cells) {
    const span = cell.colSpan ?? 1;
    texts.push(cellText(cell));
    spans.push(span);
    for (let k = 1; k < span; k += 1) {
      texts.push([]);
      spans.push(span);
    }
  }
  return { texts, spans };
}

function cellText(cell: GridCell): string[] {
  return cell.vMerge === 'continue' ? [] : cell.paragraphs;
}

function headerCounts(cells: string[][]): { all: number; sure: number } {
  return countHeaderTexts(cells.map(joinTexts));
}

const joinTexts = (texts: string[]): string => (texts.length === 1 ? texts[0] : texts.join(''));

function countHeaderTexts(texts: string[]): { all: number; sure: number } {
  let all = 0;
  let sure = 0;
  for (const text of texts) {
    const match = matchHeaderRole(text);
    if (!match) continue;
    all += 1;
    if (match.sure) sure += 1;
  }
  return { all, sure };
}

/**
 * What findHeaderRow asks of a row (MIN_HEADER_CELLS header words, two of them sure), for every
 * data row: the short cells (names, memoised) first, stopping as soon as the answer is known.
 */
function looksLikeHeader(texts: string[]): boolean {
  let all = 0;
  let sure = 0;
  let left = texts.length;
  for (const short of [true, false]) {
    for (const text of texts) {
      if (text.length <= 24 !== short) continue;
      left -= 1;
      const match = matchHeaderRole(text);
      if (match) {
        all += 1;
        if (match.sure) sure += 1;
      }
      if (all >= MIN_HEADER_CELLS && sure >= 2) return true;
      if (all + left < MIN_HEADER_CELLS || sure + left < 2) return false;
    }
  }
  return false;
}

function findHeaderRow(rows: Expanded[]): number {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r += 1) {
    const counts = headerCounts(rows[r].texts);
    if (counts.all >= MIN_HEADER_CELLS && counts.sure >= 2) return r;
  }
  return -1;
}

/** A second header row (一季度 … 四季度 under 时间节点) names the columns it stands under. */
function mergeSubHeader(rows: Expanded[], headerIndex: number): { header: string[][]; dataStart: number } {
  const header = rows[headerIndex].texts;
  const next = rows[headerIndex + 1]?.texts;
  if (!next) return { header, dataStart: headerIndex + 1 };
  const filled = next.filter((texts) => texts.join('').trim() !== '');
  const sub = filled.length >= 2 && filled.every((texts) => matchHeaderRole(texts.join(''))?.sure === true);
  if (!sub) return { header, dataStart: headerIndex + 1 };
  const merged = header.map((texts, i) => (next[i] && next[i].join('').trim() !== '' ? next[i] : texts));
  return { header: merged, dataStart: headerIndex + 2 };
}

/** The one written cell of a row, or -1 (none, or more than one). */
function onlyCell(texts: string[][]): number {
  let at = -1;
  for (let i = 0; i < texts.length; i += 1) {
    if (texts[i].join('').trim() === '') continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

const LOOSE_SECTION_ROLES = new Set(['no', 'item', 'unknown']);

/** One cell written across the table, or a numbered heading alone in its row. */
function readSection(row: Expanded, entries: ColumnPlanEntry[], classic: boolean): SectionRow | null {
  const at = onlyCell(row.texts);
  if (at < 0) return null;
  const role = entries[at]?.role ?? 'unknown';
  const text = row.texts[at].join('\n');
  const wide = row.spans[at] >= Math.max(2, entries.length - 1);
  const numbered = SECTION_NUMBER.exec(text);
  const labelsOnly = readLabelLine(text);
  const inCategory = role === 'category';
  const marked = wide || numbered !== null || labelsOnly !== null;
  const where = inCategory || (!classic && (wide || LOOSE_SECTION_ROLES.has(role) || ((role === 'content' || role === 'task') && (numbered !== null || labelsOnly !== null))));
  if (!where || (!inCategory && !marked)) return null;
  if (labelsOnly) return { text: '', level: 0, labels: labelsOnly, inCategory };
  const { rest, labels } = extractTrailingLabels(text);
  return { text: rest, level: numbered ? (numbered[2] ? 2 : 1) : 0, labels, inCategory };
}

/** A missing column of the kind is an error (太仓 layouts) or a warning that the sheet's column stays empty. */
function checkColumns(kind: TableKind, entries: ColumnPlanEntry[], classic: boolean, gridIndex: number): Finding[] {
  const findings: Finding[] = [];
  const fields = new Set(entries.map((e) => e.field));
  if (fields.has('units')) ['leadUnits', 'relatedUnits'].forEach((f) => fields.add(f as RawKey));
  const required = classic ? REQUIRED[kind] : (['content', 'leadUnits'] as RawKey[]).filter((f) => !(f === 'content' && fields.has('target')));
  const missing = required.filter((key) => !fields.has(key));
  if (missing.length > 0) findings.push(missingFinding(gridIndex, missing));
  if (!classic) {
    const absent = (['leaders', 'relatedUnits'] as RawKey[]).filter((key) => !fields.has(key));
    if (absent.length > 0) findings.push(absentFinding(gridIndex, absent));
  }
  entries.forEach((entry, column) => {
    if (entry.field !== 'extra' || entry.header === '') return;
    findings.push({
      code: 'column-ignored',
      severity: 'info',
      message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${entry.header.slice(0, 40)}”不是记录字段，已作为附加信息保留（extra）`,
      messageEn: `Table ${gridIndex + 1} column ${column + 1} "${entry.header.slice(0, 40)}" is not a record field; kept as extra`,
      table: gridIndex,
      value: entry.header.slice(0, 200),
    });
  });
  return findings;
}

function missingFinding(gridIndex: number, missing: string[]): Finding {
  return {
    code: 'table-columns-missing',
    severity: 'error',
    message: `表格 ${gridIndex + 1} 缺少列：${missing.join('、')}`,
    messageEn: `Table ${gridIndex + 1} lacks columns: ${missing.join(', ')}`,
    table: gridIndex,
  };
}

function absentFinding(gridIndex: number, absent: string[]): Finding {
  const zh: Record<string, string> = { leaders: '负责人', relatedUnits: '相关单位' };
  return {
    code: 'table-column-absent',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 没有${absent.map((f) => zh[f]).join('、')}列：工作簿中这些列将为空（如有，请用 --map 指定）`,
    messageEn: `Table ${gridIndex + 1} has no ${absent.join(', ')} column: these columns stay empty in the workbook (map one with --map if there is)`,
    table: gridIndex,
    value: absent.join(','),
  };
}

/** Runs once per data row: each cell's text is joined once, and a row with a long cell (content) skips the header-word count. */
function isRepeatedHeader(cells: string[][], headerKeys: string[]): boolean {
  const texts = cells.map(joinTexts);
  if (texts.every((t) => t.length <= 64) && looksLikeHeader(texts)) return true;
  return texts.length > 0 && texts.every((text, i) => headerKey(text) === (headerKeys[i] ?? ''));
}

function isBlank(cells: string[][]): boolean {
  return cells.every((texts) => texts.every((t) => t.trim() === ''));
}

function toRawRow(cells: string[][], entries: ColumnPlanEntry[]): RawRow {
  const row: RawRow = { fields: {} };
  entries.forEach((entry, i) => {
    const texts = cells[i] ?? [];
    if (entry.field === 'milestones') (row.milestones ??= []).push([entry.header, texts.join('\n')]);
    else if (entry.field === 'extra') (row.extra ??= []).push([entry.header, texts.join('\n')]);
    else if (entry.field) row.fields[entry.field] = texts;
  });
  return row;
}

/** The title is the last title-like paragraph before the table, or a title row above the header. */
function findTitle(grid: Grid, rows: Expanded[], headerIndex: number, kind: TableKind): string | null {
  const candidates = [...grid.before];
  for (let r = 0; r < headerIndex; r += 1) candidates.push(rows[r].texts.map((t) => t.join('')).join(''));
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const text = candidates[i].replace(/[\s\u3000]+/g, '');
    if (!TITLE_PATTERN.test(text) || /^附件[:：]/.test(text)) continue;
    if (KIND_TITLE[kind === 'tasks' ? 'projects' : 'tasks'].test(text) && !KIND_TITLE[kind].test(text)) continue;
    return text.replace(/^附件\d+/, '').replace(/^[\d一二三四五六七八九十]+[.．、]/, '');
  }
  return null;
}

function unknownTable(gridIndex: number, header: string[][] | undefined): Finding {
  const text = (header ?? []).map((t) => t.join('').replace(/[\s\u3000]+/g, '')).join(' | ').slice(0, 200);
  const example = (header ?? []).map((t) => t.join('').replace(/[\s\u3000]+/g, '')).find((t) => t !== '') ?? '表头';
  return {
    code: 'table-unknown',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 的表头无法识别（找不到内容、单位等列），已跳过。表头：${text}。可用 --map "${example}=content,…" 指定各列的角色（content、leaders、leadUnits、relatedUnits、units-first-leads、deadline…）`,
    messageEn: `Table ${gridIndex + 1} has an unknown header (no content or unit columns found) and was skipped. Headers: ${text}. Map the columns with --map "${example}=content,…" (roles: content, leaders, leadUnits, relatedUnits, units-first-leads, deadline…)`,
    table: gridIndex,
    value: text,
  };
}

function cellCountFinding(gridIndex: number, row: number, have: number, want: number): Finding {
  return {
    code: 'row-cell-count',
    severity: 'error',
    message: `表格 ${gridIndex + 1} 第 ${row + 1} 行有 ${have} 个单元格，表头有 ${want} 列`,
    messageEn: `Table ${gridIndex + 1} row ${row + 1} has ${have} cells; the header has ${want} columns`,
    table: gridIndex,
    row,
  };
}
