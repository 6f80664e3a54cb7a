/**
 * The one A1 module: every host adapter, the planner and the readers use it. Two families:
 * `*Cell`/`*Range` take 0-based rows and columns (the hosts' rectangles), `cellAddress`,
 * `rangeAddress`, `parse*Address` take 1-based ones (sheet rows as a user sees them).
 * Whole-row/column references ('A:C', '2:5') are not accepted: the port speaks in bounded
 * ranges so every adapter can check a batch before writing.
 */
import { FenjieError } from '../errors';

/** Excel's grid limits (also WPS's). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRect extends CellRef {
  rows: number;
  cols: number;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** 'A' → 0, 'Z' → 25, 'AA' → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → 'A', 26 → 'AA'. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function badAddress(address: string): FenjieError {
  return new FenjieError('host-invalid-op', `单元格地址无效：${address}`, `Invalid cell address: ${address}`, { details: { address } });
}

/** Parses one cell ('B7', '$B$7'), or returns undefined. */
export function tryParseCell(address: string): CellRef | undefined {
  const m = CELL_RE.exec(address.trim());
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col >= MAX_COLS || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** Parses 'B7' or 'B7:D9' (either corner order), or returns undefined. */
export function tryParseRange(address: string): RangeRect | undefined {
  if (typeof address !== 'string') return undefined;
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const a = tryParseCell(parts[0]);
  const b = parts.length === 2 ? tryParseCell(parts[1]) : a;
  if (!a || !b) return undefined;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

/** Parses a range or throws FenjieError 'host-invalid-op'. */
export function parseRange(address: string): RangeRect {
  const rect = tryParseRange(address);
  if (!rect) throw badAddress(String(address));
  return rect;
}

/** Parses a single cell or throws FenjieError 'host-invalid-op'. */
export function parseCell(address: string): CellRef {
  const cell = typeof address === 'string' ? tryParseCell(address) : undefined;
  if (!cell) throw badAddress(String(address));
  return cell;
}

export function formatCell(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** {row, col, rows, cols} → 'B2:D5' ('B2' for one cell). */
export function formatRange(rect: RangeRect): string {
  const start = formatCell(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return start;
  return `${start}:${formatCell(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** Whether a rectangle fits inside the sheet grid. */
export function fitsGrid(rect: RangeRect): boolean {
  return rect.row >= 0 && rect.col >= 0 && rect.rows >= 1 && rect.cols >= 1 && rect.row + rect.rows <= MAX_ROWS && rect.col + rect.cols <= MAX_COLS;
}

export function rangesIntersect(a: RangeRect, b: RangeRect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function containsCell(rect: RangeRect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

/** Excel's rules for sheet names: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return typeof name === 'string' && name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** Quotes a sheet name for a formula or a workbook address: 主要工作 → '主要工作'. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A qualified address: '主要工作', 'E12' → "'主要工作'!E12". */
export function workbookAddress(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/** Strips an optional sheet prefix ("Sheet1!A1:B2", "'My Sheet'!A1") from an address. */
export function stripSheetPrefix(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

// 1-based helpers: sheet rows and columns as a user counts them.

/** 1 → 'A', 27 → 'AA'. */
export function columnLetter(column: number): string {
  return columnLetters(column - 1);
}

/** 'AA' → 27. */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/** (row 12, column 5) → 'E12' (both 1-based). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A rectangular range such as 'A1:M89' (a single cell when both corners agree), 1-based. */
export function rangeAddress(firstRow: number, firstCol: number, lastRow: number, lastCol: number): string {
  const start = cellAddress(firstRow, firstCol);
  const end = cellAddress(lastRow, lastCol);
  return start === end ? start : `${start}:${end}`;
}

/** 'E12' → {row: 12, col: 5} (1-based); null when the text is not a cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const cell = tryParseCell(address);
  return cell ? { row: cell.row + 1, col: cell.col + 1 } : null;
}

/** "'主要工作'!B2:F40" (or 'B2') → corners, 1-based; null when the text is not a range. */
export function parseRangeAddress(address: string): { firstRow: number; firstCol: number; lastRow: number; lastCol: number } | null {
  const rect = tryParseRange(stripSheetPrefix(address));
  if (!rect) return null;
  return { firstRow: rect.row + 1, firstCol: rect.col + 1, lastRow: rect.row + rect.rows, lastCol: rect.col + rect.cols };
}
