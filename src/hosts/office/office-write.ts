/**
 * Queues WriteOps on one Excel request context. Values go as 2-D blocks with the number format
 * each cell needs set first ('@' for every string, so '=…', '+…', '001' stay text); blocks are cut
 * into row chunks and the context is synced whenever the queued data would pass the payload budget.
 */
import {
  estimateJsonBytes, formatRange, formulaText, isDateValue, isFormulaValue, isoDateToSerial, numberFormatFor, parseCell, workbookAddress, type ApplyReport, type CellValue, type FormatSpec, type WriteOp,
} from '../../core';
import type { OfficeFeatures } from './office-capabilities';
import { addConditionalFormat, applyStyle } from './office-format';
import { chunkAddresses, type OfficeStep, type StyleAreasOp } from './office-style-groups';

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

interface PreparedRow {
  values: (string | number | boolean)[];
  /** The number format each cell needs; null for an empty cell (any format will do). */
  formats: (string | null)[];
  bytes: number;
}

function prepareRows(values: CellValue[][], cols: number): PreparedRow[] {
  return values.map((row) => {
    const out: PreparedRow = { values: [], formats: [], bytes: 0 };
    for (let c = 0; c < cols; c++) {
      const v = c < row.length ? row[c] : null;
      out.values.push(toExcelValue(v));
      out.formats.push(v === null || v === undefined || v === '' ? null : numberFormatFor(v));
    }
    out.bytes = estimateJsonBytes(out.values);
    return out;
  });
}

/**
 * Number formats for a chunk as runs down each column (an empty cell joins the run around it),
 * each run set with one broadcast 1×1 array; a ragged chunk falls back to the full grid.
 */
function formatRuns(rows: PreparedRow[], cols: number): { col: number; row: number; rows: number; format: string }[] | undefined {
  const runs: { col: number; row: number; rows: number; format: string }[] = [];
  for (let c = 0; c < cols; c++) {
    let current: { col: number; row: number; rows: number; format: string } | undefined;
    rows.forEach((row, r) => {
      const f = row.formats[c];
      if (f === null || f === current?.format) return;
      if (current) {
        current.rows = r - current.row;
        runs.push(current);
      }
      // The first run starts at the top so leading empty cells share its format.
      current = { col: c, row: current ? r : 0, rows: 0, format: f };
    });
    if (current) {
      current.rows = rows.length - current.row;
      runs.push(current);
    }
  }
  return runs.length * COMMAND_BYTES <= rows.length * cols * 8 ? runs : undefined;
}

/** Queues one chunk's formats and values; returns the payload it adds. */
function queueChunk(sheet: Excel.Worksheet, origin: { row: number; col: number }, first: number, part: PreparedRow[], cols: number): number {
  const at = (row: number, col: number, rows: number, width: number) => sheet.getRange(formatRange({ row: origin.row + first + row, col: origin.col + col, rows, cols: width }));
  const runs = formatRuns(part, cols);
  let bytes = COMMAND_BYTES + part.reduce((sum, r) => sum + r.bytes, 0);
  if (runs) {
    for (const run of runs) at(run.row, run.col, run.rows, 1).numberFormat = [[run.format]];
    bytes += runs.length * COMMAND_BYTES;
  } else {
    const grid = part.map((r) => r.formats.map((f) => f ?? 'General'));
    at(0, 0, part.length, cols).numberFormat = grid;
    bytes += estimateJsonBytes(grid);
  }
  at(0, 0, part.length, cols).values = part.map((r) => r.values);
  return bytes;
}

/** What a chunk's formats cost at most: the cheaper of per-column runs and the full grid. */
function formatCost(part: PreparedRow[], cols: number): number {
  const runs = formatRuns(part, cols);
  return runs ? runs.length * COMMAND_BYTES : part.length * cols * 10;
}

