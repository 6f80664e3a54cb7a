/**
 * Checks a whole WriteOp batch against the workbook's sheets before anything is written.
 * Every adapter calls it first: WPS writes cannot be rolled back and Office.js batches are not
 * transactional, so a bad op must be found before the first change.
 */
import { FenjieError } from '../errors';
import type { CellValue } from '../sheet/cell-value';
import type { SheetInfo } from './host.port';
import type { WriteOp } from '../sheet/write-op';
import { fitsGrid, isValidSheetName, tryParseCell, tryParseRange } from '../sheet/a1';
import { isDateValue, isFormulaValue } from '../sheet/cell-value';

const MAX_CELL_TEXT = 32767;
const TABLE_NAME_RE = /^[A-Za-z_\\\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]{0,254}$/;
const CF_KINDS = new Set(['equals', 'expression', 'dataBar', 'colorScale']);

type Visibility = SheetInfo['visibility'];

function invalid(index: number, op: WriteOp, zh: string, en: string): FenjieError {
  return new FenjieError('host-invalid-op', `第 ${index + 1} 步（${op?.op}）无效：${zh}`, `Step ${index + 1} (${op?.op}) is invalid: ${en}`, {
    details: { index, op: op?.op, sheet: (op as { sheet?: string })?.sheet },
  });
}

function isValidValue(value: CellValue): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'string') return value.length <= MAX_CELL_TEXT;
  if (typeof value === 'number') return Number.isFinite(value);
  if (isFormulaValue(value)) return value.formula.length > 0;
  if (isDateValue(value)) return /^\d{4}-\d{2}-\d{2}/.test(value.date);
  return false;
}

/** The range (or cell) an op addresses, if it has one. */
export function opAddress(op: WriteOp): string | undefined {
  switch (op.op) {
    case 'writeValues':
      return op.start;
    case 'clearRange':
    case 'clearConditionalFormats':
    case 'createTable':
    case 'setListValidation':
    case 'setFormat':
    case 'merge':
    case 'unmerge':
      return op.range;
    case 'addConditionalFormat':
      return op.rule?.range;
    case 'setNote':
      return op.cell;
    case 'addChart':
      return op.chart?.dataRange;
    default:
      return undefined;
  }
}

class SheetSet {
  private readonly byKey = new Map<string, Visibility>();
  constructor(sheets: SheetInfo[]) {
    for (const s of sheets) this.byKey.set(s.name.toLowerCase(), s.visibility);
  }
  has(name: string): boolean {
    return typeof name === 'string' && this.byKey.has(name.toLowerCase());
  }
  visibility(name: string): Visibility | undefined {
    return this.byKey.get(name.toLowerCase());
  }
  set(name: string, visibility: Visibility): void {
    this.byKey.set(name.toLowerCase(), visibility);
  }
  delete(name: string): void {
    this.byKey.delete(name.toLowerCase());
  }
  visibleCount(): number {
    return [...this.byKey.values()].filter((v) => v === 'visible').length;
  }
}

type OpOf<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

function checkAddSheet(op: OpOf<'addSheet'>, i: number, sheets: SheetSet): void {
  if (!isValidSheetName(op.sheet)) throw invalid(i, op, `工作表名称不合法：${op.sheet}`, `bad sheet name: ${op.sheet}`);
  if (sheets.has(op.sheet)) throw invalid(i, op, `工作表已存在：${op.sheet}`, `sheet already exists: ${op.sheet}`);
  sheets.set(op.sheet, 'visible');
}

function checkRenameOrCopy(op: OpOf<'renameSheet' | 'copySheet'>, i: number, sheets: SheetSet): void {
  if (!isValidSheetName(op.to)) throw invalid(i, op, `工作表名称不合法：${op.to}`, `bad sheet name: ${op.to}`);
  const clash = op.op === 'copySheet' ? sheets.has(op.to) : sheets.has(op.to) && op.to.toLowerCase() !== op.sheet.toLowerCase();
  if (clash) throw invalid(i, op, `工作表已存在：${op.to}`, `sheet already exists: ${op.to}`);
  const vis = sheets.visibility(op.sheet) ?? 'visible';
  if (op.op === 'renameSheet') sheets.delete(op.sheet);
  sheets.set(op.to, op.op === 'copySheet' ? 'visible' : vis);
}

