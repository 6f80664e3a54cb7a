/**
 * The Office.js adapter of the SpreadsheetHost port. One apply() is one Excel.run: a sync to read
 * the sheet list and check the whole batch, the writes (synced again only when the payload budget
 * is reached), and a last sync that turns events back on and recalculates, also after a failure.
 */
import {
  FenjieError, STATE_SHEET, applyAllOrNothing, checkBatch, runCleanup, type GuardedBatch, formatRange, parseRange, planStateOps, type ApplyOptions, type ApplyReport, type SheetInfo, type SpreadsheetHost, type WorkbookState, type WriteOp,
} from '../../core';
import { capabilitiesOf, probeFeatures, type OfficeFeatures } from './office-capabilities';
import type { OfficeEnv } from './office-env';
import { translateOfficeError, officeErrorCode } from './office-errors';
import { createChangeHub, createOwnWrites, type OwnWrites } from './office-events';
import { queueSheetList, readStateIn, readUsedRangeChunked, readUsedRangeIn, toSheetInfos } from './office-read';
import { groupStyleOps } from './office-style-groups';
import { queueOp, type WriteSession } from './office-write';

const DEFAULT_BUDGET = 4 * 1024 * 1024;
/** Rows of column A cleared before the state is rewritten (32,000 characters each). */

export interface OfficeHost extends SpreadsheetHost {
  readonly kind: 'office';
}

function noSheet(sheet: string, cause: unknown): FenjieError {
  return new FenjieError('host-invalid-op', `找不到工作表：${sheet}`, `No such sheet: ${sheet}`, { cause, details: { sheet } });
}

interface WriteContext {
  features: OfficeFeatures;
  budget: number;
  own: OwnWrites;
  /** Restores events and calculation in a new Excel.run, leaving this context's unsent commands unsent. */
  restoreFresh: () => Promise<void>;
}

async function writeBatch(context: Excel.RequestContext, ops: WriteOp[], { features, budget, own, restoreFresh }: WriteContext, options?: ApplyOptions): Promise<ApplyReport> {
  const session: WriteSession = { context, features, budget, queuedBytes: 0, syncs: 0 };
  const degraded: ApplyReport['degraded'] = [];
  own.begin();
  if (features.has('enableEvents')) context.runtime.enableEvents = false;
  if (features.has('suspendCalculation')) context.workbook.application.suspendApiCalculationUntilNextSync();
  if (features.has('suspendScreenUpdating')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  let report: ApplyReport;
  try {
    const steps = features.has('rangeAreas') ? groupStyleOps(ops) : ops.map((step, upTo) => ({ step, upTo }));
    for (let i = 0; i < steps.length; i++) {
      const note = await queueOp(session, steps[i].step);
      if (note) degraded.push(note);
      if (options?.onProgress && (i % 50 === 49 || i === steps.length - 1)) options.onProgress(i === steps.length - 1 ? 1 : (steps[i].upTo + 1) / ops.length);
    }
    await context.sync();
    report = { applied: ops.length, degraded: summariseDegraded(degraded) };
  } catch (error) {
    // Restoring must not hide the write's own error, nor send writes queued after a failure.
    await restoreFresh().catch(() => own.end());
    throw error;
  }
  await restoreAfterWrite(context, features, own);
  return report;
}

/** One entry per kind of degradation and sheet, with how many ops it covers. */
export function summariseDegraded(entries: ApplyReport['degraded']): ApplyReport['degraded'] {
  const byKey = new Map<string, { entry: ApplyReport['degraded'][number]; count: number }>();
  for (const entry of entries) {
    const key = `${entry.op}\u0000${entry.sheet ?? ''}\u0000${entry.messageEn}`;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { entry, count: 1 });
  }
  return [...byKey.values()].map(({ entry, count }) =>
    count === 1 ? entry : { ...entry, message: `${entry.message}（共 ${count} 处）`, messageEn: `${entry.messageEn} (${count} times)` },
  );
}

