/** One worksheet part → a UsedRange: display text of every cell (dates ISO, percentages with %), merged areas. */
import { FenjieError } from '../errors';
import { serialToIsoDate } from '../sheet/cell-value';
import type { MergedArea, UsedRange } from '../sheet/used-range';
import { parseRangeAddress, rangeAddress } from '../sheet/a1';
import { parseXmlPart, type AttributeReader, type NumberStyle } from './xlsx-xml';
import { decodeEntities } from './xml-tokenizer';
import type { ZipArchive, ZipEntry } from './zip.reader';

/** Cells a sheet may span before the reader refuses it (a stray cell at XFD1048576 must not allocate a billion). */
const MAX_CELLS = 5_000_000;
const DAYS_1904 = 1462;

export interface SheetContext {
  strings: string[];
  styles: NumberStyle[];
  date1904: boolean;
}

/** Display text of a number under its cell style. */
export function formatNumberCell(value: number, style: NumberStyle | undefined, date1904: boolean): string {
  if (!Number.isFinite(value)) return '';
  if (style?.kind === 'date' && value >= 0 && value < 2958466) return serialToIsoDate(value + (date1904 ? DAYS_1904 : 0));
  if (style?.kind === 'percent') return `${Number((value * 100).toFixed(style.decimals))}%`;
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function cellText(type: string, raw: string, inline: string, styleIndex: number, ctx: SheetContext): string {
  switch (type) {
    case 's':
      return ctx.strings[Number(raw)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true' ? 'TRUE' : raw === '' ? '' : 'FALSE';
    case 'd':
      return raw.slice(0, 10);
    default:
      return raw.trim() === '' ? '' : formatNumberCell(Number(raw), ctx.styles[styleIndex], ctx.date1904);
  }
}

interface Cursor {
  row: number;
  col: number;
  type: string;
  style: number;
  raw: string;
  inline: string;
  inV: boolean;
  inT: boolean;
  phonetic: number;
}

/** 'AB12' → cur.col 28, cur.row 12, scanned by hand (the regex was a tenth of the read); false when not a cell ref. */
function readCellRef(ref: string | undefined, cur: Cursor): boolean {
  if (!ref) return false;
  let col = 0;
  let i = 0;
  for (let c = ref.charCodeAt(0); c >= 65 && c <= 90; c = ref.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === 0 || i === ref.length) return false;
  let row = 0;
  for (let j = i; j < ref.length; j += 1) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  cur.col = col;
  cur.row = row;
  return true;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Where the values of the r, t and s attributes of the <c> being opened are in its attribute text (-1: absent). */
interface CellAttributes {
  r: number;
  rEnd: number;
  t: number;
  tEnd: number;
  s: number;
  sEnd: number;
}

/**
 * Finds r, t and s of a <c> tag in one scan of its attribute text (three readAttribute calls
 * were the largest item of a sheet's read), without cutting any string out of it. False when the
 * text is not the plain `name="value"` list this expects: the caller then reads them one by one.
 */
function scanCellAttributes(raw: string, found: CellAttributes): boolean {
  found.r = found.t = found.s = -1;
  const n = raw.length;
  let p = 0;
  for (;;) {
    const start = p;
    while (p < n && isSpace(raw.charCodeAt(p))) p++;
    if (p >= n) return true;
    if (p === start) return false;
    const eq = raw.indexOf('=', p);
    if (eq < 0) return false;
    // One-letter names only: r, t, s (a name followed by spaces before '=' takes the slow path).
    const key = eq === p + 1 ? raw.charCodeAt(p) : 0;
    const quote = raw.charCodeAt(eq + 1);
    if (quote !== 34 && quote !== 39) return false;
    const end = raw.indexOf(quote === 34 ? '"' : "'", eq + 2);
    if (end < 0) return false;
    // The first of a repeated name counts, as readAttribute reads it.
    if (key === 114 /* r */ && found.r < 0) {
      found.r = eq + 2;
      found.rEnd = end;
    } else if (key === 116 /* t */ && found.t < 0) {
      found.t = eq + 2;
      found.tEnd = end;
    } else if (key === 115 /* s */ && found.s < 0) {
      found.s = eq + 2;
      found.sEnd = end;
    }
    p = end + 1;
  }
}

/** 'AB12' at raw[from, to) into cur, when it is plain capitals then at most 9 digits; false otherwise (the caller decodes it first). */
function readPlainRef(raw: string, from: number, to: number, cur: Cursor): boolean {
  let col = 0;
  let i = from;
  for (let c = raw.charCodeAt(i); i < to && c >= 65 && c <= 90; c = raw.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === from || i === to || to - i > 9) return false;
  let row = 0;
  for (let j = i; j < to; j += 1) {
    const c = raw.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  cur.col = col;
  cur.row = row;
  return true;
}

/** The digits at raw[from, to) as a number (at most 9 of them), else -1. */
function plainInt(raw: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let j = from; j < to; j += 1) {
    const c = raw.charCodeAt(j);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

const cellAttributes: CellAttributes = { r: -1, rEnd: -1, t: -1, tEnd: -1, s: -1, sEnd: -1 };

function openCell(cur: Cursor, a: AttributeReader, raw: string): void {
  const found = cellAttributes;
  if (scanCellAttributes(raw, found)) {
    const { r, rEnd, t, s, sEnd } = found;
    if (r < 0 || !(readPlainRef(raw, r, rEnd, cur) || readCellRef(decodeEntities(raw.slice(r, rEnd)), cur))) cur.col += 1;
    // t="s" on nearly every text cell: no string cut out (and decoded) for it.
    cur.type = t < 0 ? 'n' : found.tEnd === t + 1 && raw.charCodeAt(t) === 115 ? 's' : decodeEntities(raw.slice(t, found.tEnd));
    const style = s < 0 ? 0 : plainInt(raw, s, sEnd);
    cur.style = style >= 0 ? style : Number(decodeEntities(raw.slice(s, sEnd)));
  } else {
    if (!readCellRef(a('r'), cur)) cur.col += 1;
    cur.type = a('t') ?? 'n';
    const style = a('s');
    cur.style = style === undefined ? 0 : Number(style);
  }
  cur.raw = '';
  cur.inline = '';
}

/** A sheet's cells as they are read: rows by sheet row, texts by column (both 1-based), and the bounds. */
interface CellGrid {
  rows: (string[] | undefined)[];
  minR: number;
  minC: number;
  maxR: number;
  maxC: number;
}

function putCell(grid: CellGrid, r: number, c: number, text: string): void {
  const row = grid.rows[r] ?? (grid.rows[r] = []);
  row[c] = text;
  if (r < grid.minR) grid.minR = r;
  if (r > grid.maxR) grid.maxR = r;
  if (c < grid.minC) grid.minC = c;
  if (c > grid.maxC) grid.maxC = c;
}

export function parseSheetPart(zip: ZipArchive, entry: ZipEntry, name: string, ctx: SheetContext): UsedRange {
  // Rows straight into arrays (a map of maps, then copied into arrays, was a fifth of a sheet's read).
  const grid: CellGrid = { rows: [], minR: Infinity, minC: Infinity, maxR: 0, maxC: 0 };
  const merges: { firstRow: number; firstCol: number; lastRow: number; lastCol: number }[] = [];
  const cur: Cursor = { row: 0, col: 0, type: '', style: 0, raw: '', inline: '', inV: false, inT: false, phonetic: 0 };
  parseXmlPart(zip, entry, {
    open(tag, a, raw) {
      if (tag === 'row') {
        const r = a('r');
        cur.row = r ? Number(r) : cur.row + 1;
        cur.col = 0;
      } else if (tag === 'c') openCell(cur, a, raw());
      else if (tag === 'v') cur.inV = true;
      else if (tag === 't') cur.inT = true;
      else if (tag === 'rPh') cur.phonetic += 1;
      else if (tag === 'mergeCell') {
        const r = parseRangeAddress(a('ref') ?? '');
        if (r) merges.push(r);
      }
    },
    close(tag) {
      if (tag === 'v') cur.inV = false;
      else if (tag === 't') cur.inT = false;
      else if (tag === 'rPh') cur.phonetic -= 1;
      else if (tag === 'c') {
        const text = cellText(cur.type, cur.raw, cur.inline, cur.style, ctx);
        if (text !== '') putCell(grid, cur.row, cur.col, text);
      }
    },
    text(t) {
      if (cur.inV) cur.raw += t;
      else if (cur.inT && cur.phonetic === 0) cur.inline += t;
    },
  }, { markup: true });
  return toUsedRange(name, grid, merges);
}

function toUsedRange(name: string, grid: CellGrid, merges: { firstRow: number; firstCol: number; lastRow: number; lastCol: number }[]): UsedRange {
  let { minR, minC, maxR, maxC } = grid;
  for (const m of merges) {
    minR = Math.min(minR, m.firstRow);
    minC = Math.min(minC, m.firstCol);
    maxR = Math.max(maxR, m.lastRow);
    maxC = Math.max(maxC, m.lastCol);
  }
  if (maxR === 0) return { sheet: name, address: 'A1', values: [['']], merges: [] };
  if ((maxR - minR + 1) * (maxC - minC + 1) > MAX_CELLS) {
    throw new FenjieError('xlsx-too-large', `工作表“${name}”的使用区域过大，无法读取`, `The used range of sheet "${name}" is too large to read`, { details: { rows: maxR - minR + 1, cols: maxC - minC + 1 } });
  }
  const width = maxC - minC + 1;
  const values: string[][] = [];
  for (let r = minR; r <= maxR; r += 1) {
    const row = grid.rows[r];
    const out = new Array<string>(width);
    if (row) for (let c = 0; c < width; c += 1) out[c] = row[c + minC] ?? '';
    else out.fill('');
    values.push(out);
  }
  const areas: MergedArea[] = merges.map((m) => ({ row: m.firstRow - minR, col: m.firstCol - minC, rows: m.lastRow - m.firstRow + 1, cols: m.lastCol - m.firstCol + 1 }));
  return { sheet: name, address: rangeAddress(minR, minC, maxR, maxC), values, merges: areas };
}
