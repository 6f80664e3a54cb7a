/**
 * Queues WriteOps on one Excel request context. Values go as 2-D blocks with the number format
 * each cell needs set first ('@' for every string, so '=…', '+…', '001' stay text); blocks are cut
 * into row chunks and the context is synced whenever the queued data would pass the payload budget.
 */
import {
  estimateJsonBytes, formatRange, formulaText, isDateValue, isFormulaValue, isoDateToSerial, numberFormatFor, parseCell, parseRange,
  qualifyAddress, type ApplyReport, type CellValue, type ConditionalFormatPlan, type FormatSpec, type WriteOp,
} from '../../core';
import type { OfficeFeatures } from './office-capabilities';

/** Excel's limit for an inline list validation source. */
const LIST_SOURCE_LIMIT = 255;
/** Rough size of one queued command besides its data. */
const COMMAND_BYTES = 200;

type Degraded = ApplyReport['degraded'][number];

export interface WriteSession {
  context: Excel.RequestContext;
  features: OfficeFeatures;
  budget: number;
  queuedBytes: number;
  syncs: number;
}

/** Reserves payload for the next command, syncing first when it would not fit. */
export async function reserve(session: WriteSession, bytes: number): Promise<void> {
  if (session.queuedBytes > 0 && session.queuedBytes + bytes > session.budget) await syncNow(session);
  session.queuedBytes += bytes;
}

/** Sends what is queued and suspends calculation again (suspension lasts until the next sync only). */
export async function syncNow(session: WriteSession): Promise<void> {
  await session.context.sync();
  session.syncs++;
  session.queuedBytes = 0;
  if (session.features.has('suspendCalculation')) session.context.workbook.application.suspendApiCalculationUntilNextSync();
}

export function toExcelValue(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (isFormulaValue(value)) return formulaText(value);
  if (isDateValue(value)) return isoDateToSerial(value.date);
  return value;
}

/** Column width in characters → points (Excel: 8.43 characters = 64 px = 48 pt). */
export function charsToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

async function writeValues(session: WriteSession, op: Extract<WriteOp, { op: 'writeValues' }>): Promise<void> {
  const sheet = session.context.workbook.worksheets.getItem(op.sheet);
  const origin = parseCell(op.start);
  const cols = Math.max(1, ...op.values.map((r) => r.length));
  let chunkStart = 0;
  let chunkBytes = 0;
  const rows = op.values.map((row) => {
    const values: (string | number | boolean)[] = [];
    const formats: string[] = [];
    for (let c = 0; c < cols; c++) {
      const v = c < row.length ? row[c] : null;
      values.push(toExcelValue(v));
      formats.push(v === null || v === undefined ? 'General' : numberFormatFor(v));
    }
    return { values, formats, bytes: estimateJsonBytes(values) + estimateJsonBytes(formats) };
  });
  const flush = async (end: number) => {
    if (end <= chunkStart) return;
    await reserve(session, chunkBytes + COMMAND_BYTES);
    const part = rows.slice(chunkStart, end);
    const range = sheet.getRange(formatRange({ row: origin.row + chunkStart, col: origin.col, rows: part.length, cols }));
    range.numberFormat = part.map((r) => r.formats);
    range.values = part.map((r) => r.values);
    chunkStart = end;
    chunkBytes = 0;
  };
  for (let i = 0; i < rows.length; i++) {
    const need = rows[i].bytes + COMMAND_BYTES;
    if (chunkBytes > 0 && session.queuedBytes + chunkBytes + need > session.budget) await flush(i);
    if (chunkBytes === 0 && session.queuedBytes > 0 && session.queuedBytes + need > session.budget) await syncNow(session);
    chunkBytes += rows[i].bytes;
  }
  await flush(rows.length);
}

async function setFormat(session: WriteSession, sheetName: string, address: string, format: FormatSpec): Promise<void> {
  const range = session.context.workbook.worksheets.getItem(sheetName).getRange(address);
  const rect = parseRange(address);
  let bytes = COMMAND_BYTES;
  if (format.numberFormat !== undefined) {
    const grid = Array.from({ length: rect.rows }, () => new Array<string>(rect.cols).fill(format.numberFormat as string));
    bytes += estimateJsonBytes(grid);
    await reserve(session, bytes);
    range.numberFormat = grid;
  } else await reserve(session, bytes);
  if (format.wrap !== undefined) range.format.wrapText = format.wrap;
  if (format.columnWidth !== undefined) range.format.columnWidth = charsToPoints(format.columnWidth);
  if (format.horizontalAlignment) range.format.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[format.horizontalAlignment];
  if (format.verticalAlignment) range.format.verticalAlignment = ({ top: 'Top', center: 'Center', bottom: 'Bottom' } as const)[format.verticalAlignment];
  if (format.font?.bold !== undefined) range.format.font.bold = format.font.bold;
  if (format.font?.italic !== undefined) range.format.font.italic = format.font.italic;
  if (format.font?.color) range.format.font.color = format.font.color;
  if (format.fill?.color) range.format.fill.color = format.fill.color;
}

