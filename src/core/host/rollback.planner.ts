/**
 * All-or-nothing batches on hosts that cannot undo (WPS writes at once; an Office.js sync that is
 * rejected part-way keeps what ran before the failing command). Before the batch, every existing
 * sheet it changes is copied to a hidden undo sheet in the same batch; once it has run, the undo
 * sheets are deleted (a failure there leaves the batch done and is reported as degraded). When the batch fails anywhere, the rollback deletes the sheets it added and puts each
 * undo sheet back under its old name, visibility and active sheet — the workbook as it was.
 * What a copy cannot carry stays as the host copies it (an Excel table on a restored sheet keeps
 * its content and gets the name Excel gives the copy).
 */
import { FenjieError, isFenjieError } from '../errors';
import type { WriteOp } from '../sheet/write-op';
import type { ApplyOptions, ApplyReport, SheetInfo } from './host.port';

export const UNDO_SHEET_PREFIX = '~fj-undo-';

export interface UndoGuard {
  /** Copies of the sheets the batch changes, hidden, before the batch. */
  before: WriteOp[];
  /** The undo sheets deleted once the batch has run (a batch of its own: the batch itself is done by then). */
  after: WriteOp[];
  /** Original sheet name → its undo sheet. */
  undo: Map<string, string>;
}

/** Ops that change the sheet they name (copySheet reads its source only; activate changes no data). */
function changesSheet(op: WriteOp): boolean {
  return op.op !== 'addSheet' && op.op !== 'copySheet' && op.op !== 'activate';
}

/** The undo copies for the existing sheets `ops` change. */
export function planUndoGuard(ops: readonly WriteOp[], sheets: readonly SheetInfo[]): UndoGuard {
  const existing = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  for (const op of ops) if (op.op === 'addSheet' || op.op === 'copySheet' || op.op === 'renameSheet') taken.add((op.op === 'addSheet' ? op.sheet : op.to).toLowerCase());
  const undo = new Map<string, string>();
  const before: WriteOp[] = [];
  let n = 1;
  for (const op of ops) {
    const sheet = existing.get(op.sheet?.toLowerCase());
    if (!sheet || !changesSheet(op) || undo.has(sheet.name)) continue;
    while (taken.has(`${UNDO_SHEET_PREFIX}${n}`)) n++;
    const name = `${UNDO_SHEET_PREFIX}${n++}`;
    taken.add(name);
    undo.set(sheet.name, name);
    before.push({ op: 'copySheet', sheet: sheet.name, to: name }, { op: 'setSheetVisibility', sheet: name, visibility: 'hidden' });
  }
  const after: WriteOp[] = [...undo.values()].map((name) => ({ op: 'deleteSheet', sheet: name }));
  return { before, after, undo };
}

/** Ops that bring the workbook back to `sheets` (and `active`) from `now`, using the undo sheets. */
export function planRollback(guard: UndoGuard, sheets: readonly SheetInfo[], now: readonly SheetInfo[], active: string | null): WriteOp[] {
  const was = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const present = new Set(now.map((s) => s.name.toLowerCase()));
  const undoNames = new Set([...guard.undo.values()].map((n) => n.toLowerCase()));
  const restores = [...guard.undo].filter(([, copy]) => present.has(copy.toLowerCase()));
  const ops: WriteOp[] = restores.map(([, copy]) => ({ op: 'setSheetVisibility', sheet: copy, visibility: 'visible' }));
  const restored = new Set(restores.map(([name]) => name.toLowerCase()));
  for (const s of now) {
    const key = s.name.toLowerCase();
    if (undoNames.has(key)) continue;
    if (!was.has(key) || restored.has(key)) ops.push({ op: 'deleteSheet', sheet: s.name });
    else if (was.get(key)?.visibility !== s.visibility) ops.push({ op: 'setSheetVisibility', sheet: s.name, visibility: was.get(key)?.visibility ?? 'visible' });
  }
  for (const [name, copy] of restores) {
    ops.push({ op: 'renameSheet', sheet: copy, to: name });
    const visibility = was.get(name.toLowerCase())?.visibility ?? 'visible';
    if (visibility !== 'visible') ops.push({ op: 'setSheetVisibility', sheet: name, visibility });
  }
  if (active && was.get(active.toLowerCase())?.visibility === 'visible') ops.push({ op: 'activate', sheet: active });
  return ops;
}

/** What a guarded round runs: the batch, then (only when the batch succeeded) the clean-up. */
export interface GuardedBatch {
  ops: WriteOp[];
  /** Run after `ops` succeeded, in the same round; a failure here is retried once, then reported, never thrown. */
  cleanup?: WriteOp[];
}

