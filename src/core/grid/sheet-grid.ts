/**
 * A spreadsheet range (a host's used range, or a sheet of an .xlsx file) → the grid model.
 * A user pasted the Word table into the sheet: merged areas become vMerge/colSpan as in Word,
 * line breaks inside a cell become paragraphs, title rows above a table become its `before`,
 * blank rows are dropped, and a table after a gap with its own title starts a new grid.
 */
import type { MergedArea, UsedRange } from '../sheet/used-range';
import { parseRangeAddress } from '../sheet/a1';
import type { DocumentGrids, Grid, GridCell, GridRow } from './grid.model';

interface Cover {
  merge: MergedArea;
  /** 0-based offsets of this cell inside the merge. */
  dr: number;
  dc: number;
}

interface SheetRow {
  /** 0-based row offset in the range. */
  index: number;
  row: GridRow;
  /** Non-empty texts of the row's own (not continuing) cells. */
  texts: string[];
  continues: boolean;
}

function coverMap(range: UsedRange): Map<string, Cover> {
  const map = new Map<string, Cover>();
  for (const merge of range.merges) {
    if (merge.rows * merge.cols > 1_000_000) continue;
    for (let dr = 0; dr < merge.rows; dr += 1) for (let dc = 0; dc < merge.cols; dc += 1) map.set(`${merge.row + dr},${merge.col + dc}`, { merge, dr, dc });
  }
  return map;
}

function toParagraphs(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

/** Columns that hold text or start a merge, so empty margins left and right are dropped. */
function usedColumns(range: UsedRange, covers: Map<string, Cover>): { first: number; last: number } {
  const width = range.values.reduce((m, r) => Math.max(m, r.length), 0);
  let first = width;
  let last = -1;
  for (let r = 0; r < range.values.length; r += 1) {
    for (let c = 0; c < width; c += 1) {
      const cover = covers.get(`${r},${c}`);
      const used = (range.values[r][c] ?? '').trim() !== '' || (cover !== undefined && cover.dr === 0 && cover.dc === 0);
      if (used) {
        first = Math.min(first, c);
        last = Math.max(last, c);
      }
    }
  }
  return { first, last };
}

function buildRow(range: UsedRange, covers: Map<string, Cover>, r: number, cols: { first: number; last: number }): SheetRow {
  const cells: GridCell[] = [];
  const texts: string[] = [];
  let continues = false;
  for (let c = cols.first; c <= cols.last; c += 1) {
    const cover = covers.get(`${r},${c}`);
    if (cover && cover.dc > 0) continue;
    const span = cover ? Math.min(cover.merge.cols, cols.last - c + 1) : 1;
    if (cover && cover.dr > 0) {
      cells.push(span > 1 ? { paragraphs: [], vMerge: 'continue', colSpan: span } : { paragraphs: [], vMerge: 'continue' });
      continues = true;
      continue;
    }
    const text = range.values[r]?.[c] ?? '';
    const cell: GridCell = { paragraphs: toParagraphs(text) };
    if (cover && cover.merge.rows > 1) cell.vMerge = 'restart';
    if (span > 1) cell.colSpan = span;
    cells.push(cell);
    if (text.trim() !== '') texts.push(text.trim());
  }
  return { index: r, row: { cells }, texts, continues };
}

function isTitleRow(row: SheetRow): boolean {
  return row.texts.length === 1 && !row.continues;
}

function sheetRows(range: UsedRange): { rows: SheetRow[]; firstRow: number; firstCol: number } {
  const start = parseRangeAddress(range.address) ?? { firstRow: 1, firstCol: 1 };
  const covers = coverMap(range);
  const cols = usedColumns(range, covers);
  const rows: SheetRow[] = [];
  if (cols.last < cols.first) return { rows, firstRow: start.firstRow, firstCol: start.firstCol };
  for (let r = 0; r < range.values.length; r += 1) rows.push(buildRow(range, covers, r, cols));
  return { rows, firstRow: start.firstRow, firstCol: start.firstCol + cols.first };
}

function isBlank(row: SheetRow): boolean {
  return row.texts.length === 0;
}

function newGrid(range: UsedRange, index: number, firstCol: number, before: string[]): Grid {
  return { rows: [], before, origin: { index, sheet: range.sheet, firstCol } };
}

/**
 * Splits the range into tables: leading one-cell rows are titles (`before`); after a blank gap,
 * one-cell rows followed by a table row start the next table. Returns the grids and any text
 * left over after the last table.
 */
export function gridsFromUsedRange(range: UsedRange, firstIndex = 0): { grids: Grid[]; trailing: string[] } {
  const { rows, firstRow, firstCol } = sheetRows(range);
  const grids: Grid[] = [];
  let current: Grid | null = null;
  let pending: string[] = [];
  let gap = true;
  for (const row of rows) {
    if (isBlank(row)) {
      gap = true;
      continue;
    }
    if (isTitleRow(row) && (gap || current === null)) {
      for (const t of row.texts) pending.push(t);
      continue;
    }
    if (current === null || pending.length > 0) {
      current = newGrid(range, firstIndex + grids.length, firstCol, pending);
      current.origin.firstRow = firstRow + row.index;
      grids.push(current);
      pending = [];
    }
    gap = false;
    current.rows.push(row.row);
  }
  return { grids, trailing: pending };
}

/** The whole range as one grid (hosts' 整理当前表): leading title rows go to `before`, blank rows are dropped. */
export function gridFromUsedRange(range: UsedRange): Grid {
  const { rows, firstRow, firstCol } = sheetRows(range);
  const grid = newGrid(range, 0, firstCol, []);
  for (const row of rows) {
    if (isBlank(row)) continue;
    if (grid.rows.length === 0 && isTitleRow(row)) {
      for (const t of row.texts) grid.before.push(t);
      continue;
    }
    if (grid.rows.length === 0) grid.origin.firstRow = firstRow + row.index;
    grid.rows.push(row.row);
  }
  return grid;
}

/** Several ranges (sheets) → one document, each table a grid (format 'sheet' for hosts, 'xlsx' for files). */
export function documentFromUsedRanges(ranges: UsedRange[], format: 'sheet' | 'xlsx' = 'sheet'): DocumentGrids {
  const grids: Grid[] = [];
  const paragraphs: string[] = [];
  for (const range of ranges) {
    const { grids: found, trailing } = gridsFromUsedRange(range, grids.length);
    for (const g of found) {
      for (const t of g.before) paragraphs.push(t);
      grids.push(g);
    }
    for (const t of trailing) paragraphs.push(t);
  }
  return { format, grids, paragraphs, warnings: [] };
}
