/**
 * Sheet-relative A1 addresses as 1-based rectangles. The ET object model takes addresses as
 * strings, so the adapter computes block addresses itself instead of walking cells.
 */
import { FenjieError } from '../../core/index';

export interface CellRect {
  /** 1-based first row and column. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Excel's limits; an address past them is refused before anything is written. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** 1 → 'A', 27 → 'AA'. */
export function formatColumn(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 'A' → 1, 'AA' → 27. */
export function parseColumn(name: string): number {
  let col = 0;
  for (const ch of name.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const col = parseColumn(m[1]);
  if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLS) return undefined;
  return { row, col };
}

/** Parses 'B2' or 'B2:F40' (optionally with `$`), or returns undefined when it is not one. */
export function tryParseA1(address: string): CellRect | undefined {
  const bang = address.lastIndexOf('!');
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [first, second, extra] = local.split(':');
  if (extra !== undefined || first === undefined) return undefined;
  const a = parseCell(first);
  const b = second === undefined ? a : parseCell(second);
  if (!a || !b) return undefined;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

export function parseA1(address: string): CellRect {
  const rect = tryParseA1(address);
  if (!rect) {
    throw new FenjieError('host-bad-address', `无效的单元格地址：${address}`, `Invalid cell address: ${address}`, { details: { address } });
  }
  return rect;
}

export function formatA1(rect: CellRect): string {
  const first = `${formatColumn(rect.col)}${rect.row}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${formatColumn(rect.col + rect.cols - 1)}${rect.row + rect.rows - 1}`;
}

export function rectsIntersect(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
