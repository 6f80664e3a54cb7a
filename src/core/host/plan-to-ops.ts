/**
 * WorkbookPlan → the ordered WriteOps every host applies. Per sheet: add it, write one block
 * (preamble, header, rows) so values travel as a single 2-D write, then the table, dropdowns,
 * conditional formats, column formats, cell styles and notes, then the freeze and the charts. Visibility
 * changes come last, once every sheet exists (a workbook must keep one visible sheet).
 */
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan, WorkbookPlan } from '../workbook/plan.model';
import type { FormatSpec, WriteOp } from '../sheet/write-op';
import type { SheetInfo } from './host.port';
import { formatRange } from '../sheet/a1';
import { DATE_FORMAT, TEXT_FORMAT } from '../sheet/cell-value';

export interface PlanToOpsOptions {
  /** Sheets already in the workbook; plan sheets with these names are deleted and written anew. */
  existingSheets?: string[];
  /** Activate this sheet at the end (default: the first visible plan sheet). */
  activate?: string;
}

const HEADER_FILL = '#D9E1F2';

/** Where a plan sheet's header row sits (0-based) and how far its data reaches. */
export function sheetLayout(sheet: SheetPlan): { headerRow: number; firstDataRow: number; lastRow: number; cols: number } {
  const headerRow = sheet.preamble?.length ?? 0;
  const firstDataRow = headerRow + 1;
  return { headerRow, firstDataRow, lastRow: headerRow + Math.max(sheet.rows.length, 1), cols: Math.max(sheet.columns.length, 1) };
}

function sheetBlock(sheet: SheetPlan): CellValue[][] {
  const cols = Math.max(sheet.columns.length, 1);
  const pad = (row: CellValue[]): CellValue[] => (row.length >= cols ? row.slice(0, cols) : [...row, ...new Array<CellValue>(cols - row.length).fill(null)]);
  const block: CellValue[][] = (sheet.preamble ?? []).map((line) => pad([line]));
  if (sheet.columns.length) block.push(sheet.columns.map((c) => c.header));
  for (const row of sheet.rows) block.push(pad(row));
  return block;
}

function columnFormat(column: ColumnPlan): FormatSpec {
  const format: FormatSpec = { columnWidth: column.width };
  if (column.wrap) format.wrap = true;
  const numberFormat = column.numberFormat ?? (column.kind === 'date' ? DATE_FORMAT : column.kind === 'percent' ? '0%' : column.kind === 'number' ? undefined : TEXT_FORMAT);
  if (numberFormat) format.numberFormat = numberFormat;
  return format;
}

function headerOps(sheet: SheetPlan, name: string): WriteOp[] {
  if (!sheet.columns.length) return [];
  const { headerRow, lastRow, cols } = sheetLayout(sheet);
  const header = formatRange({ row: headerRow, col: 0, rows: 1, cols });
  if (sheet.table) {
    const range = formatRange({ row: headerRow, col: 0, rows: lastRow - headerRow + 1, cols });
    return [{ op: 'createTable', sheet: name, range, name: sheet.table.name, ...(sheet.table.style ? { style: sheet.table.style } : {}) }];
  }
  return [{ op: 'setFormat', sheet: name, range: header, format: { font: { bold: true }, fill: { color: HEADER_FILL }, wrap: true } }];
}

function columnOps(sheet: SheetPlan, name: string): WriteOp[] {
  const { firstDataRow, lastRow } = sheetLayout(sheet);
  return sheet.columns.map((column, col) => ({
    op: 'setFormat' as const,
    sheet: name,
    range: formatRange({ row: firstDataRow, col, rows: lastRow - firstDataRow + 1, cols: 1 }),
    format: columnFormat(column),
  }));
}

function preambleOps(sheet: SheetPlan, name: string): WriteOp[] {
  if (!sheet.preamble?.length) return [];
  return [{ op: 'setFormat', sheet: name, range: 'A1', format: { font: { bold: true } } }];
}

function styleOps(sheet: SheetPlan, name: string): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const style of sheet.cellStyles ?? []) {
    if (style.font || style.fill) ops.push({ op: 'setFormat', sheet: name, range: style.range, format: { ...(style.font ? { font: style.font } : {}), ...(style.fill ? { fill: style.fill } : {}) } });
    if (style.note) ops.push({ op: 'setNote', sheet: name, cell: style.range.split(':')[0], text: style.note });
  }
  return ops;
}

/** The ops that draw one sheet (without its visibility). */
export function sheetToOps(sheet: SheetPlan): WriteOp[] {
  const name = sheet.name;
  const ops: WriteOp[] = [{ op: 'addSheet', sheet: name }];
  const block = sheetBlock(sheet);
  if (block.length) ops.push({ op: 'writeValues', sheet: name, start: 'A1', values: block });
  for (const op of [preambleOps(sheet, name), headerOps(sheet, name), columnOps(sheet, name)].flat()) ops.push(op);
  for (const v of sheet.validations ?? []) ops.push({ op: 'setListValidation', sheet: name, range: v.range, list: v.list, strict: v.strict });
  for (const rule of sheet.conditionalFormats ?? []) ops.push({ op: 'addConditionalFormat', sheet: name, rule });
  for (const op of styleOps(sheet, name)) ops.push(op); // one per styled cell: no spread
  if (sheet.freeze && (sheet.freeze.rows || sheet.freeze.cols)) ops.push({ op: 'freeze', sheet: name, rows: sheet.freeze.rows, cols: sheet.freeze.cols });
  for (const chart of sheet.charts ?? []) ops.push({ op: 'addChart', sheet: name, chart: { ...chart } });
  return ops;
}

/**
 * The whole plan as one ordered batch. Existing sheets of the same names (the caller has asked
 * the user) are renamed aside first and deleted once the new sheets exist, so the workbook never
 * loses its last visible sheet; a plan with no visible sheet keeps its first sheet visible.
 */
export function planToOps(plan: WorkbookPlan, options: PlanToOpsOptions = {}): WriteOp[] {
  const existing = new Set((options.existingSheets ?? []).map((s) => s.toLowerCase()));
  const replaced = plan.sheets.filter((s) => existing.has(s.name.toLowerCase())).map((s) => s.name);
  const ops: WriteOp[] = replaced.map((sheet) => ({ op: 'renameSheet', sheet, to: asideName(sheet) }));
  for (const op of plan.sheets.flatMap(sheetToOps)) ops.push(op);
  for (const sheet of replaced) ops.push({ op: 'deleteSheet', sheet: asideName(sheet) });
  const visible = plan.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible');
  plan.sheets.forEach((sheet, i) => {
    const visibility: SheetInfo['visibility'] = sheet.visibility ?? 'visible';
    if (visibility !== 'visible' && (visible.length > 0 || i > 0)) ops.push({ op: 'setSheetVisibility', sheet: sheet.name, visibility });
  });
  const target = options.activate ?? visible[0]?.name ?? plan.sheets[0]?.name;
  if (target) ops.push({ op: 'activate', sheet: target });
  return ops;
}

/** A temporary name for a sheet being replaced. */
function asideName(name: string): string {
  return `~old~${name}`.slice(0, 31);
}
