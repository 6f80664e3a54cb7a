/**
 * The WPS (ET 表格) adapter of the SpreadsheetHost port, over the synchronous, VBA-shaped object
 * model. WPS writes take effect at once and cannot be rolled back, so a batch is checked as a whole
 * before the first change, and a step failing midway throws a FenjieError saying what was done.
 */
import { FenjieError, applyAllOrNothing, runCleanup, type GuardedBatch, isFenjieError, toFenjieError, type ApplyOptions, type HostCapabilities, type SheetInfo, type SpreadsheetHost, planStateOps, tryParseRange } from '../../core/index';
import { assertBatchValid, existingTableNames } from './wps-batch-check';
import { runBatch, type WriteSession } from './wps-batch-run';
import type { EtApiEventLike, EtApplicationLike } from './wps-api';
import { createChangeFeed } from './wps-events';
import { sheetNamed } from './wps-ops';
import { readSheetList, readUsedRangeOf, visibilityOf } from './wps-read';
import { findStateSheet, readStateFrom, STATE_SHEET } from './wps-state';

export { summariseOps } from './wps-batch-run';

export interface WpsHostEnv {
  Application: EtApplicationLike;
  /** Defaults to Application.ApiEvent (WPS puts it on the same global). */
  ApiEvent?: EtApiEventLike;
  /** Yield to the page this often during long batches so progress can paint (ms). */
  yieldEveryMs?: number;
  /** How long own-write events are still ignored after a batch, for builds that post them late (ms). */
  settleMs?: number;
}

/** Turns screen updating, events and alerts off for a batch; returns the undo. */
function quietApplication(app: EtApplicationLike): () => void {
  const saved = { ScreenUpdating: app.ScreenUpdating, EnableEvents: app.EnableEvents, DisplayAlerts: app.DisplayAlerts };
  const set = (values: typeof saved) => {
    for (const key of Object.keys(values) as (keyof typeof saved)[]) {
      if (values[key] === undefined) continue;
      try {
        app[key] = values[key];
      } catch {
        // Some builds make these read-only; the batch works without them.
      }
    }
  };
  set({ ScreenUpdating: false, EnableEvents: false, DisplayAlerts: false });
  return () => set(saved);
}

const TABLES_BROKEN_KEY = 'fenjie.wps.listObjectsBroken';

