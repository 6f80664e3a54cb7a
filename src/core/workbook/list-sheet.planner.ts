/** The common shape of a list sheet: one frozen header row, then the rows, as an Excel table when there are any. */
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan, SheetRole } from './plan.model';

export interface ListSheetSpec {
  name: string;
  role: SheetRole;
  /** Copied, so a caller's constant column list is never shared with (or changed through) a plan. */
  columns: readonly ColumnPlan[];
  rows: CellValue[][];
  /** Name of the Excel table drawn over the rows (none when there are no rows). */
  table: string;
  tableStyle?: string;
  preamble?: string[];
  /** Columns frozen beside the header row (default 0). */
  freezeCols?: number;
}

/** A list sheet plan; callers add validations and conditional formats to it. */
export function planListSheet(spec: ListSheetSpec): SheetPlan {
  const plan: SheetPlan = {
    name: spec.name,
    role: spec.role,
    ...(spec.preamble ? { preamble: spec.preamble } : {}),
    columns: spec.columns.map((c) => ({ ...c })),
    rows: spec.rows,
    freeze: { rows: 1, cols: spec.freezeCols ?? 0 },
  };
  if (spec.rows.length > 0) plan.table = { name: spec.table, style: spec.tableStyle ?? 'TableStyleLight9' };
  return plan;
}