function checkDeleteSheet(op: OpOf<'deleteSheet'>, i: number, sheets: SheetSet): void {
  if (sheets.visibility(op.sheet) === 'visible' && sheets.visibleCount() <= 1) throw invalid(i, op, '不能删除唯一的可见工作表', 'cannot delete the only visible sheet');
  sheets.delete(op.sheet);
}

function checkVisibility(op: OpOf<'setSheetVisibility'>, i: number, sheets: SheetSet): void {
  if (!['visible', 'hidden', 'veryHidden'].includes(op.visibility)) throw invalid(i, op, '可见性取值无效', 'bad visibility');
  if (op.visibility !== 'visible' && sheets.visibility(op.sheet) === 'visible' && sheets.visibleCount() <= 1)
    throw invalid(i, op, '不能隐藏唯一的可见工作表', 'cannot hide the only visible sheet');
  sheets.set(op.sheet, op.visibility);
}

function checkSheetOp(op: WriteOp, i: number, sheets: SheetSet): void {
  if (op.op === 'addSheet') checkAddSheet(op, i, sheets);
  else if (op.op === 'renameSheet' || op.op === 'copySheet') checkRenameOrCopy(op, i, sheets);
  else if (op.op === 'deleteSheet') checkDeleteSheet(op, i, sheets);
  else if (op.op === 'setSheetVisibility') checkVisibility(op, i, sheets);
  else if (op.op === 'activate' && sheets.visibility(op.sheet) !== 'visible') throw invalid(i, op, '不能激活隐藏的工作表', 'cannot activate a hidden sheet');
}

/** Table names in use, each with the (lower-case) sheet it sits on when known, so deleting a sheet frees its names. */
type TableNames = Map<string, string | null>;

function checkWriteValues(op: OpOf<'writeValues'>, i: number): void {
  const start = typeof op.start === 'string' ? tryParseCell(op.start) : undefined;
  if (!start) throw invalid(i, op, `单元格地址无效：${op.start}`, `bad address: ${op.start}`);
  if (!Array.isArray(op.values) || op.values.length === 0 || !op.values.every(Array.isArray)) throw invalid(i, op, '值必须是非空二维数组', 'values must be a non-empty 2-D array');
  const cols = op.values.reduce((m, r) => Math.max(m, r.length), 1);
  if (!fitsGrid({ ...start, rows: op.values.length, cols })) throw invalid(i, op, '写入区域超出工作表范围', 'block does not fit the sheet');
  for (const row of op.values) for (const v of row) if (!isValidValue(v)) throw invalid(i, op, `单元格值无效：${JSON.stringify(v)}`, `bad cell value: ${JSON.stringify(v)}`);
}

function checkCreateTable(op: OpOf<'createTable'>, i: number, tableNames: TableNames): void {
  if (!TABLE_NAME_RE.test(op.name ?? '')) throw invalid(i, op, `表名称不合法：${op.name}`, `bad table name: ${op.name}`);
  if (tableNames.has(op.name.toLowerCase())) throw invalid(i, op, `表名称重复：${op.name}`, `duplicate table name: ${op.name}`);
  tableNames.set(op.name.toLowerCase(), op.sheet.toLowerCase());
}

