/**
 * Writing a workbook plan into the open workbook through the host port, in one batch. Nothing the
 * user typed is overwritten without a backup: plan sheets that already exist are copied to a backup
 * sheet first (names never clash), then replaced. The very hidden state sheet is state, not user
 * data: planToOps replaces it without a backup (the plan carries the current state forward).
 */
import type { ApplyReport, SheetInfo, SpreadsheetHost } from '../host/host.port';
import { planToOps } from '../host/plan-to-ops';
import type { WriteOp } from '../sheet/write-op';
import { assertCellLengths } from '../workbook/cell-length.check';
import type { WorkbookPlan } from '../workbook/plan.model';

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

function drawableSheets(plan: WorkbookPlan) {
  return plan.sheets.filter((sheet) => sheet.role !== 'state');
}

/** The plan's sheets that already exist (case-insensitively, as Excel compares names). */
export function listConflicts(plan: WorkbookPlan, sheets: SheetInfo[]): string[] {
  const existing = new Map(sheets.map((sheet) => [sheet.name.toLowerCase(), sheet.name]));
  return drawableSheets(plan)
    .map((sheet) => existing.get(sheet.name.toLowerCase()))
    .filter((name): name is string => name !== undefined);
}

/** A timestamp suffix for backup names such as 主要工作_备份1125-1453. */
export function makeBackupSuffix(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** A backup name no sheet has (case-insensitively); `taken` is updated. */
export function makeBackupName(name: string, suffix: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const tail = `_备份${suffix}`;
  const base = `${name.slice(0, MAX_SHEET_NAME - tail.length)}${tail}`;
  let candidate = base;
  for (let n = 2; lower.has(candidate.toLowerCase()); n += 1) {
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
  /** Ops run first in the same batch (e.g. the backup copy of a pasted sheet). */
  before?: WriteOp[];
  /** Default: the time now (makeBackupSuffix). */
  backupSuffix?: string;
  onProgress?: (done: number) => void;
}

export interface WritePlanResult {
  report: ApplyReport;
  backups: string[];
  sheets: string[];
}

/** Backups, then the plan, as one batch: a host checks it whole and applies all of it or none it can check. */
export async function writePlan(host: SpreadsheetHost, plan: WorkbookPlan, options: WritePlanOptions = {}): Promise<WritePlanResult> {
  // A cell Excel cannot hold is named (sheet, row, column) before anything is written.
  assertCellLengths(plan);
  const sheets = await host.listSheets();
  const { ops: backupOps, backups } = buildBackupOps(listConflicts(plan, sheets), sheets, options.backupSuffix ?? makeBackupSuffix(new Date()));
  const existing = new Set(sheets.map((sheet) => sheet.name));
  const stateSheets = plan.sheets.filter((sheet) => sheet.role === 'state' && existing.has(sheet.name)).map((sheet) => sheet.name);
  const ops = [...(options.before ?? []), ...backupOps, ...planToOps(plan, { existingSheets: stateSheets })];
  const report = await host.apply(ops, { onProgress: options.onProgress });
  return { report, backups, sheets: drawableSheets(plan).map((sheet) => sheet.name) };
}
