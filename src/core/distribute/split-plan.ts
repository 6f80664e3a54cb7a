/** Split straight to one workbook plan per unit (CLI and add-in share it). */
import type { ParsedTable } from '../model/records.model';
import type { WorkbookPlan } from '../workbook/plan.model';
import { planUnitWorkbook, type SplitMeta } from './split.planner';
import { assignUnits, unitFileName, type UnitAssignment } from './unit-assign';

export interface UnitWorkbookPlan {
  unit: string;
  fileName: string;
  lead: number;
  cooperate: number;
  plan: WorkbookPlan;
}

/** Plans are built one at a time on demand, so 60 units × 10,000 rows need not sit in memory at once. */
export function* planUnitWorkbooks(tables: ParsedTable[], meta: SplitMeta): Generator<UnitWorkbookPlan> {
  const years = [...new Set(tables.map((t) => t.year))];
  const year = years.length === 1 ? years[0] : null;
  const assignments: UnitAssignment[] = assignUnits(tables);
  for (const assignment of assignments) {
    const lead = assignment.rows.filter((r) => r.role === '牵头').length;
    yield { unit: assignment.unit, fileName: unitFileName(assignment.unit, year), lead, cooperate: assignment.rows.length - lead, plan: planUnitWorkbook(tables, assignment, meta) };
  }
}
