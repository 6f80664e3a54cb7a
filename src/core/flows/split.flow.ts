/**
 * 分单位下发 / fenjie split: one workbook plan per unit, with the tasks it leads or cooperates on,
 * only the tracking columns editable. Plans are built one at a time, so 60 units × 10,000 rows need
 * not sit in memory at once; the caller writes each and zips or saves them.
 */
import type { ParsedTable } from '../model/records.model';
import { planUnitWorkbook, type SplitMeta } from '../distribute/split.planner';
import { assignUnits, ROLE_LEAD, unitFileName, type UnitAssignment } from '../distribute/unit-assign';
import type { WorkbookPlan } from '../workbook/plan.model';

export interface UnitWorkbookPlan {
  unit: string;
  fileName: string;
  lead: number;
  cooperate: number;
  plan: WorkbookPlan;
}

/** The tables' one year, or null when they hold several or none. */
export function splitYear(tables: ParsedTable[]): number | null {
  const years = [...new Set(tables.map((t) => t.year))];
  return years.length === 1 ? years[0] : null;
}

/** How many units a split writes (for a progress bar before the first file is done). */
export function countSplitUnits(tables: ParsedTable[]): number {
  return assignUnits(tables).length;
}

export function* planSplit(tables: ParsedTable[], meta: SplitMeta): Generator<UnitWorkbookPlan> {
  const year = splitYear(tables);
  const assignments: UnitAssignment[] = assignUnits(tables);
  for (const assignment of assignments) {
    const lead = assignment.rows.filter((r) => r.role === ROLE_LEAD).length;
    yield { unit: assignment.unit, fileName: unitFileName(assignment.unit, year), lead, cooperate: assignment.rows.length - lead, plan: planUnitWorkbook(tables, assignment, meta) };
  }
}
