/**
 * Everything the registry adds to a workbook in one call: findings (with cell addresses when the
 * layout is known) and the 名录 / 校验 / 分工明细 / 单位工作量 / 领导单位矩阵 sheets.
 */
import type { Finding, ParseResult } from '../model/records.model';
import type { SheetPlan, WorkbookLayout } from '../workbook/plan.model';
import { locateCell } from '../workbook/workbook-layout';
import type { RegistryIndex } from '../registry/registry-index.builder';
import { buildRegistrySheets } from '../registry/registry-sheet.planner';
import { buildAssignmentSheets } from '../crosscheck/assignments-sheet.planner';
import { buildFindingSheet } from './findings-sheet.planner';
import { validateTables } from './validate';

export interface RegistryExtrasInput {
  results: ParseResult[];
  index: RegistryIndex;
  /** ISO date for 逾期. */
  today: string;
  /** Layout of a first plan of the same results, so findings carry their cell address. */
  layout?: WorkbookLayout;
}

/**
 * Findings for `buildWorkbookPlan({ findings })` and sheets for `extraSheets`. Table indexes are
 * those of the flattened list of every result's tables, as the workbook planner counts them.
 */
export function buildRegistryExtras(input: RegistryExtrasInput): { findings: Finding[]; sheets: SheetPlan[] } {
  const tables = input.results.flatMap((r) => r.tables);
  const layout = input.layout;
  const findings = validateTables(tables, input.index, layout ? { cellAddress: (t, r, f) => locateCell(layout, t, r, f) } : {});
  const sheets = [
    buildFindingSheet(findings),
    ...buildAssignmentSheets(tables, { today: input.today, index: input.index }),
    ...buildRegistrySheets(input.index.registry),
  ];
  return { findings, sheets };
}
