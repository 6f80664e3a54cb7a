/**
 * Draws a WorkbookPlan as an .xlsx file with ExcelJS. Node and browser: no fs, the bytes come back
 * from writeBuffer(). User text is always written as a string cell, never as a formula.
 */
import ExcelJS from 'exceljs';
import { columnLetter, type CellValue, type ColumnPlan, type SheetPlan, type WorkbookPlan } from '../../core/index';
import { finishPackage } from './xlsx-package';
import { addConditionalFormats, addListValidations, applyCellStyles, argb } from './xlsx-format';

const LIST_SHEET = '_fenjie_lists';

/** Plan cell → ExcelJS value. Only FormulaValue becomes a formula; strings stay strings. */
export function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if ('formula' in value) return value.result === undefined ? { formula: value.formula } : ({ formula: value.formula, result: value.result } as ExcelJS.CellFormulaValue);
  if ('date' in value) {
    const [y, m, d] = value.date.split('-').map(Number);
    return Number.isFinite(y) && Number.isFinite(m) && Number.isFinite(d) ? new Date(Date.UTC(y, m - 1, d)) : value.date;
  }
  return null;
}

function writeTableOrBlock(ws: ExcelJS.Worksheet, sheet: SheetPlan, headerRow: number): void {
  if (sheet.columns.length === 0) return;
  if (sheet.table && sheet.rows.length > 0) {
    ws.addTable({
      name: sheet.table.name,
      ref: `A${headerRow}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: (sheet.table.style ?? 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns: sheet.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: sheet.rows.map((row) => sheet.columns.map((_, i) => toExcelValue(row[i] ?? null))),
    });
    return;
  }
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('#D9E1F2') } };
  });
  sheet.rows.forEach((row, r) => {
    const xr = ws.getRow(headerRow + 1 + r);
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) xr.getCell(c + 1).value = toExcelValue(value);
    });
  });
}

/** Display width of text in character cells: CJK and full-width forms take two. */
function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A surrogate pair counts once, as two (its high half is ≥ 0x2e80), like the loop by code point did.
    if (code < 0xdc00 || code > 0xdfff) w += code >= 0x2e80 ? 2 : 1;
  }
  return w;
}

/** Row heights for wrapped text, since Excel does not autofit rows of a file when opening it. */
function setRowHeights(ws: ExcelJS.Worksheet, sheet: SheetPlan, headerRow: number): void {
  const wrapped = sheet.columns.map((c, i) => ({ i, width: Math.max(c.width - 1, 4) })).filter(({ i }) => sheet.columns[i].wrap);
  if (wrapped.length === 0) return;
  sheet.rows.forEach((row, r) => {
    let lines = 1;
    for (const { i, width } of wrapped) {
      const value = row[i];
      if (typeof value !== 'string' || value.length === 0) continue;
      const n = value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / (width * 1.1))), 0);
      lines = Math.max(lines, n);
    }
    if (lines > 1) ws.getRow(headerRow + 1 + r).height = Math.min(409, lines * 15 + 3);
  });
}

/** One shared style object per column: ExcelJS copies styles per cell otherwise, which dominates big sheets. */
function columnStyle(column: ColumnPlan, protect: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: column.wrap === true } };
  if (column.numberFormat) style.numFmt = column.numberFormat;
  if (protect && column.editable) style.protection = { locked: false };
  return style;
}

function formatColumns(ws: ExcelJS.Worksheet, sheet: SheetPlan, headerRow: number): void {
  const styles = sheet.columns.map((c) => columnStyle(c, sheet.protect === true));
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    column.style = styles[i] as ExcelJS.Style;
    const header = ws.getCell(headerRow, i + 1);
    header.style = { ...header.style, alignment: { vertical: 'top', wrapText: true } };
  });
  for (let r = 0; r < sheet.rows.length; r += 1) {
    const row = ws.getRow(headerRow + 1 + r);
    for (let c = 0; c < styles.length; c += 1) row.getCell(c + 1).style = styles[c] as ExcelJS.Style;
  }
}

async function protectSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
}

function createListSource(wb: ExcelJS.Workbook): (list: string[]) => string {
  let column = 0;
  return (list) => {
    const ws = wb.getWorksheet(LIST_SHEET) ?? wb.addWorksheet(LIST_SHEET, { state: 'veryHidden' });
    column += 1;
    list.forEach((value, i) => (ws.getCell(i + 1, column).value = value));
    const letter = columnLetter(column);
    return `'${LIST_SHEET}'!$${letter}$1:$${letter}$${Math.max(list.length, 1)}`;
  };
}

async function drawSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, listSource: (list: string[]) => string): Promise<void> {
  const preamble = sheet.preamble ?? [];
  const headerRow = preamble.length + 1;
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility ?? 'visible',
    views: sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows + (sheet.freeze.rows > 0 ? preamble.length : 0) }] : undefined,
  });
  preamble.forEach((text, i) => (ws.getCell(i + 1, 1).value = text));
  writeTableOrBlock(ws, sheet, headerRow);
  formatColumns(ws, sheet, headerRow);
  setRowHeights(ws, sheet, headerRow);
  if (sheet.visibility === undefined || sheet.visibility === 'visible') {
    ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: sheet.columns.length > 0 ? `${headerRow}:${headerRow}` : undefined };
  }
  addListValidations(ws, sheet.validations ?? [], listSource);
  addConditionalFormats(ws, sheet.conditionalFormats ?? []);
  applyCellStyles(ws, sheet.cellStyles ?? []);
  markCharts(ws, sheet);
  if (sheet.protect) await protectSheet(ws);
}

/** ExcelJS cannot write charts: the anchor cell says where the chart comes from instead. */
function markCharts(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  for (const chart of sheet.charts ?? []) {
    const cell = ws.getCell(chart.anchor);
    cell.value = `图表「${chart.title}」在 Excel/WPS 加载项中生成 / the chart is drawn by the add-in`;
    // A new style object: the cell may share its style with a whole column.
    cell.style = { ...cell.style, font: { italic: true, color: { argb: argb('#808080') } } };
  }
}

export async function writeXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fenjie';
  wb.calcProperties.fullCalcOnLoad = true;
  const listSource = createListSource(wb);
  for (const sheet of plan.sheets) await drawSheet(wb, sheet, listSource);
  const first = wb.worksheets.findIndex((ws) => ws.state === 'visible');
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(first, 0), visibility: 'visible' }];
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>);
  const bytes = buffer as unknown as ArrayBuffer | Uint8Array;
  return finishPackage(bytes instanceof Uint8Array ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes));
}
