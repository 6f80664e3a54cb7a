/**
 * One worksheet part, its children in the order the schema requires (sheetPr, dimension,
 * sheetViews, sheetFormatPr, cols, sheetData, sheetProtection, conditionalFormatting,
 * dataValidations, pageMargins, pageSetup, legacyDrawing, tableParts).
 */
import { cellAddress, columnLetter, parseRangeAddress, planPrint, type SheetPlan } from '../../core/index';

function parseCellAddress(address: string): { row: number; col: number } | null {
  const range = parseRangeAddress(address);
  return range ? { row: range.firstRow, col: range.firstCol } : null;
}
import { collectOverlays, SheetCells, sheetGeometry, type ExtraCell, type SheetGeometry } from './xlsx-cells.writer';
import { conditionalFormatsXml, validationsXml } from './xlsx-rules.writer';
import type { SharedStrings } from './xlsx-strings.builder';
import type { StyleSheet } from './xlsx-styles.builder';
import { XML_HEAD } from './xlsx-xml.codec';
import type { PartWriter } from './zip-package.writer';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_NOTE_COLOR = '#808080';

export interface Note {
  ref: string;
  row: number;
  col: number;
  text: string;
}

/** What is known about a sheet before its part is written. */
export interface SheetPrep {
  sheet: SheetPlan;
  geometry: SheetGeometry;
  notes: Note[];
  /** Cells placed by the writer itself (chart anchors): row → col → text. */
  extraText: Map<number, Map<number, string>>;
  visible: boolean;
}

export interface SheetContext {
  styles: StyleSheet;
  strings: SharedStrings;
  listFormula: (list: string[]) => string;
  selected: boolean;
}

/** Notes on the top-left cell of each styled range; a later note on the same cell wins. */
function collectNotes(sheet: SheetPlan): Note[] {
  const notes = new Map<string, Note>();
  for (const style of sheet.cellStyles ?? []) {
    if (!style.note) continue;
    const at = parseCellAddress(style.range.split(':')[0]);
    if (at) notes.set(style.range.split(':')[0], { ref: cellAddress(at.row, at.col), row: at.row, col: at.col, text: style.note });
  }
  return [...notes.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The writer cannot draw charts: the anchor cell says where the chart comes from instead. */
function chartNotes(sheet: SheetPlan): Map<number, Map<number, string>> {
  const cells = new Map<number, Map<number, string>>();
  for (const chart of sheet.charts ?? []) {
    const at = parseCellAddress(chart.anchor);
    if (!at) continue;
    if (!cells.has(at.row)) cells.set(at.row, new Map());
    cells.get(at.row)?.set(at.col, `图表「${chart.title}」在 Excel/WPS 加载项中生成 / the chart is drawn by the add-in`);
  }
  return cells;
}

export function prepareSheet(sheet: SheetPlan): SheetPrep {
  const extraText = chartNotes(sheet);
  return { sheet, geometry: sheetGeometry(sheet, extraText), notes: collectNotes(sheet), extraText, visible: (sheet.visibility ?? 'visible') === 'visible' };
}

function viewXml(prep: SheetPrep, selected: boolean): string {
  const { sheet } = prep;
  const preamble = sheet.preamble?.length ?? 0;
  const freeze = sheet.freeze;
  let pane = '';
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    const ySplit = freeze.rows + (freeze.rows > 0 ? preamble : 0);
    const xSplit = freeze.cols;
    const active = ySplit > 0 && xSplit > 0 ? 'bottomRight' : ySplit > 0 ? 'bottomLeft' : 'topRight';
    const attrs = [xSplit > 0 ? `xSplit="${xSplit}"` : '', ySplit > 0 ? `ySplit="${ySplit}"` : '', `topLeftCell="${cellAddress(ySplit + 1, xSplit + 1)}"`, `activePane="${active}"`, 'state="frozen"'].filter(Boolean);
    pane = `<pane ${attrs.join(' ')}/><selection pane="${active}"/>`;
  }
  return `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`;
}

function colsXml(sheet: SheetPlan, cells: SheetCells): string {
  if (sheet.columns.length === 0) return '';
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${cells.columnStyle(i)}" customWidth="1"/>`);
  return `<cols>${cols.join('')}</cols>`;
}

/** Protected without a password; formatting rows and columns, sorting and filtering stay allowed. */
const PROTECTION = '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>';
const MARGINS = '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
/** Landscape A4, as many pages wide as planPrint finds readable, never fitted in height. */
function pageSetupXml(sheet: SheetPlan): string {
  const print = planPrint(sheet);
  return `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"/>`;
}

/** Relationship ids of a sheet's parts: rId1 the table, rId2 the notes, rId3 their drawing. */
export const SHEET_RELS = { table: 'rId1', comments: 'rId2', vml: 'rId3' };

/** Writes the worksheet part, streaming its rows. */
export function writeSheet(part: PartWriter, prep: SheetPrep, ctx: SheetContext): void {
  const { sheet, geometry } = prep;
  const extras = new Map<number, Map<number, ExtraCell>>();
  const noteStyle = ctx.styles.cell({ font: { italic: true, color: CHART_NOTE_COLOR } });
  for (const [row, byCol] of prep.extraText) extras.set(row, new Map([...byCol].map(([col, text]) => [col, { text, style: noteStyle }])));
  const cells = new SheetCells(sheet, geometry, ctx.styles, ctx.strings, collectOverlays(sheet.cellStyles ?? []), extras);
  const dimension = geometry.lastRow > 0 && geometry.lastCol > 0 ? `A1:${cellAddress(geometry.lastRow, geometry.lastCol)}` : 'A1';
  part.write(`${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${R}">`);
  if (prep.visible) part.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  part.write(`<dimension ref="${dimension}"/>${viewXml(prep, ctx.selected)}<sheetFormatPr defaultRowHeight="15"/>${colsXml(sheet, cells)}`);
  cells.write(part);
  const tail = [
    sheet.protect ? PROTECTION : '',
    conditionalFormatsXml(sheet.conditionalFormats ?? [], ctx.styles),
    validationsXml(sheet.validations ?? [], ctx.listFormula),
    MARGINS,
    prep.visible ? pageSetupXml(sheet) : '',
    prep.notes.length > 0 ? `<legacyDrawing r:id="${SHEET_RELS.vml}"/>` : '',
    geometry.table ? `<tableParts count="1"><tablePart r:id="${SHEET_RELS.table}"/></tableParts>` : '',
  ];
  part.write(`${tail.join('')}</worksheet>`);
}

/** The `_xlnm.Print_Titles` of a printed sheet with a header row, e.g. `'主要工作'!$1:$1`. */
export function printTitles(prep: SheetPrep): string | null {
  if (!prep.visible || prep.geometry.headerRow === 0) return null;
  const name = `'${prep.sheet.name.replace(/'/g, "''")}'`;
  const rows = `${name}!$${prep.geometry.headerRow}:$${prep.geometry.headerRow}`;
  const columns = planPrint(prep.sheet).repeatColumns;
  return columns > 0 ? `${name}!$A:$${columnLetter(columns)},${rows}` : rows;
}
