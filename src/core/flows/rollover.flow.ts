/**
 * 下一年度 / fenjie rollover: next year's workbook plan from this year's records. A workbook
 * holding several years rolls over its latest; the year must be later; every change goes to the
 * new workbook's 修订记录 and back to the caller to print.
 */
import { FenjieError } from '../errors';
import type { ParsedTable, ParseResult } from '../model/records.model';
import type { Registry } from '../registry/registry.model';
import { rolloverChangesAsFixes, rolloverTables, type RolloverResult } from '../rollover/rollover';
import type { WorkbookPlan } from '../workbook/plan.model';
import { buildWorkbookPlan } from '../workbook/workbook.planner';

export interface RolloverPlan {
  plan: WorkbookPlan;
  rollover: RolloverResult;
  /** The year rolled over; a workbook holding several years rolls over its latest only. */
  fromYear: number | null;
  year: number;
}

export interface RolloverRequest {
  /** Next year; default: the plan's latest year + 1 (not the calendar's). */
  year?: number | null;
  /** Names in registry form and leaders by 分管; null: names kept as they are. */
  registry?: Registry | null;
  dropFinished?: boolean;
}

function latestYear(tables: ParsedTable[]): number | null {
  const years = tables.map((t) => t.year).filter((y): y is number => y !== null);
  return years.length > 0 ? Math.max(...years) : null;
}

/** The year a rollover proposes: the plan's latest year + 1 (the calendar's next year when the plan has none). */
export function defaultRolloverYear(tables: ParsedTable[], now = new Date()): number {
  const latest = latestYear(tables);
  return latest !== null ? latest + 1 : now.getFullYear() + 1;
}

export function planRollover(current: ParseResult, request: RolloverRequest = {}): RolloverPlan {
  if (current.tables.length === 0) throw new FenjieError('rollover-no-table', `${current.source} 中没有表格`, `No table in ${current.source}`);
  const fromYear = latestYear(current.tables);
  const year = request.year ?? defaultRolloverYear(current.tables);
  if (fromYear !== null && year <= fromYear) {
    throw new FenjieError('rollover-year-not-later', `下一年度须晚于 ${fromYear} 年（收到 ${year}）`, `The next year must be later than ${fromYear} (got ${year})`, { details: { fromYear, year } });
  }
  const tables = current.tables.filter((t) => t.year === fromYear || t.year === null);
  const rollover = rolloverTables(tables, { year, registry: request.registry ?? null, dropFinished: request.dropFinished });
  const plan = buildWorkbookPlan({
    results: [{ source: current.source, notice: { number: null, title: null, date: null }, tables: rollover.tables, fixes: rolloverChangesAsFixes(rollover.changes), warnings: [] }],
    state: { rolledOverFrom: { source: current.source, year: fromYear } },
  });
  return { plan, rollover, fromYear, year };
}
