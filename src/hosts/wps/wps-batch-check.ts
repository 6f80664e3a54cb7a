/**
 * WPS applies each write at once and cannot roll a batch back, so the whole batch is checked
 * first, against a simulation of the sheet list it will produce. Any problem stops the batch
 * before the first change.
 */
import { FenjieError, type CellValue, type SheetInfo, type WriteOp } from '../../core/index';
import { MAX_COLS, MAX_ROWS, tryParseA1 } from './a1-address';
import { isColor } from './wps-color';

export interface BatchProblem {
  index: number;
  op: WriteOp['op'];
  messageZh: string;
  messageEn: string;
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Excel's and WPS's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

type Problem = [string, string];

export function checkSheetName(name: string): Problem | undefined {
  if (!name || name.length > 31) return [`工作表名称须为 1–31 个字符：「${name}」`, `Sheet names need 1–31 characters: "${name}"`];
  if (BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    return [`工作表名称不能含 [ ] : * ? / \\ 或以 ' 开头结尾：「${name}」`, `Sheet name has a forbidden character: "${name}"`];
  }
  return undefined;
}

function checkRange(address: string, label = '区域'): Problem | undefined {
  return tryParseA1(address) ? undefined : [`无效的${label}地址：${address}`, `Invalid address: ${address}`];
}

function checkCell(value: CellValue): Problem | undefined {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) return [`单元格文字超过 ${MAX_CELL_CHARS} 字`, `Cell text longer than ${MAX_CELL_CHARS} characters`];
  if (typeof value === 'number' && !Number.isFinite(value)) return ['单元格数值无效', 'Cell number is not finite'];
  if (value && typeof value === 'object' && 'date' in value && !ISO_DATE.test(value.date)) return [`日期须为 yyyy-mm-dd：${value.date}`, `Dates must be yyyy-mm-dd: ${value.date}`];
  if (value && typeof value === 'object' && 'formula' in value && !value.formula.trim()) return ['公式为空', 'Empty formula'];
  return undefined;
}

