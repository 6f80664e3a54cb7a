/**
 * Reading from ET: the sheet list, and a used range as display text with its merged areas.
 * Values come in one Value2 call; merged areas are found row by row, skipping rows whose
 * MergeCells is false, so a sheet without merges costs one call per row at most.
 */
import { formatNumber, serialToIsoDate, type MergedArea, type SheetInfo, type UsedRange } from '../../core/index';
import { formatA1, parseA1, type CellRect } from './a1-address';
import { resolveEtEnum, type EtApplicationLike, type EtWorksheetLike } from './wps-api';
import { workbookOf } from './wps-ops';

export function visibilityOf(app: EtApplicationLike, visible: number | boolean): SheetInfo['visibility'] {
  if (visible === true || visible === resolveEtEnum(app, 'xlSheetVisible')) return 'visible';
  if (visible === resolveEtEnum(app, 'xlSheetVeryHidden')) return 'veryHidden';
  return 'hidden';
}

export function readSheetList(app: EtApplicationLike): SheetInfo[] {
  const sheets = workbookOf(app).Worksheets;
  const list: SheetInfo[] = [];
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    list.push({ name: ws.Name, visibility: visibilityOf(app, ws.Visible) });
  }
  return list;
}

/** Value2 as a 2-D array whatever the range size (one cell reads as a scalar). */
export function toGrid(raw: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(raw)) return raw.map((row) => (Array.isArray(row) ? row : [row]));
  if (rows === 1 && cols === 1) return [[raw]];
  throw new Error(`WPS: expected a ${rows}x${cols} array from Value2`);
}

/** Display text of a number: any date format as yyyy-mm-dd, else as the core formats it. */
function numberText(ws: EtWorksheetLike, address: string, n: number): string {
  const nf = String(ws.Range(address).NumberFormat ?? 'General');
  if (nf !== 'General' && /[yd]/i.test(nf.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) return serialToIsoDate(n);
  return formatNumber(n, nf);
}

function cellText(ws: EtWorksheetLike, address: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return numberText(ws, address, value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).replace(/\r\n?/g, '\n');
}

export function readMerges(ws: EtWorksheetLike, rect: CellRect): MergedArea[] {
  if (ws.Range(formatA1(rect)).MergeCells === false) return [];
  const merges: MergedArea[] = [];
  const covered = new Set<string>();
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    if (ws.Range(formatA1({ row: r, col: rect.col, rows: 1, cols: rect.cols })).MergeCells === false) continue;
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = ws.Range(formatA1({ row: r, col: c, rows: 1, cols: 1 }));
      if (cell.MergeCells !== true) continue;
      const area = parseA1(cell.MergeArea.Address(false, false));
      for (let rr = area.row; rr < area.row + area.rows; rr++) for (let cc = area.col; cc < area.col + area.cols; cc++) covered.add(`${rr},${cc}`);
      merges.push({ row: area.row - rect.row, col: area.col - rect.col, rows: area.rows, cols: area.cols });
    }
  }
  return merges;
}

export function readUsedRangeOf(ws: EtWorksheetLike, sheet: string): UsedRange {
  const used = ws.UsedRange;
  const rect = parseA1(used.Address(false, false));
  const grid = toGrid(used.Value2, rect.rows, rect.cols);
  const values = grid.map((row, r) => row.map((v, c) => cellText(ws, formatA1({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 }), v)));
  return { sheet, address: formatA1(rect), values, merges: readMerges(ws, rect) };
}
