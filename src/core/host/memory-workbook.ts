/**
 * The in-memory workbook behind the memory host: sheets of cells, merges, tables, validations,
 * conditional formats, notes, formats, charts, visibility. Plain data so it can be cloned (for atomic
 * batches) and snapshotted (for tests and the e2e harness grid).
 */
import type { CellValue } from '../sheet/cell-value';
import type { ChartPlan, ConditionalFormatPlan } from '../sheet/sheet-style';
import type { FormatSpec, WriteOp } from '../sheet/write-op';
import type { HostCapabilities, SheetInfo } from './host.port';
import { MAX_COLS, columnLetters, formatRange, parseCell, parseRange, rangesIntersect, type RangeRect } from '../sheet/a1';
import { displayText, numberFormatFor } from '../sheet/cell-value';

export type Visibility = SheetInfo['visibility'];

export interface MemorySheet {
  name: string;
  visibility: Visibility;
  cells: Map<number, CellValue>;
  numberFormats: Map<number, string>;
  merges: RangeRect[];
  tables: { name: string; range: string; style?: string }[];
  validations: { range: string; list: string[]; strict: boolean }[];
  conditionalFormats: ConditionalFormatPlan[];
  formats: { range: string; format: FormatSpec }[];
  notes: Map<string, string>;
  columnWidths: Map<number, number>;
  freeze?: { rows: number; cols: number };
  charts: ChartPlan[];
}

export interface MemoryBook {
  sheets: MemorySheet[];
  active: string;
  selection?: { sheet: string; range: string };
}

export type Degraded = { op: WriteOp['op']; sheet?: string; message: string; messageEn: string };

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

export function createSheet(name: string, visibility: Visibility = 'visible'): MemorySheet {
  return {
    name,
    visibility,
    cells: new Map(),
    numberFormats: new Map(),
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    formats: [],
    notes: new Map(),
    columnWidths: new Map(),
    charts: [],
  };
}

export function findSheet(book: MemoryBook, name: string): MemorySheet | undefined {
  const key = String(name).toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === key);
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** Writes a 2-D block; `withFormats` sets the text/date number format each value needs (adapter writes). */
export function writeBlock(sheet: MemorySheet, start: string, values: CellValue[][], withFormats: boolean): RangeRect {
  const origin = parseCell(start);
  const cols = values.reduce((m, r) => Math.max(m, r.length), 1);
  values.forEach((row, r) => {
    for (let c = 0; c < cols; c++) {
      const value = c < row.length ? row[c] : null;
      const key = cellKey(origin.row + r, origin.col + c);
      if (isEmpty(value)) sheet.cells.delete(key);
      else sheet.cells.set(key, value);
      if (withFormats) sheet.numberFormats.set(key, numberFormatFor(value));
    }
  });
  return { ...origin, rows: values.length, cols };
}

function forEachCell(rect: RangeRect, fn: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) fn(r, c);
}

type OpOf<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;
interface ApplyContext {
  book: MemoryBook;
  sheet: MemorySheet;
  caps: HostCapabilities;
  degrade: (zh: string, en: string) => Degraded;
}
type Apply<K extends WriteOp['op']> = (ctx: ApplyContext, op: OpOf<K>) => Degraded | undefined;

function applyDeleteSheet({ book, sheet }: ApplyContext): undefined {
  book.sheets = book.sheets.filter((s) => s !== sheet);
  if (book.active.toLowerCase() === sheet.name.toLowerCase()) book.active = book.sheets.find((s) => s.visibility === 'visible')?.name ?? '';
  return undefined;
}

function applyCopySheet({ book, sheet }: ApplyContext, op: OpOf<'copySheet'>): undefined {
  const copy = structuredClone(sheet);
  copy.name = op.to;
  copy.visibility = 'visible';
  copy.tables = [];
  book.sheets.splice(book.sheets.indexOf(sheet) + 1, 0, copy);
  return undefined;
}

function applyVisibility({ sheet, caps, degrade }: ApplyContext, op: OpOf<'setSheetVisibility'>): Degraded | undefined {
  if (op.visibility === 'veryHidden' && !caps.veryHiddenSheets) {
    sheet.visibility = 'hidden';
    return degrade('此环境不支持深度隐藏，已改为普通隐藏', 'Very hidden sheets are not supported; the sheet is hidden instead');
  }
  sheet.visibility = op.visibility;
  return undefined;
}

function applyCreateTable({ sheet, caps, degrade }: ApplyContext, op: OpOf<'createTable'>): Degraded | undefined {
  if (!caps.tables) {
    const rect = parseRange(op.range);
    sheet.formats.push({ range: formatRange({ ...rect, rows: 1 }), format: { font: { bold: true }, fill: { color: '#D9E1F2' } } });
    return degrade('此环境不支持表格对象，已改为带格式的表头', 'Tables are not supported; a styled header row was used instead');
  }
  sheet.tables.push({ name: op.name, range: formatRange(parseRange(op.range)), ...(op.style ? { style: op.style } : {}) });
  return undefined;
}

function applyMerge({ sheet }: ApplyContext, op: OpOf<'merge' | 'unmerge'>): undefined {
  const rect = parseRange(op.range);
  sheet.merges = sheet.merges.filter((m) => !rangesIntersect(m, rect));
  if (op.op === 'merge' && (rect.rows > 1 || rect.cols > 1)) sheet.merges.push(rect);
  return undefined;
}