export function createWpsHost(env: WpsHostEnv): SpreadsheetHost {
  const app = env.Application;
  const feed = createChangeFeed(env.ApiEvent ?? app.ApiEvent, [STATE_SHEET]);
  // Once ListObjects.Add has failed in this WPS, later panes of the session know it (PluginStorage).
  const storage = app.PluginStorage;
  const flags = { tablesBroken: storage?.getItem(TABLES_BROKEN_KEY) === true || storage?.getItem(TABLES_BROKEN_KEY) === 'true' };
  const rememberTables = (broken: boolean) => {
    if (broken && !flags.tablesBroken) storage?.setItem(TABLES_BROKEN_KEY, 'true');
    flags.tablesBroken = broken || flags.tablesBroken;
  };
  const yieldEveryMs = env.yieldEveryMs ?? 200;
  const settleMs = env.settleMs ?? 10;

  /** Runs own writes: events ignored, UI quiet, the user's active sheet put back unless an op chose one. */
  const withOwnWrites = async <T>(session: WriteSession, fn: () => Promise<T> | T): Promise<T> => {
    feed.begin();
    const restore = quietApplication(app);
    const active = app.ActiveSheet?.Name;
    try {
      return await fn();
    } finally {
      restore();
      if (active && !session.keepActive) restoreActive(active);
      // Events WPS posts for our writes arrive after a macrotask or two; let them land while ignored.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      feed.end(session.touched);
    }
  };

  const restoreActive = (name: string) => {
    try {
      if (app.ActiveSheet?.Name !== name) sheetNamed(app, name).Activate();
    } catch {
      // The sheet was deleted or hidden by the batch; leave WPS's choice.
    }
  };

  return {
    kind: 'wps',
    async getCapabilities(): Promise<HostCapabilities> {
      return readCapabilities(app, flags.tablesBroken, feed.available);
    },
    async apply(ops, options) {
      const unguarded = async (build: (sheets: SheetInfo[], active: string | null) => GuardedBatch, opts?: ApplyOptions) => {
        const sheets = readSheetList(app);
        const { ops: batch, cleanup } = build(sheets, app.ActiveSheet?.Name ?? null);
        assertBatchValid(batch, sheets, existingTableNames(app));
        if (batch.length === 0) return { applied: 0, degraded: [] };
        const session: WriteSession = { touched: [], keepActive: false };
        const run = { yieldEveryMs, tablesBroken: flags.tablesBroken, rememberTables };
        return await withOwnWrites(session, async () => {
          const report = await runBatch(app, batch, opts, session, run);
          return { ...report, cleanupFailed: await runCleanup(cleanup, (more) => runBatch(app, more, undefined, session, run)) };
        });
      };
      // WPS cannot roll a batch back: undo copies of the sheets it changes make it all or nothing.
      return await applyAllOrNothing({ run: unguarded }, ops, options);
    },
    async listSheets() {
      return guard(() => readSheetList(app));
    },
    async getActiveSheet() {
      const name = app.ActiveSheet?.Name;
      if (!name) throw new FenjieError('host-no-workbook', '没有打开的工作簿', 'No workbook is open');
      return name;
    },
    async readUsedRange(sheet) {
      return guard(() => readUsedRangeOf(findSheet(app, sheet), sheet));
    },
    async select(sheet, range) {
      selectIn(app, sheet, range);
    },
    onChange(listener) {
      return feed.subscribe(listener);
    },
    async readState() {
      return guard(() => readStateFrom(app));
    },
    async writeState(state) {
      const existing = findStateSheet(app);
      await this.apply(planStateOps(state, existing ? { visibility: visibilityOf(app, existing.Visible) } : null));
    },
  };
}

function readCapabilities(app: EtApplicationLike, tablesBroken: boolean, changeEvents: boolean): HostCapabilities {
  const sample = app.ActiveSheet;
  const conditions = sample?.Range('A1').FormatConditions;
  const build = app.Build ?? app.Version;
  return {
    tables: !tablesBroken && typeof sample?.ListObjects?.Add === 'function',
    conditionalFormats: true,
    dataBars: typeof conditions?.AddDatabar === 'function',
    listValidation: true,
    notes: true,
    veryHiddenSheets: true,
    changeEvents,
    mergedAreas: true,
    charts: typeof sample?.ChartObjects === 'function',
    version: build === undefined ? 'WPS' : `WPS ${build}`,
  };
}

function selectIn(app: EtApplicationLike, sheet: string, range: string): void {
  const ws = findSheet(app, sheet);
  if (visibilityOf(app, ws.Visible) !== 'visible') throw new FenjieError('host-invalid-op', `工作表已隐藏：${sheet}`, `The sheet is hidden: ${sheet}`);
  if (!tryParseRange(range)) throw new FenjieError('host-invalid-op', `单元格地址无效：${range}`, `Invalid address: ${range}`, { details: { range } });
  guard(() => {
    ws.Activate();
    ws.Range(range).Select();
  });
}

/** WPS failures outside a batch become `host-failed`; our own FenjieErrors pass through. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toFenjieError(error, 'host-failed', 'WPS 操作失败', 'The WPS operation failed');
  }
}

function findSheet(app: EtApplicationLike, sheet: string) {
  try {
    return sheetNamed(app, sheet);
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw new FenjieError('host-invalid-op', `找不到工作表：${sheet}`, `No such sheet: ${sheet}`, { cause: error, details: { sheet } });
  }
}
