/** Rollover straight to next year's workbook plan (CLI and add-in share it). */
import type { ParseResult } from '../model/records.model';
import type { WorkbookPlan } from '../workbook/plan.model';
import { buildWorkbookPlan } from '../workbook/workbook.planner';
import { rolloverChangesAsFixes, rolloverTables, type RolloverOptions, type RolloverResult } from './rollover';

export interface RolloverPlan {
  plan: WorkbookPlan;
  rollover: RolloverResult;
  /** The year rolled over; a workbook holding several years rolls over its latest only. */
  fromYear: number | null;
}

/** Next year's workbook from this year's records; the changes go to its 修订记录 sheet. */
export function planRolloverWorkbook(current: ParseResult, options: RolloverOptions): RolloverPlan {
  const years = current.tables.map((t) => t.year).filter((y): y is number => y !== null);
  const fromYear = years.length > 0 ? Math.max(...years) : null;
  const tables = current.tables.filter((t) => t.year === fromYear || t.year === null);
  const rollover = rolloverTables(tables, options);
  const plan = buildWorkbookPlan({
    results: [{ source: current.source, notice: { number: null, title: null, date: null }, tables: rollover.tables, fixes: rolloverChangesAsFixes(rollover.changes), warnings: [] }],
    state: { rolledOverFrom: { source: current.source, year: fromYear } },
  });
  return { plan, rollover, fromYear };
}
