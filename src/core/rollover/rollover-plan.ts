/** Rollover straight to next year's workbook plan (CLI and add-in share it). */
import type { ParseResult } from '../model/records.model';
import type { WorkbookPlan } from '../workbook/plan.model';
import { buildWorkbookPlan } from '../workbook/workbook.planner';
import { rolloverChangesAsFixes, rolloverTables, type RolloverOptions, type RolloverResult } from './rollover';

export interface RolloverPlan {
  plan: WorkbookPlan;
  rollover: RolloverResult;
}

/** Next year's workbook from this year's records; the changes go to its 修订记录 sheet. */
export function planRolloverWorkbook(current: ParseResult, options: RolloverOptions): RolloverPlan {
  const rollover = rolloverTables(current.tables, options);
  const plan = buildWorkbookPlan({
    results: [{ source: current.source, notice: { number: null, title: null, date: null }, tables: rollover.tables, fixes: rolloverChangesAsFixes(rollover.changes), warnings: [] }],
    state: { rolledOverFrom: { source: current.source, years: [...new Set(current.tables.map((t) => t.year))] } },
  });
  return { plan, rollover };
}
