/**
 * Reading from ET: the sheet list, and a used range as display text with its merged areas.
 * Values come in one Value2 call; merged areas are found row by row, skipping rows whose
 * MergeCells is false, so a sheet without merges costs one call per row at most.
 */
import { formatNumber, serialToIsoDate, type MergedArea, type SheetInfo, type UsedRange, formatRange, parseRange, type RangeRect } from '../../core/index';
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
function numberText(n: number, numberFormat: string): string {
  if (numberFormat !== 'General' && /[yd]/i.test(numberFormat.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) return serialToIsoDate(n);
  return formatNumber(n, numberFormat);
}

function cellText(value: unknown, numberFormat: () => string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return numberText(value, numberFormat());
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).replace(/\r\n?/g, '\n');
}

/**
 * Number formats are needed only for numeric cells. A block of a column is asked once (VBA gives
 * the shared format, or null when it mixes formats) and split in halves only while mixed, so a
 * column costs a call per run of one format, not a call per cell.
 */
function readNumberFormats(ws: EtWorksheetLike, rect: RangeRect, grid: unknown[][]): Map<string, string> {
  const formats = new Map<string, string>();
  const isNumber = (r: number, c: number) => typeof grid[r]?.[c] === 'number';
  const formatOf = (row: number, rows: number, c: number) => ws.Range(formatRange({ row: rect.row + row, col: rect.col + c, rows, cols: 1 })).NumberFormat;
  const visit = (row: number, rows: number, c: number): void => {
    const numeric: number[] = [];
    for (let r = row; r < row + rows; r++) if (isNumber(r, c)) numeric.push(r);
    if (numeric.length === 0) return;
    // A few numbers: asking each costs less than halving further.
    if (numeric.length <= 4) {
      for (const r of numeric) formats.set(`${r},${c}`, String(formatOf(r, 1, c) ?? 'General'));
      return;
    }
    const shared = formatOf(row, rows, c);
    if (typeof shared === 'string') {
      for (const r of numeric) formats.set(`${r},${c}`, shared);
    } else {
      const top = Math.ceil(rows / 2);
      visit(row, top, c);
      visit(row + top, rows - top, c);
    }
  };
  for (let c = 0; c < rect.cols; c++) visit(0, rect.rows, c);
  return formats;
}

/**
 * Merged areas inside `rect`, found by halving: a block whose MergeCells is false holds none, so
 * a sheet with a few merges costs a few dozen calls however many rows it has.
 */
export function readMerges(ws: EtWorksheetLike, rect: RangeRect): MergedArea[] {
  const found = new Map<string, RangeRect>();
  const visit = (block: RangeRect): void => {
    const range = ws.Range(formatRange(block));
    const state = range.MergeCells;
    if (state === false) return;
    if (state === true) {
      const area = parseRange(ws.Range(formatRange({ ...block, rows: 1, cols: 1 })).MergeArea.Address(false, false));
      found.set(formatRange(area), area);
      // The block is all merged cells; it is one area unless it spans several.
      const inside = area.row <= block.row && area.col <= block.col && area.row + area.rows >= block.row + block.rows && area.col + area.cols >= block.col + block.cols;
      if (inside || (block.rows === 1 && block.cols === 1)) return;
    }
    if (block.rows > 1) {
      const top = Math.ceil(block.rows / 2);
      visit({ ...block, rows: top });
      visit({ ...block, row: block.row + top, rows: block.rows - top });
    } else if (block.cols > 1) {
      const left = Math.ceil(block.cols / 2);
      visit({ ...block, cols: left });
      visit({ ...block, col: block.col + left, cols: block.cols - left });
    }
  };
  visit(rect);
  return [...found.values()].map((area) => ({ row: area.row - rect.row, col: area.col - rect.col, rows: area.rows, cols: area.cols }));
}

export function readUsedRangeOf(ws: EtWorksheetLike, sheet: string): UsedRange {
  const used = ws.UsedRange;
  const rect = parseRange(used.Address(false, false));
  const grid = toGrid(used.Value2, rect.rows, rect.cols);
  const formats = readNumberFormats(ws, rect, grid);
  const values = grid.map((row, r) => row.map((v, c) => cellText(v, () => formats.get(`${r},${c}`) ?? 'General')));
  return { sheet, address: formatRange(rect), values, merges: readMerges(ws, rect) };
}