function applyConditionalFormat({ sheet, caps, degrade }: ApplyContext, op: OpOf<'addConditionalFormat'>): Degraded | undefined {
  if (!caps.conditionalFormats || (op.rule.kind === 'dataBar' && !caps.dataBars)) return degrade('此环境不支持该条件格式，已跳过', 'This conditional format is not supported and was skipped');
  sheet.conditionalFormats.push(structuredClone(op.rule));
  return undefined;
}

const APPLY: { [K in Exclude<WriteOp['op'], 'addSheet'>]: Apply<K> } = {
  deleteSheet: applyDeleteSheet,
  renameSheet: ({ book, sheet }, op) => {
    if (book.active === sheet.name) book.active = op.to;
    sheet.name = op.to;
    return undefined;
  },
  copySheet: applyCopySheet,
  setSheetVisibility: applyVisibility,
  writeValues: ({ sheet }, op) => {
    writeBlock(sheet, op.start, op.values, true);
    return undefined;
  },
  clearRange: ({ sheet }, op) => {
    forEachCell(parseRange(op.range), (r, c) => {
      sheet.cells.delete(cellKey(r, c));
      sheet.numberFormats.delete(cellKey(r, c));
    });
    return undefined;
  },
  createTable: applyCreateTable,
  setListValidation: ({ sheet, caps, degrade }, op) => {
    if (!caps.listValidation) return degrade('此环境不支持下拉列表', 'List validation is not supported');
    sheet.validations.push({ range: formatRange(parseRange(op.range)), list: [...op.list], strict: op.strict });
    return undefined;
  },
  addConditionalFormat: applyConditionalFormat,
  // As WPS's FormatConditions.Delete: every rule that touches the range goes (Excel trims it instead).
  clearConditionalFormats: ({ sheet }, op) => {
    const rect = parseRange(op.range);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((rule) => !rangesIntersect(parseRange(rule.range), rect));
    return undefined;
  },
  setFormat: ({ sheet }, op) => {
    applyFormat(sheet, op.range, op.format);
    return undefined;
  },
  setNote: ({ sheet, caps, degrade }, op) => {
    if (!caps.notes) return degrade('此环境不支持批注，已跳过', 'Notes are not supported and were skipped');
    sheet.notes.set(formatRange(parseRange(op.cell)), op.text);
    return undefined;
  },
  merge: applyMerge,
  unmerge: applyMerge,
  freeze: ({ sheet }, op) => {
    sheet.freeze = op.rows || op.cols ? { rows: op.rows, cols: op.cols } : undefined;
    return undefined;
  },
  activate: ({ book, sheet }) => {
    book.active = sheet.name;
    return undefined;
  },
  addChart: ({ sheet, caps, degrade }, op) => {
    if (caps.charts === false) return degrade('此环境不支持图表，已跳过', 'Charts are not supported and were skipped');
    sheet.charts.push({ ...op.chart, dataRange: formatRange(parseRange(op.chart.dataRange)), anchor: formatRange(parseRange(op.chart.anchor)) });
    return undefined;
  },
};

/** Applies one checked op. Returns a degraded entry when a capability is switched off. */
export function applyOp(book: MemoryBook, op: WriteOp, caps: HostCapabilities): Degraded | undefined {
  if (op.op === 'addSheet') {
    book.sheets.push(createSheet(op.sheet));
    return undefined;
  }
  const sheet = findSheet(book, op.sheet) as MemorySheet;
  const degrade = (zh: string, en: string): Degraded => ({ op: op.op, sheet: sheet.name, message: zh, messageEn: en });
  return (APPLY[op.op] as Apply<typeof op.op>)({ book, sheet, caps, degrade }, op);
}

function applyFormat(sheet: MemorySheet, range: string, format: FormatSpec): void {
  const rect = parseRange(range);
  sheet.formats.push({ range: formatRange(rect), format: structuredClone(format) });
  if (format.columnWidth !== undefined) for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, format.columnWidth);
  if (format.numberFormat !== undefined) forEachCell(rect, (r, c) => sheet.numberFormats.set(cellKey(r, c), format.numberFormat as string));
}

/** Bounding box of the non-empty cells, or undefined for an empty sheet. */
export function usedRect(sheet: MemorySheet): RangeRect | undefined {
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  for (const [key, value] of sheet.cells) {
    if (isEmpty(value)) continue;
    const r = Math.floor(key / MAX_COLS);
    const c = key % MAX_COLS;
    minR = Math.min(minR, r);
    minC = Math.min(minC, c);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }
  return maxR < 0 ? undefined : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
}

/** Display text of a rectangle. */
export function readText(sheet: MemorySheet, rect: RangeRect): string[][] {
  const out: string[][] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const row: string[] = [];
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const key = cellKey(r, c);
      row.push(displayText(sheet.cells.get(key) ?? null, sheet.numberFormats.get(key)));
    }
    out.push(row);
  }
  return out;
}

/** Raw values of a rectangle. */
export function readValues(sheet: MemorySheet, rect: RangeRect): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const row: CellValue[] = [];
    for (let c = rect.col; c < rect.col + rect.cols; c++) row.push(sheet.cells.get(cellKey(r, c)) ?? null);
    out.push(row);
  }
  return out;
}

export function columnWidthsRecord(sheet: MemorySheet): Record<string, number> {
  return Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]));
}
