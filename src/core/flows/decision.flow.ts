/**
 * A user's decision on a finding group: 采用 writes the chosen value into every cell of the group
 * (one batch), 忽略 is remembered in the workbook state so the group stays dismissed.
 */
import type { ParsedTable } from '../model/records.model';
import type { WorkbookState } from '../sheet/workbook-state';
import type { WriteOp } from '../sheet/write-op';
import { applyDecision, type FindingGroup } from '../validate/finding-groups';
import { joinNames } from '../workbook/names-join';
import type { WorkbookLayout } from '../workbook/plan.model';
import { locateSheetCell } from '../workbook/workbook-layout';

/** The new cell texts of every cell the decision changes, as single-cell writes. */
export function planDecision(tables: ParsedTable[], layout: WorkbookLayout, group: FindingGroup, value: string): WriteOp[] {
  const decided = applyDecision(tables, group, value);
  const ops: WriteOp[] = [];
  for (const fix of decided.fixes) {
    const at = locateSheetCell(layout, fix.table, fix.row, fix.field);
    const row = decided.tables[fix.table]?.rows[fix.row] as unknown as Record<string, string[]> | undefined;
    if (!at || !row) continue;
    ops.push({ op: 'writeValues', sheet: at.sheet, start: at.address, values: [[joinNames(row[fix.field])]] });
  }
  return ops;
}

/** The state with the group dismissed (idempotent). */
export function dismissGroup(state: WorkbookState, group: Pick<FindingGroup, 'key'>): WorkbookState {
  return { ...state, dismissedFindings: [...new Set([...(state.dismissedFindings ?? []), group.key])] };
}
