/**
 * Bench only: the ExcelJS in-memory writer fenjie used before its own (git bb10187,
 * src/writers/xlsx/xlsx.writer.ts + xlsx-format.ts + xlsx-package.ts), kept to measure the
 * plan-driven writer against it on the same plan. Not used by fenjie.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { columnLetter, parseRangeAddress, type CellStylePlan, type CellValue, type ColumnPlan, type ConditionalFormatPlan, type Fill, type FontStyle, type ListValidationPlan, type SheetPlan, type WorkbookPlan } from '../src/core/index';

/** '#RRGGBB' → 'FFRRGGBB'. */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0')}`;
}

function dxfStyle(fill?: Fill, font?: FontStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(fill.color) }, fgColor: { argb: argb(fill.color) } };
  if (font) style.font = { color: font.color ? { argb: argb(font.color) } : undefined, bold: font.bold, italic: font.italic };
  return style;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function toRule(rule: ConditionalFormatPlan, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (rule.kind) {
    case 'equals':
      return { type: 'cellIs', operator: 'equal', formulae: [quoted(rule.value)], style: dxfStyle(rule.fill, rule.font), priority };
    case 'expression':
      return { type: 'expression', formulae: [rule.formula], style: dxfStyle(rule.fill, rule.font), priority };
    case 'dataBar':
      // ExcelJS pairs the rule with its Excel 2010 (x14) extension, linked by id; the classic
      // rule alone (gradient: true) would carry an empty x14:id reference Excel may refuse.
      return {
        type: 'dataBar',
        gradient: false,
        minLength: 0,
        maxLength: 100,
        cfvo: [rule.min === undefined ? { type: 'min' } : { type: 'num', value: rule.min }, rule.max === undefined ? { type: 'max' } : { type: 'num', value: rule.max }],
        color: { argb: argb(rule.color) },
        priority,
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'colorScale': {
      const cfvo = rule.midColor ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }] : [{ type: 'min' }, { type: 'max' }];
      const color = [rule.minColor, ...(rule.midColor ? [rule.midColor] : []), rule.maxColor].map((c) => ({ argb: argb(c) }));
      return { type: 'colorScale', cfvo, color, priority } as unknown as ExcelJS.ConditionalFormattingRule;
    }
    default:
      return rule satisfies never;
  }
}

export function addConditionalFormats(ws: ExcelJS.Worksheet, rules: ConditionalFormatPlan[]): void {
  rules.forEach((rule, i) => ws.addConditionalFormatting({ ref: rule.range, rules: [toRule(rule, i + 1)] }));
}

/** A list longer than Excel's 255-character inline limit goes to a hidden list sheet. */
export function addListValidations(ws: ExcelJS.Worksheet, validations: ListValidationPlan[], listSource: (list: string[]) => string): void {
  for (const v of validations) {
    const inline = `"${v.list.map((s) => s.replace(/"/g, '""')).join(',')}"`;
    const formula = inline.length <= 255 && !v.list.some((s) => s.includes(',')) ? inline : listSource(v.list);
    (ws as unknown as { dataValidations: { add(range: string, value: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: v.strict ? 'error' : 'warning',
      errorTitle: '输入无效 / Invalid entry',
      error: `请从列表中选择：${v.list.slice(0, 10).join('、')}${v.list.length > 10 ? '…' : ''} / Choose a value from the list`,
    });
  }
}

type Style = Partial<ExcelJS.Style>;

/** The cell's style with the plan's font and fill laid over it. */
function overlayStyle(base: Style, style: CellStylePlan): Style {
  const out: Style = { ...base };
  if (style.font) {
    out.font = { ...(base.font ?? {}), color: style.font.color ? { argb: argb(style.font.color) } : base.font?.color, bold: style.font.bold ?? base.font?.bold, italic: style.font.italic ?? base.font?.italic };
  }
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill.color) } };
  return out;
}

/**
 * Fonts, fills on every cell of the range; the note goes on the range's top-left cell. Cells with
 * the same base style and the same plan style share one style object: ExcelJS then registers it
 * once (by identity) instead of serialising a copy per cell.
 */
export function applyCellStyles(ws: ExcelJS.Worksheet, styles: CellStylePlan[]): void {
  const shared = new Map<string, WeakMap<object, Style>>();
  for (const style of styles) {
    const range = parseRangeAddress(style.range);
    if (!range) continue;
    const key = JSON.stringify([style.font ?? null, style.fill ?? null]);
    let byBase = shared.get(key);
    if (!byBase) shared.set(key, (byBase = new WeakMap()));
    for (let r = range.firstRow; r <= range.lastRow; r += 1) {
      for (let c = range.firstCol; c <= range.lastCol; c += 1) {
        const cell = ws.getCell(r, c);
        const base = cell.style as Style;
        let next = byBase.get(base);
        if (!next) byBase.set(base, (next = overlayStyle(base, style)));
        cell.style = next as ExcelJS.Style;
      }
    }
    if (style.note) ws.getCell(range.firstRow, range.firstCol).note = style.note;
  }
}
const AFTER_LEGACY_DRAWING = ['<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts'];

/** Moves <legacyDrawing/> to its place in the worksheet's child sequence. */
export function placeLegacyDrawing(xml: string): string {
  const drawings = xml.match(/<legacyDrawing\b[^>]*\/>/g);
  if (!drawings) return xml;
  const stripped = xml.replace(/<legacyDrawing\b[^>]*\/>/g, '');
  let at = -1;
  for (const tag of AFTER_LEGACY_DRAWING) {
    const i = stripped.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) {
    // The worksheet's own <extLst> is its last child; any <extLst> inside rules comes earlier.
    const end = stripped.lastIndexOf('</worksheet>');
    const ext = stripped.lastIndexOf('<extLst>');
    const lastInner = Math.max(stripped.lastIndexOf('</conditionalFormatting>'), stripped.lastIndexOf('</dataValidations>'), stripped.lastIndexOf('</sheetData>'));
    at = ext > lastInner ? ext : end;
  }
  return stripped.slice(0, at) + drawings.join('') + stripped.slice(at);
}

export function finishPackage(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]);
    const fixed = placeLegacyDrawing(xml);
    if (fixed !== xml) files[name] = strToU8(fixed);
  }
  // Level 3 deflates twice as fast as 6 for a file about 8% bigger (22 MB of parts at 10,000 rows).
  return zipSync(files, { level: 3 });
}
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

export async function writeXlsxWithExcelJs(plan: WorkbookPlan): Promise<Uint8Array> {
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