function addConditionalFormat(range: Excel.Range, rule: ConditionalFormatPlan): void {
  switch (rule.kind) {
    case 'equals': {
      const cf = range.conditionalFormats.add('CellValue');
      if (rule.fill) cf.cellValue.format.fill.color = rule.fill.color;
      if (rule.font?.color) cf.cellValue.format.font.color = rule.font.color;
      if (rule.font?.bold !== undefined) cf.cellValue.format.font.bold = rule.font.bold;
      cf.cellValue.rule = { formula1: `="${rule.value.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      return;
    }
    case 'expression': {
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
      if (rule.fill) cf.custom.format.fill.color = rule.fill.color;
      if (rule.font?.color) cf.custom.format.font.color = rule.font.color;
      if (rule.font?.bold !== undefined) cf.custom.format.font.bold = rule.font.bold;
      return;
    }
    case 'dataBar': {
      const cf = range.conditionalFormats.add('DataBar');
      cf.dataBar.barDirection = 'LeftToRight';
      cf.dataBar.positiveFormat.fillColor = rule.color;
      cf.dataBar.lowerBoundRule = rule.min === undefined ? { type: 'LowestValue' } : { type: 'Number', formula: String(rule.min) };
      cf.dataBar.upperBoundRule = rule.max === undefined ? { type: 'HighestValue' } : { type: 'Number', formula: String(rule.max) };
      return;
    }
    case 'colorScale': {
      const cf = range.conditionalFormats.add('ColorScale');
      cf.colorScale.criteria = {
        minimum: { formula: undefined, type: 'LowestValue', color: rule.minColor },
        ...(rule.midColor ? { midpoint: { formula: '50', type: 'Percentile', color: rule.midColor } } : {}),
        maximum: { formula: undefined, type: 'HighestValue', color: rule.maxColor },
      };
      return;
    }
  }
}

function degrade(op: WriteOp, message: string, messageEn: string): Degraded {
  return { op: op.op, sheet: op.sheet, message, messageEn };
}

/** Queues one op (values and formats through `reserve`); returns a degraded entry when done another way. */
export async function queueOp(session: WriteSession, op: WriteOp): Promise<Degraded | undefined> {
  const { context, features } = session;
  const sheets = context.workbook.worksheets;
  if (op.op === 'writeValues') return void (await writeValues(session, op));
  if (op.op === 'setFormat') return void (await setFormat(session, op.sheet, op.range, op.format));
  await reserve(session, COMMAND_BYTES + (op.op === 'setListValidation' ? estimateJsonBytes(op.list) : 0));
  switch (op.op) {
    case 'addSheet':
      sheets.add(op.sheet);
      return undefined;
    case 'deleteSheet':
      sheets.getItem(op.sheet).delete();
      return undefined;
    case 'renameSheet':
      sheets.getItem(op.sheet).name = op.to;
      return undefined;
    case 'copySheet':
      sheets.getItem(op.sheet).copy('After', sheets.getItem(op.sheet)).name = op.to;
      return undefined;
    case 'setSheetVisibility':
      sheets.getItem(op.sheet).visibility = ({ visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const)[op.visibility];
      return undefined;
    case 'clearRange':
      sheets.getItem(op.sheet).getRange(op.range).clear('Contents');
      return undefined;
    case 'createTable': {
      const table = sheets.getItem(op.sheet).tables.add(qualifyAddress(op.sheet, op.range), true);
      table.name = op.name;
      if (op.style) table.style = op.style;
      return undefined;
    }
    case 'setListValidation': {
      const source = op.list.join(',');
      if (!features.has('dataValidation')) return degrade(op, '此版本的 Excel 不支持下拉列表，已跳过', 'List validation needs ExcelApi 1.8; skipped');
      if (source.length > LIST_SOURCE_LIMIT) return degrade(op, `下拉列表超过 ${LIST_SOURCE_LIMIT} 个字符，已跳过`, `The list is longer than ${LIST_SOURCE_LIMIT} characters; skipped`);
      const validation = sheets.getItem(op.sheet).getRange(op.range).dataValidation;
      validation.clear();
      validation.rule = { list: { inCellDropDown: true, source } };
      validation.errorAlert = { showAlert: true, style: op.strict ? 'Stop' : 'Warning', title: '请从列表中选择', message: op.list.slice(0, 20).join('、') };
      return undefined;
    }
    case 'addConditionalFormat':
      if (!features.has('conditionalFormats')) return degrade(op, '此版本的 Excel 不支持条件格式，已跳过', 'Conditional formats need ExcelApi 1.6; skipped');
      addConditionalFormat(sheets.getItem(op.sheet).getRange(op.rule.range), op.rule);
      return undefined;
    case 'setNote':
      if (features.has('notes')) {
        sheets.getItem(op.sheet).notes.add(op.cell, op.text);
        return undefined;
      }
      if (features.has('comments')) {
        context.workbook.comments.add(qualifyAddress(op.sheet, op.cell), op.text);
        return degrade(op, '此版本的 Excel 不支持备注，已改为批注', 'Notes need ExcelApi 1.18; a comment was added instead');
      }
      return degrade(op, '此版本的 Excel 不支持备注，已跳过', 'Notes are not supported; skipped');
    case 'merge':
      sheets.getItem(op.sheet).getRange(op.range).merge(false);
      return undefined;
    case 'unmerge':
      sheets.getItem(op.sheet).getRange(op.range).unmerge();
      return undefined;
    case 'freeze':
      return queueFreeze(sheets.getItem(op.sheet), op, features);
    case 'activate':
      sheets.getItem(op.sheet).activate();
      return undefined;
  }
}

function queueFreeze(sheet: Excel.Worksheet, op: Extract<WriteOp, { op: 'freeze' }>, features: OfficeFeatures): Degraded | undefined {
  if (!features.has('freezePanes')) return degrade(op, '此版本的 Excel 不支持冻结窗格，已跳过', 'Freeze panes need ExcelApi 1.7; skipped');
  sheet.freezePanes.unfreeze();
  if (op.rows && op.cols) sheet.freezePanes.freezeAt(formatRange({ row: 0, col: 0, rows: op.rows, cols: op.cols }));
  else if (op.rows) sheet.freezePanes.freezeRows(op.rows);
  else if (op.cols) sheet.freezePanes.freezeColumns(op.cols);
  return undefined;
}

