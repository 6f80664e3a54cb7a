/** Finding a record's cell in the workbook: '主要工作'!E12. */
import { workbookAddress } from '../sheet/a1';
import type { RecordTableLayout, WorkbookLayout, WorkbookPlan } from './plan.model';

function layoutOf(where: WorkbookPlan | WorkbookLayout): WorkbookLayout | null {
  if ('tables' in where && 'columns' in where && !('sheets' in where)) return where;
  return (where as WorkbookPlan).layout ?? null;
}

export function findTableLayout(where: WorkbookPlan | WorkbookLayout, table: number): RecordTableLayout | null {
  return layoutOf(where)?.tables.find((t) => t.table === table) ?? null;
}

/** Sheet-relative address ('E12') of a record's field; null when the table, row or field is unknown. */
export function locateSheetCell(where: WorkbookPlan | WorkbookLayout, table: number, row: number, field: string): { sheet: string; address: string } | null {
  const layout = layoutOf(where);
  const t = layout?.tables.find((x) => x.table === table);
  if (!layout || !t || !Number.isInteger(row) || row < 0 || row >= t.rows) return null;
  const letter = layout.columns[t.sheet]?.[field];
  if (!letter) return null;
  return { sheet: t.sheet, address: `${letter}${t.firstRow + row}` };
}

/**
 * Workbook address of a record's field, e.g. "'主要工作'!E12". `table` indexes the flattened list of
 * every input's tables (results[0].tables, then results[1].tables, ...); `row` is the record index.
 */
export function locateCell(where: WorkbookPlan | WorkbookLayout, table: number, row: number, field: string): string | null {
  const found = locateSheetCell(where, table, row, field);
  return found ? workbookAddress(found.sheet, found.address) : null;
}