async function writeValues(session: WriteSession, op: Extract<WriteOp, { op: 'writeValues' }>): Promise<void> {
  const sheet = session.context.workbook.worksheets.getItem(op.sheet);
  const origin = parseCell(op.start);
  const cols = op.values.reduce((m, r) => Math.max(m, r.length), 1);
  const rows = prepareRows(op.values, cols);
  // Room kept per chunk for its number formats (a few runs per column in the usual block).
  const slack = cols * 4 * COMMAND_BYTES;
  let chunkStart = 0;
  let chunkBytes = 0;
  const flush = async (end: number) => {
    if (end <= chunkStart) return;
    const part = rows.slice(chunkStart, end);
    await reserve(session, chunkBytes + formatCost(part, cols) + COMMAND_BYTES);
    queueChunk(sheet, origin, chunkStart, part, cols);
    chunkStart = end;
    chunkBytes = 0;
  };
  for (let i = 0; i < rows.length; i++) {
    const need = rows[i].bytes;
    if (chunkBytes > 0 && session.queuedBytes + chunkBytes + need + slack > session.budget) await flush(i);
    if (chunkBytes === 0 && session.queuedBytes > 0 && session.queuedBytes + need + slack > session.budget) await syncNow(session);
    chunkBytes += need;
  }
  await flush(rows.length);
}

async function setFormat(session: WriteSession, sheetName: string, address: string, format: FormatSpec): Promise<void> {
  const range = session.context.workbook.worksheets.getItem(sheetName).getRange(address);
  await reserve(session, COMMAND_BYTES);
  // A 1×1 array is broadcast to every cell of the range.
  if (format.numberFormat !== undefined) range.numberFormat = [[format.numberFormat]];
  applyStyle(range.format, format);
}

/** Many areas styled alike: one getRanges call per address list (ExcelApi 1.9). */
async function styleAreas(session: WriteSession, step: StyleAreasOp): Promise<void> {
  const sheet = session.context.workbook.worksheets.getItem(step.sheet);
  for (const addresses of chunkAddresses(step.ranges)) {
    await reserve(session, COMMAND_BYTES * 2 + addresses.length);
    applyStyle(sheet.getRanges(addresses).format, step.format);
  }
}

function degrade(op: WriteOp, message: string, messageEn: string): Degraded {
  return { op: op.op, sheet: op.sheet, message, messageEn };
}

/** What this Excel cannot do, reported instead of queued (and costing no request payload). */
function checkSupported(op: WriteOp, features: OfficeFeatures): Degraded | undefined {
  switch (op.op) {
    case 'setListValidation':
      if (!features.has('dataValidation')) return degrade(op, '此版本的 Excel 不支持下拉列表，已跳过', 'List validation needs ExcelApi 1.8; skipped');
      if (op.list.join(',').length > LIST_SOURCE_LIMIT) return degrade(op, `下拉列表超过 ${LIST_SOURCE_LIMIT} 个字符，已跳过`, `The list is longer than ${LIST_SOURCE_LIMIT} characters; skipped`);
      return undefined;
    case 'addConditionalFormat':
    case 'clearConditionalFormats':
      return features.has('conditionalFormats') ? undefined : degrade(op, '此版本的 Excel 不支持条件格式，已跳过', 'Conditional formats need ExcelApi 1.6; skipped');
    case 'setNote':
      // Threaded comments (ExcelApi 1.10) are no stand-in for thousands of cell notes.
      return features.has('notes') ? undefined : degrade(op, '此版本的 Excel 不支持备注（需要 ExcelApi 1.18），已跳过', 'Notes need ExcelApi 1.18; skipped');
    case 'freeze':
      return features.has('freezePanes') ? undefined : degrade(op, '此版本的 Excel 不支持冻结窗格，已跳过', 'Freeze panes need ExcelApi 1.7; skipped');
    default:
      return undefined;
  }
}

/** Queues one op (values and formats through `reserve`); returns a degraded entry when done another way. */
export async function queueOp(session: WriteSession, op: OfficeStep): Promise<Degraded | undefined> {
  const { context, features } = session;
  const sheets = context.workbook.worksheets;
  if (op.op === 'styleAreas') return void (await styleAreas(session, op));
  if (op.op === 'writeValues') return void (await writeValues(session, op));
  if (op.op === 'setFormat') return void (await setFormat(session, op.sheet, op.range, op.format));
  const unsupported = checkSupported(op, features);
  if (unsupported) return unsupported;
  await reserve(session, COMMAND_BYTES + (op.op === 'setListValidation' ? estimateJsonBytes(op.list) : 0));
  return queueSheetCommand(sheets, op) ?? queueRangeCommand(sheets, op);
}