/** Events back on and a recalculation (API calculation was suspended), in the same Excel.run. */
async function restoreAfterWrite(context: Excel.RequestContext, features: OfficeFeatures, own: OwnWrites): Promise<void> {
  try {
    if (features.has('enableEvents')) context.runtime.enableEvents = true;
    context.workbook.application.calculate('Recalculate');
    await context.sync();
  } finally {
    own.end();
  }
}

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One Excel.run, with Office errors translated to FenjieError. */
function createRunner(env: OfficeEnv, features: OfficeFeatures): Runner {
  return async (batch) => {
    try {
      if (features.has('delayForCellEdit')) return await env.Excel.run({ delayForCellEdit: true }, batch);
      return await env.Excel.run(batch);
    } catch (error) {
      throw translateOfficeError(error);
    }
  };
}

/** Runs `work`, reporting a missing sheet as host-invalid-op like every host does. */
async function onSheet<T>(sheet: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as FenjieError).details?.officeCode === 'ItemNotFound') throw noSheet(sheet, error);
    throw error;
  }
}

async function selectIn(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.load('visibility');
  await context.sync();
  if (worksheet.visibility !== 'Visible') throw new FenjieError('host-invalid-op', `工作表已隐藏：${sheet}`, `The sheet is hidden: ${sheet}`);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}

export function createOfficeHost(env: OfficeEnv): OfficeHost {
  const features = probeFeatures(env.Office);
  const budget = env.payloadBudgetBytes ?? DEFAULT_BUDGET;
  const own = createOwnWrites(env.ownWriteQuietMs ?? 300);
  const hub = createChangeHub(env.Excel, features, own, () => undefined);

  const run = createRunner(env, features);

  /** One Excel.run: read the sheets, build the batch from them, check it whole, write it. apply() makes it all or nothing. */
  async function runBatch(build: (sheets: SheetInfo[], active: string | null) => GuardedBatch, options?: ApplyOptions): Promise<ApplyReport & { cleanupFailed?: boolean }> {
    return await run(async (context) => {
      const sheets = queueSheetList(context);
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      const tables = context.workbook.tables;
      // The sheet of each table lets the check free a name when its sheet is deleted earlier in the batch.
      tables.load('items/name,items/worksheet/name');
      await context.sync();
      const { ops, cleanup } = build(toSheetInfos(sheets), active.name);
      checkBatch(ops, toSheetInfos(sheets), tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })));
      if (ops.length === 0) return { applied: 0, degraded: [] };
      const restoreFresh = () => run((fresh) => restoreAfterWrite(fresh, features, own));
      const write = { features, budget, own, restoreFresh };
      const report = await writeBatch(context, ops, write, options);
      return { ...report, cleanupFailed: await runCleanup(cleanup, (more) => writeBatch(context, more, write)) };
    });
  }

  async function listSheets(): Promise<SheetInfo[]> {
    return await run(async (context) => {
      const sheets = queueSheetList(context);
      await context.sync();
      return toSheetInfos(sheets);
    });
  }

  async function getActiveSheet(): Promise<string> {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  /** All or nothing: a sync rejected part-way is rolled back from undo copies (Excel has no undo for add-ins). */
  async function apply(ops: WriteOp[], options?: ApplyOptions): Promise<ApplyReport> {
    return await applyAllOrNothing({ run: runBatch }, ops, options);
  }

  async function writeState(state: WorkbookState): Promise<void> {
    const sheets = await listSheets();
    const existing = sheets.find((s) => s.name.toLowerCase() === STATE_SHEET.toLowerCase());
    await apply(planStateOps(state, existing ?? null));
  }

  return {
    kind: 'office',
    async getCapabilities() {
      return capabilitiesOf(features);
    },
    apply,
    listSheets,
    getActiveSheet,
    async readUsedRange(sheet) {
      try {
        return await onSheet(sheet, () => run((context) => readUsedRangeIn(context, sheet, features)));
      } catch (error) {
        if ((error as FenjieError).details?.officeCode !== 'ResponsePayloadSizeLimitExceeded') throw error;
        return await onSheet(sheet, () => readUsedRangeChunked(run, sheet, features));
      }
    },
    async select(sheet, range) {
      const address = formatRange(parseRange(range));
      await onSheet(sheet, () => run((context) => selectIn(context, sheet, address)));
    },
    onChange(listener) {
      return hub.subscribe(listener);
    },
    async readState() {
      return await run((context) => readStateIn(context));
    },
    writeState,
  };
}

export { officeErrorCode };
