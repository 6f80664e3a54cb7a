/** 1-based A1 address helpers for the planner and the readers; the letter arithmetic lives in host/a1. */
import { columnIndex, columnLetters } from '../host/a1';

/** 1 → 'A', 27 → 'AA' (the 1-based twin of a1's columnLetters). */
export function columnLetter(column: number): string {
  return columnLetters(column - 1);
}

/** 'AA' → 27 (the 1-based twin of a1's columnIndex). */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/** (row 12, column 5) → 'E12' (both 1-based). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A rectangular range such as 'A1:M89' (a single cell when both corners agree). */
export function rangeAddress(firstRow: number, firstCol: number, lastRow: number, lastCol: number): string {
  const start = cellAddress(firstRow, firstCol);
  const end = cellAddress(lastRow, lastCol);
  return start === end ? start : `${start}:${end}`;
}

/** 'E12' → {row: 12, col: 5}; null when the text is not a cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  return { row: Number(match[2]), col: columnNumber(match[1]) };
}

/** 'B2:F40' (or 'B2') → corners, 1-based; null when the text is not a range. */
export function parseRangeAddress(address: string): { firstRow: number; firstCol: number; lastRow: number; lastCol: number } | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = bare.split(':');
  const start = parseCellAddress(a);
  const end = b === undefined ? start : parseCellAddress(b);
  if (!start || !end) return null;
  return {
    firstRow: Math.min(start.row, end.row),
    firstCol: Math.min(start.col, end.col),
    lastRow: Math.max(start.row, end.row),
    lastCol: Math.max(start.col, end.col),
  };
}

/** Quotes a sheet name for a formula or a workbook address: 主要工作 → '主要工作'. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** '主要工作', 'E12' → "'主要工作'!E12". */
export function workbookAddress(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}
