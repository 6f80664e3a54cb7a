/** Collect straight to the merged workbook plan (CLI and add-in share it). */
import type { WorkbookState } from '../sheet/workbook-state';
import type { ParseResult } from '../model/records.model';
import type { WorkbookPlan } from '../workbook/plan.model';
import { buildWorkbookPlan } from '../workbook/workbook.planner';
import { collectTracking, type CollectFinding, type CollectResult, type UnitReturn } from './collect.merger';
import { planCollectSheet } from './collect-report.planner';
import { namedUnits } from './unit-assign';

export interface CollectPlan {
  plan: WorkbookPlan;
  collect: CollectResult;
}

/**
 * The master's records with the units' tracking merged, plus a 汇总记录 sheet. `problems` are
 * findings the caller met before (files it could not read) and are listed first.
 */
export function planCollectWorkbook(master: { result: ParseResult; state: WorkbookState }, returns: UnitReturn[], problems: CollectFinding[] = []): CollectPlan {
  const tables = master.result.tables;
  const years = [...new Set(tables.map((t) => t.year))];
  const collect = collectTracking(tables, returns, { year: years.length === 1 ? years[0] : null, knownUnits: namedUnits(tables) });
  collect.findings.unshift(...problems);
  const plan = buildWorkbookPlan({ results: [{ ...master.result, tables: collect.tables }], extraSheets: [planCollectSheet(collect)], state: master.state });
  return { plan, collect };
}