function checkRangeOp(op: WriteOp, i: number, tableNames: TableNames): void {
  if (op.op === 'createTable') checkCreateTable(op, i, tableNames);
  else if (op.op === 'setListValidation' && (!Array.isArray(op.list) || op.list.length === 0)) throw invalid(i, op, '下拉列表为空', 'empty list');
  else if (op.op === 'addConditionalFormat' && !CF_KINDS.has(op.rule?.kind)) throw invalid(i, op, '条件格式类型未知', 'unknown conditional format kind');
  else if (op.op === 'addChart') checkChart(op, i);
  else if (op.op === 'freeze' && !(Number.isInteger(op.rows) && Number.isInteger(op.cols) && op.rows >= 0 && op.cols >= 0))
    throw invalid(i, op, '冻结行列数无效', 'bad freeze counts');
}

function checkCellsOp(op: WriteOp, i: number, tableNames: TableNames): void {
  if (op.op === 'writeValues') return checkWriteValues(op, i);
  const address = opAddress(op);
  if (address !== undefined && !(typeof address === 'string' && tryParseRange(address)))
    throw invalid(i, op, `单元格地址无效：${address}`, `bad address: ${address}`);
  checkRangeOp(op, i, tableNames);
}

const CHART_KINDS = new Set(['column', 'bar', 'pie']);

function checkChart(op: OpOf<'addChart'>, i: number): void {
  const chart = op.chart;
  if (!CHART_KINDS.has(chart?.kind)) throw invalid(i, op, `图表类型未知：${chart?.kind}`, `unknown chart kind: ${chart?.kind}`);
  if (!(typeof chart.anchor === 'string' && tryParseCell(chart.anchor))) throw invalid(i, op, `图表位置无效：${chart.anchor}`, `bad chart anchor: ${chart.anchor}`);
  if (typeof chart.title !== 'string') throw invalid(i, op, '图表标题必须是文字', 'the chart title must be text');
}

const KNOWN_OPS = new Set<WriteOp['op']>([
  'addSheet', 'deleteSheet', 'renameSheet', 'copySheet', 'setSheetVisibility', 'writeValues', 'clearRange', 'createTable',
  'setListValidation', 'addConditionalFormat', 'clearConditionalFormats', 'setFormat', 'setNote', 'merge', 'unmerge', 'freeze', 'activate', 'addChart',
]);

/**
 * Throws FenjieError 'host-invalid-op' for the first op that cannot be applied: unknown op,
 * unknown sheet, bad address or value, duplicate sheet or table name, hiding the last visible sheet.
 * `existingTables` are table names already in the workbook, when the host knows them.
 */
export function checkBatch(ops: WriteOp[], sheets: SheetInfo[], existingTables: (string | { name: string; sheet: string })[] = []): void {
  if (!Array.isArray(ops)) throw new FenjieError('host-invalid-op', '写入操作必须是数组', 'The write operations must be an array');
  const names = new SheetSet(sheets);
  const tableNames: TableNames = new Map(
    existingTables.map((t) => (typeof t === 'string' ? [t.toLowerCase(), null] : [t.name.toLowerCase(), t.sheet.toLowerCase()])),
  );
  ops.forEach((op, i) => {
    if (!op || !KNOWN_OPS.has(op.op)) throw invalid(i, op, `未知操作：${op?.op}`, `unknown op: ${op?.op}`);
    if (op.op !== 'addSheet' && !names.has(op.sheet)) throw invalid(i, op, `找不到工作表：${op.sheet}`, `no such sheet: ${op.sheet}`);
    checkCellsOp(op, i, tableNames);
    checkSheetOp(op, i, names);
    if (op.op === 'deleteSheet') freeTableNames(tableNames, op.sheet);
    if (op.op === 'renameSheet') moveTableNames(tableNames, op.sheet, op.to);
  });
}

function freeTableNames(tableNames: TableNames, sheet: string): void {
  for (const [name, on] of tableNames) if (on === sheet.toLowerCase()) tableNames.delete(name);
}

function moveTableNames(tableNames: TableNames, from: string, to: string): void {
  for (const [name, on] of tableNames) if (on === from.toLowerCase()) tableNames.set(name, to.toLowerCase());
}
