/**
 * How a sheet prints: landscape A4, the header row repeated on every page, and fitted to one page
 * width only while that stays readable. Squeezing 领导单位矩阵's 55 columns (or 主要工作's 245
 * characters of columns) onto one width prints at 30–60 %; such a sheet spreads over several pages
 * wide instead, its first column repeated on each so a printed row can still be told apart.
 */
import type { SheetPlan } from './plan.model';

export interface PrintPlan {
  orientation: 'landscape';
  /** ECMA-376 paper size 9 = A4. */
  paper: 'A4';
  /** Pages across (1 = fit to one page width); pages down are never fitted (0: as many as needed). */
  fitToWidth: number;
  fitToHeight: 0;
  /** Repeat the header row on every page. */
  repeatHeaderRow: boolean;
  /** Columns repeated at the left of every page (0 when the sheet is one page wide). */
  repeatColumns: number;
}

/**
 * Column widths (Excel characters) that fit on one landscape A4 page at about 70 % scale, the
 * smallest a 11-point sheet stays readable: the printable width is ~271 mm, ~137 characters at 100 %.
 */
export const READABLE_PAGE_WIDTH = 195;

export function sheetWidth(sheet: Pick<SheetPlan, 'columns'>): number {
  return sheet.columns.reduce((sum, column) => sum + column.width, 0);
}

export function planPrint(sheet: Pick<SheetPlan, 'columns'>): PrintPlan {
  const pages = Math.max(1, Math.ceil(sheetWidth(sheet) / READABLE_PAGE_WIDTH));
  return { orientation: 'landscape', paper: 'A4', fitToWidth: pages, fitToHeight: 0, repeatHeaderRow: sheet.columns.length > 0, repeatColumns: pages > 1 ? 1 : 0 };
}
