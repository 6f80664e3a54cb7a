/**
 * 校验 and 交叉核对: the tables checked against the registry index, findings addressed to their
 * cells, grouped (one decision fixes a group), sorted worst first, dismissed groups left out of the
 * counts. The pane, the CLI and the workbook's 校验 sheet all come through here.
 */
import { FenjieError } from '../errors';
import type { Finding, ParsedTable, Severity } from '../model/records.model';
import type { RegistryIndex } from '../registry/registry-index.builder';
import { groupFindings, groupKey, type FindingGroup } from '../validate/finding-groups';
import { summariseFindings, validateTables, type CheckScope } from '../validate/validate';
import { buildAssignmentSheets } from '../crosscheck/assignments-sheet.planner';
import type { WorkbookLayout, WorkbookPlan } from '../workbook/plan.model';
import { locateCell } from '../workbook/workbook-layout';

export interface ValidationInput {
  tables: ParsedTable[];
  index: RegistryIndex;
  /** Where the records sit, so findings carry their cell ('主要工作'!E12). */
  layout?: WorkbookLayout | null;
  scope?: CheckScope;
  /** Group keys the user dismissed (kept in the workbook state). */
  dismissed?: readonly string[];
}

export interface Validation {
  findings: Finding[];
  /** Open groups, errors first, then warnings, then info; the most widespread first within a code. */
  groups: FindingGroup[];
  /** Groups the user dismissed (not counted in the summary). */
  dismissedGroups: FindingGroup[];
  summary: { errors: number; warnings: number; info: number; groups: number; dismissed: number };
  valid: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortGroups(groups: FindingGroup[]): FindingGroup[] {
  return [...groups].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code) || b.positions.length - a.positions.length);
}

/** How many groups the pane lists at once (worst first); the rest are counted, never dropped silently. */
export const MAX_GROUPS_SHOWN = 100;

export interface ShownGroups {
  /** The groups to list: open ones worst first, then (when asked) the dismissed ones. */
  shown: FindingGroup[];
  /** Groups not listed because of the limit. */
  hidden: number;
  total: number;
}

/** The groups the findings list shows: dismissed ones only when asked, at most `limit`, and how many more. */
export function pickShownGroups(validation: Pick<Validation, 'groups' | 'dismissedGroups'>, options: { showDismissed?: boolean; limit?: number } = {}): ShownGroups {
  const limit = options.limit ?? MAX_GROUPS_SHOWN;
  const all = options.showDismissed ? [...validation.groups, ...validation.dismissedGroups] : validation.groups;
  return { shown: all.slice(0, limit), hidden: Math.max(0, all.length - limit), total: all.length };
}

/** Checks the tables; a file from which no table was read is an error, not "valid". */
export function validateRecords(input: ValidationInput): Validation {
  if (input.tables.length === 0) {
    throw new FenjieError('validate-no-table', '没有可校验的表格：文件中没有读到任务或项目', 'Nothing to validate: no task or project table was read');
  }
  const layout = input.layout;
  const findings = validateTables(input.tables, input.index, { scope: input.scope ?? 'all', cellAddress: layout ? (t, r, f) => locateCell(layout, t, r, f) : undefined });
  const dismissed = new Set(input.dismissed ?? []);
  const all = sortGroups(groupFindings(findings));
  const groups = all.filter((g) => !dismissed.has(g.key));
  const dismissedGroups = all.filter((g) => dismissed.has(g.key));
  const open = dismissed.size ? findings.filter((f) => !dismissed.has(groupKey(f))) : findings;
  const summary = { ...summariseFindings(open), groups: groups.length, dismissed: dismissedGroups.length };
  return { findings, groups, dismissedGroups, summary, valid: summary.errors === 0 };
}

/** 分工明细, 单位工作量 and 领导单位矩阵 from the records (`today` as yyyy-mm-dd, for 逾期). */
export function planCrossCheckSheets(tables: ParsedTable[], index: RegistryIndex, today: string): WorkbookPlan {
  return { version: 1, sheets: buildAssignmentSheets(tables, { today, index }) };
}