export interface GuardedHost {
  /**
   * Runs, in one host round (one Excel.run), the batch `build` makes from the sheets and the active
   * sheet as they are at its start: checked whole, then written, then the clean-up.
   */
  run(build: (sheets: SheetInfo[], active: string | null) => GuardedBatch, options?: ApplyOptions): Promise<ApplyReport & { cleanupFailed?: boolean }>;
}

/** What an adapter does with a batch's clean-up: each op on its own, once more if it fails; true when one could not be done. */
export async function runCleanup(cleanup: WriteOp[] | undefined, write: (ops: WriteOp[]) => Promise<unknown>): Promise<boolean> {
  let failed = false;
  for (const op of cleanup ?? []) {
    let done = false;
    for (let attempt = 0; attempt < 2 && !done; attempt++) {
      try {
        await write([op]);
        done = true;
      } catch {
        // Retried once; then left for the user to delete (reported as degraded).
      }
    }
    failed ||= !done;
  }
  return failed;
}

function rolledBack(error: unknown, ops: WriteOp[]): FenjieError {
  const cause = isFenjieError(error) ? error : null;
  const reason = cause ? cause.messageZh : String((error as Error)?.message ?? error);
  const reasonEn = cause ? cause.messageEn : String((error as Error)?.message ?? error);
  return new FenjieError(
    'host-apply-rolled-back',
    `写入未完成（${reason}），工作簿已恢复为写入前的样子，没有留下半截内容。可以重试。`,
    `The write did not complete (${reasonEn}); the workbook was put back as it was before, nothing half-written is left. You can retry.`,
    { cause: error, details: { causeCode: cause?.code ?? null, ops: ops.length, ...(cause?.details ?? {}) } },
  );
}

function rollbackFailed(error: unknown, rollbackError: unknown, guard: UndoGuard): FenjieError {
  const kept = [...guard.undo].map(([name, copy]) => `${copy} ← ${name}`).join('、');
  return new FenjieError(
    'host-rollback-failed',
    `写入失败，恢复原样时也出错。写入前的工作表已保留为隐藏的备份工作表（${kept || '无'}），可取消隐藏后手动恢复。`,
    `The write failed, and so did putting the workbook back. The sheets as they were are kept as hidden backup sheets (${kept || 'none'}); unhide them to restore by hand.`,
    { cause: error, details: { rollbackError: String((rollbackError as Error)?.message ?? rollbackError), undoSheets: Object.fromEntries(guard.undo) } },
  );
}

/**
 * Runs `ops` all or nothing: guarded by undo copies, rolled back on any failure. A batch refused
 * before any change (host-invalid-op) comes back with its own error; one that failed part-way comes
 * back as `host-apply-rolled-back` (or `host-rollback-failed` when even the rollback failed).
 */
export async function applyAllOrNothing(host: GuardedHost, ops: WriteOp[], options?: ApplyOptions): Promise<ApplyReport> {
  let start: { sheets: SheetInfo[]; active: string | null; guard: UndoGuard } | null = null;
  let report: ApplyReport & { cleanupFailed?: boolean };
  try {
    report = await host.run((sheets, active) => {
      start = { sheets, active, guard: planUndoGuard(ops, sheets) };
      return { ops: [...start.guard.before, ...ops], cleanup: start.guard.after };
    }, options);
  } catch (error) {
    const begun = start as { sheets: SheetInfo[]; active: string | null; guard: UndoGuard } | null;
    if (!begun) throw error;
    let changed = false;
    try {
      await host.run((now) => {
        const rollback = planRollback(begun.guard, begun.sheets, now, begun.active);
        changed = rollback.some((op) => op.op !== 'activate');
        return { ops: changed ? rollback : [] };
      });
    } catch (rollbackError) {
      throw rollbackFailed(error, rollbackError, begun.guard);
    }
    // Refused before any change (the check), or failed before its first change: the error as it is.
    if (!changed) throw error;
    throw rolledBack(error, ops);
  }
  const names = [...((start as { guard: UndoGuard } | null)?.guard.undo.values() ?? [])].join('、');
  const leftover: ApplyReport['degraded'] = report.cleanupFailed
    ? [{ op: 'deleteSheet', message: `写入已完成，但隐藏的临时工作表（${names}）未能删除，可手动删除`, messageEn: `The write is complete, but the hidden temporary sheets (${names}) could not be deleted; delete them by hand` }]
    : [];
  return { applied: ops.length, degraded: [...report.degraded.filter((d) => !d.sheet?.startsWith(UNDO_SHEET_PREFIX)), ...leftover] };
}
