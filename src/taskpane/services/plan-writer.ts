/**
 * Writes a workbook plan through the host port. Nothing the user typed is overwritten without a
 * backup: plan sheets that already exist are copied to a backup sheet first, then replaced.
 * The very hidden state sheet is state, not user data: planToOps replaces it without a backup
 * (the plan carries the current state forward, see WorkbookInput.state).
 */
import type { ApplyReport, SheetInfo, SpreadsheetHost, WorkbookPlan, WriteOp } from '../../core';

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

export function listConflicts(plan: WorkbookPlan, sheets: SheetInfo[]): string[] {
  const existing = new Set(sheets.map((sheet) => sheet.name));
  return drawableSheets(plan)
    .map((sheet) => sheet.name)
    .filter((name) => existing.has(name));
}

/** A timestamp suffix for backup names such as 主要工作_备份1125-1453. */
export function makeBackupSuffix(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

export function makeBackupName(name: string, suffix: string, taken: Set<string>): string {
  const tail = `_备份${suffix}`;
  const base = `${name.slice(0, MAX_SHEET_NAME - tail.length)}${tail}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) {
    const extra = `(${n})`;
    candidate = `${base.slice(0, MAX_SHEET_NAME - extra.length)}${extra}`;
  }
  taken.add(candidate);
  return candidate;
}

/** Copy each conflicting sheet to a backup, then delete it so the plan can add it afresh. */
export function buildBackupOps(conflicts: string[], sheets: SheetInfo[], suffix: string): { ops: WriteOp[]; backups: string[] } {
  const taken = new Set(sheets.map((sheet) => sheet.name));
  const ops: WriteOp[] = [];
  const backups: string[] = [];
  for (const name of conflicts) {
    const backup = makeBackupName(name, suffix, taken);
    backups.push(backup);
    ops.push({ op: 'copySheet', sheet: name, to: backup }, { op: 'deleteSheet', sheet: name });
  }
  return { ops, backups };
}

export interface WritePlanOptions {
  toOps: (plan: WorkbookPlan, options: { existingSheets: string[] }) => WriteOp[];
  /** Ops run first in the same batch (e.g. the backup copy of a pasted sheet). */
  before?: WriteOp[];
  backupSuffix: string;
  onProgress?: (done: number) => void;
}

export interface WritePlanResult {
  report: ApplyReport;
  backups: string[];
  sheets: string[];
}

export async function writePlan(host: SpreadsheetHost, plan: WorkbookPlan, options: WritePlanOptions): Promise<WritePlanResult> {
  const sheets = await host.listSheets();
  const { ops: backupOps, backups } = buildBackupOps(listConflicts(plan, sheets), sheets, options.backupSuffix);
  const existing = new Set(sheets.map((sheet) => sheet.name));
  const stateSheets = plan.sheets.filter((sheet) => sheet.role === 'state' && existing.has(sheet.name)).map((sheet) => sheet.name);
  // Backups go in their own batch first: the new sheets reuse the table names of the sheets just
  // backed up, and a host checks table names against the workbook as it was before the batch.
  const first = [...(options.before ?? []), ...backupOps];
  if (first.length > 0) await host.apply(first);
  const report = await host.apply(options.toOps(plan, { existingSheets: stateSheets }), { onProgress: options.onProgress });
  return { report, backups, sheets: drawableSheets(plan).map((sheet) => sheet.name) };
}

function drawableSheets(plan: WorkbookPlan) {
  return plan.sheets.filter((sheet) => sheet.role !== 'state');
}
