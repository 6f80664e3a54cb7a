/**
 * The ET object model counts rows and columns from 1 (Range.Row, Range.Column); the fakes keep that
 * model and convert at their edge with the core's one A1 module (0-based rectangles).
 */
import { columnLetter, FenjieError, formatRange, rangesIntersect, stripSheetPrefix, tryParseRange } from '../../src/core';

/** A rectangle with 1-based first row and column, as ET reports them. */
export interface CellRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const formatColumn = columnLetter;

export function tryParseA1(address: string): CellRect | undefined {
  const rect = tryParseRange(stripSheetPrefix(address));
  return rect ? { ...rect, row: rect.row + 1, col: rect.col + 1 } : undefined;
}

export function parseA1(address: string): CellRect {
  const rect = tryParseA1(address);
  if (!rect) throw new FenjieError('host-invalid-op', `无效的单元格地址：${address}`, `Invalid cell address: ${address}`, { details: { address } });
  return rect;
}

export function formatA1(rect: CellRect): string {
  return formatRange({ ...rect, row: rect.row - 1, col: rect.col - 1 });
}

export function rectsIntersect(a: CellRect, b: CellRect): boolean {
  return rangesIntersect(a, b);
}