function checkValues(op: Extract<WriteOp, { op: 'writeValues' }>): Problem | undefined {
  const start = tryParseA1(op.start);
  if (!start || start.rows !== 1 || start.cols !== 1) return [`写入起点须为单个单元格：${op.start}`, `Write start must be one cell: ${op.start}`];
  const width = op.values[0]?.length ?? 0;
  if (op.values.some((row) => row.length !== width)) return ['写入的数据块各行长度不一', 'Rows of the value block differ in length'];
  if (start.row + op.values.length - 1 > MAX_ROWS || start.col + width - 1 > MAX_COLS) return ['写入的数据块超出工作表范围', 'Value block runs past the sheet edge'];
  for (const row of op.values) {
    for (const value of row) {
      const problem = checkCell(value);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkColors(colors: (string | undefined)[]): Problem | undefined {
  const bad = colors.find((c) => c !== undefined && !isColor(c));
  return bad === undefined ? undefined : [`无效的颜色：${bad}`, `Invalid colour: ${bad}`];
}

function checkRangeOp(op: WriteOp, tables: Set<string>): Problem | undefined {
  switch (op.op) {
    case 'writeValues':
      return checkValues(op);
    case 'clearRange':
    case 'merge':
    case 'unmerge':
      return checkRange(op.range);
    case 'setNote':
      return checkRange(op.cell, '单元格');
    case 'createTable': {
      if (!TABLE_NAME.test(op.name) || tables.has(op.name.toLowerCase())) return [`表名无效或重复：${op.name}`, `Table name invalid or repeated: ${op.name}`];
      tables.add(op.name.toLowerCase());
      return checkRange(op.range);
    }
    case 'setListValidation':
      if (op.list.length === 0) return ['下拉列表为空', 'Empty dropdown list'];
      return checkRange(op.range);
    case 'addConditionalFormat': {
      const rule = op.rule;
      if (rule.kind === 'expression' && !rule.formula.trim()) return ['条件格式公式为空', 'Empty conditional format formula'];
      const colors = rule.kind === 'dataBar' ? [rule.color] : rule.kind === 'colorScale' ? [rule.minColor, rule.midColor, rule.maxColor] : [rule.fill?.color, rule.font?.color];
      return checkRange(rule.range) ?? checkColors(colors);
    }
    case 'setFormat': {
      const width = op.format.columnWidth;
      if (width !== undefined && !(width >= 0 && width <= 255)) return [`列宽须在 0–255 之间：${width}`, `Column width must be 0–255: ${width}`];
      return checkRange(op.range) ?? checkColors([op.format.fill?.color, op.format.font?.color]);
    }
    case 'freeze':
      if (!(Number.isInteger(op.rows) && Number.isInteger(op.cols) && op.rows >= 0 && op.cols >= 0)) return ['冻结的行列数须为非负整数', 'Freeze rows/cols must be whole numbers ≥ 0'];
      return undefined;
    default:
      return undefined;
  }
}

/** Simulates the sheet list through the batch; returns a problem for the op or undefined. */
function checkSheetOp(op: WriteOp, sheets: Map<string, SheetInfo>): Problem | undefined {
  const key = op.sheet.toLowerCase();
  const existing = sheets.get(key);
  const visibleCount = () => [...sheets.values()].filter((s) => s.visibility === 'visible').length;
  if (op.op === 'addSheet') {
    if (existing) return [`工作表已存在：${op.sheet}`, `Sheet exists already: ${op.sheet}`];
    const bad = checkSheetName(op.sheet);
    if (!bad) sheets.set(key, { name: op.sheet, visibility: 'visible' });
    return bad;
  }
  if (!existing) return [`找不到工作表：${op.sheet}`, `No such sheet: ${op.sheet}`];
  switch (op.op) {
    case 'deleteSheet':
      if (existing.visibility === 'visible' && visibleCount() === 1) return ['不能删除最后一个可见的工作表', 'Cannot delete the last visible sheet'];
      sheets.delete(key);
      return undefined;
    case 'renameSheet':
    case 'copySheet': {
      const target = op.to.toLowerCase();
      const bad = checkSheetName(op.to);
      if (bad) return bad;
      if (sheets.has(target) && !(op.op === 'renameSheet' && target === key)) return [`工作表已存在：${op.to}`, `Sheet exists already: ${op.to}`];
      if (op.op === 'renameSheet') sheets.delete(key);
      sheets.set(target, { name: op.to, visibility: op.op === 'renameSheet' ? existing.visibility : 'visible' });
      return undefined;
    }
    case 'setSheetVisibility':
      if (op.visibility !== 'visible' && existing.visibility === 'visible' && visibleCount() === 1) return ['不能隐藏最后一个可见的工作表', 'Cannot hide the last visible sheet'];
      existing.visibility = op.visibility;
      return undefined;
    case 'activate':
      return existing.visibility === 'visible' ? undefined : [`不能激活隐藏的工作表：${op.sheet}`, `Cannot activate a hidden sheet: ${op.sheet}`];
    default:
      return undefined;
  }
}

/** Every problem in the batch, in order; empty when the batch can run. */
export function findBatchProblems(ops: WriteOp[], sheetsBefore: SheetInfo[]): BatchProblem[] {
  const sheets = new Map(sheetsBefore.map((s) => [s.name.toLowerCase(), { ...s }]));
  const tables = new Set<string>();
  const problems: BatchProblem[] = [];
  ops.forEach((op, index) => {
    const problem = checkSheetOp(op, sheets) ?? checkRangeOp(op, tables);
    if (problem) problems.push({ index, op: op.op, messageZh: problem[0], messageEn: problem[1] });
  });
  return problems;
}

/** Throws `host-batch-invalid` listing the problems, before anything has been changed. */
export function assertBatchValid(ops: WriteOp[], sheetsBefore: SheetInfo[]): void {
  const problems = findBatchProblems(ops, sheetsBefore);
  if (problems.length === 0) return;
  const first = problems[0];
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处）` : '';
  const moreEn = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new FenjieError(
    'host-batch-invalid',
    `写入前检查未通过，未做任何修改：第 ${first.index + 1} 步 ${first.op}：${first.messageZh}${more}`,
    `Batch refused before any change: step ${first.index + 1} ${first.op}: ${first.messageEn}${moreEn}`,
    { details: { problems } },
  );
}