type CommandOp = Exclude<WriteOp, { op: 'writeValues' | 'setFormat' }>;
const SHEET_COMMANDS = new Set<WriteOp['op']>(['addSheet', 'deleteSheet', 'renameSheet', 'copySheet', 'setSheetVisibility', 'activate']);

/** Sheet-level commands; `null` when the op is not one (a range command). */
function queueSheetCommand(sheets: Excel.WorksheetCollection, op: CommandOp): undefined | null {
  if (!SHEET_COMMANDS.has(op.op)) return null;
  if (op.op === 'addSheet') sheets.add(op.sheet);
  else if (op.op === 'deleteSheet') sheets.getItem(op.sheet).delete();
  else if (op.op === 'renameSheet') sheets.getItem(op.sheet).name = op.to;
  else if (op.op === 'copySheet') sheets.getItem(op.sheet).copy('After', sheets.getItem(op.sheet)).name = op.to;
  else if (op.op === 'setSheetVisibility') sheets.getItem(op.sheet).visibility = ({ visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const)[op.visibility];
  else if (op.op === 'activate') sheets.getItem(op.sheet).activate();
  return undefined;
}

function queueListValidation(sheet: Excel.Worksheet, op: Extract<WriteOp, { op: 'setListValidation' }>): undefined {
  const validation = sheet.getRange(op.range).dataValidation;
  validation.clear();
  validation.rule = { list: { inCellDropDown: true, source: op.list.join(',') } };
  validation.errorAlert = { showAlert: true, style: op.strict ? 'Stop' : 'Warning', title: '请从列表中选择', message: op.list.slice(0, 20).join('、') };
  return undefined;
}

function queueTable(sheet: Excel.Worksheet, op: Extract<WriteOp, { op: 'createTable' }>): undefined {
  const table = sheet.tables.add(workbookAddress(op.sheet, op.range), true);
  table.name = op.name;
  if (op.style) table.style = op.style;
  return undefined;
}

function queueRangeCommand(sheets: Excel.WorksheetCollection, op: CommandOp): Degraded | undefined {
  const sheet = sheets.getItem(op.sheet);
  switch (op.op) {
    case 'clearRange':
      sheet.getRange(op.range).clear('Contents');
      return undefined;
    case 'createTable':
      return queueTable(sheet, op);
    case 'setListValidation':
      return queueListValidation(sheet, op);
    case 'addConditionalFormat':
      addConditionalFormat(sheet.getRange(op.rule.range), op.rule);
      return undefined;
    case 'clearConditionalFormats':
      sheet.getRange(op.range).conditionalFormats.clearAll();
      return undefined;
    case 'setNote':
      sheet.notes.add(op.cell, op.text);
      return undefined;
    case 'merge':
      sheet.getRange(op.range).merge(false);
      return undefined;
    case 'unmerge':
      sheet.getRange(op.range).unmerge();
      return undefined;
    case 'freeze':
      return queueFreeze(sheet, op);
    case 'addChart':
      return queueChart(sheet, op);
    default:
      return undefined;
  }
}

const CHART_TYPES = { column: 'ColumnClustered', bar: 'BarClustered', pie: 'Pie' } as const;

/** Charts are ExcelApi 1.1, so every supported Excel draws them; series run down the columns. */
function queueChart(sheet: Excel.Worksheet, op: Extract<WriteOp, { op: 'addChart' }>): Degraded | undefined {
  const chart = sheet.charts.add(CHART_TYPES[op.chart.kind], sheet.getRange(op.chart.dataRange), 'Columns');
  chart.title.text = op.chart.title;
  chart.setPosition(op.chart.anchor);
  return undefined;
}

function queueFreeze(sheet: Excel.Worksheet, op: Extract<WriteOp, { op: 'freeze' }>): Degraded | undefined {
  sheet.freezePanes.unfreeze();
  if (op.rows && op.cols) sheet.freezePanes.freezeAt(formatRange({ row: 0, col: 0, rows: op.rows, cols: op.cols }));
  else if (op.rows) sheet.freezePanes.freezeRows(op.rows);
  else if (op.cols) sheet.freezePanes.freezeColumns(op.cols);
  return undefined;
}

