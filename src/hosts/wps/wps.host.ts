/**
 * The WPS (ET 表格) adapter of the SpreadsheetHost port, over the synchronous, VBA-shaped object
 * model. WPS writes take effect at once and cannot be rolled back, so a batch is checked as a whole
 * before the first change, and a step failing midway throws a FenjieError saying what was done.
 */
import { FenjieError, isFenjieError, type ApplyOptions, type ApplyReport, type HostCapabilities, type SpreadsheetHost, type WriteOp } from '../../core/index';
import { assertBatchValid, existingTableNames } from './wps-batch-check';
import type { EtApiEventLike, EtApplicationLike } from './wps-api';
import { applyUnion, planSteps } from './wps-coalesce';
import { createChangeFeed, type TouchedArea } from './wps-events';
import { applyOp, sheetNamed, type OpContext } from './wps-ops';
import { readSheetList, readUsedRangeOf, visibilityOf } from './wps-read';
import { readStateFrom, STATE_SHEET, writeStateTo } from './wps-state';

export interface WpsHostEnv {
  Application: EtApplicationLike;
  /** Defaults to Application.ApiEvent (WPS puts it on the same global). */
  ApiEvent?: EtApiEventLike;
  /** Yield to the page this often during long batches so progress can paint (ms). */
  yieldEveryMs?: number;
  /** How long own-write events are still ignored after a batch, for builds that post them late (ms). */
  settleMs?: number;
}

const OP_LABELS: Record<WriteOp['op'], [string, string]> = {
  addSheet: ['新建工作表', 'add sheet'],
  deleteSheet: ['删除工作表', 'delete sheet'],
  renameSheet: ['重命名工作表', 'rename sheet'],
  copySheet: ['复制工作表', 'copy sheet'],
  setSheetVisibility: ['设置工作表可见性', 'set sheet visibility'],
  writeValues: ['写入数据', 'write values'],
  clearRange: ['清除区域', 'clear range'],
  createTable: ['创建表格', 'create table'],
  setListValidation: ['设置下拉列表', 'set dropdown'],
  addConditionalFormat: ['添加条件格式', 'add conditional format'],
  setFormat: ['设置格式', 'set format'],
  setNote: ['添加批注', 'add note'],
  merge: ['合并单元格', 'merge cells'],
  unmerge: ['取消合并', 'unmerge cells'],
  freeze: ['冻结窗格', 'freeze panes'],
  activate: ['激活工作表', 'activate sheet'],
};

/** 'writeValues ×3, addSheet ×1' in both languages. */
export function summariseOps(ops: WriteOp[]): { zh: string; en: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  for (const op of ops) counts[op.op] = (counts[op.op] ?? 0) + 1;
  const entries = Object.entries(counts) as [WriteOp['op'], number][];
  return {
    zh: entries.map(([op, n]) => `${OP_LABELS[op][0]} ${n} 项`).join('，') || '无',
    en: entries.map(([op, n]) => `${OP_LABELS[op][1]} ×${n}`).join(', ') || 'nothing',
    counts,
  };
}

function partialFailure(ops: WriteOp[], index: number, error: unknown, report: ApplyReport): FenjieError {
  const op = ops[index];
  const done = summariseOps(ops.slice(0, index));
  const reason = error instanceof Error ? error.message : String(error);
  return new FenjieError(
    'host-apply-partial',
    `WPS 在第 ${index + 1}/${ops.length} 步（${OP_LABELS[op.op][0]}「${op.sheet}」）出错：${reason}。此前 ${index} 步已生效且无法撤销：${done.zh}`,
    `WPS failed at step ${index + 1}/${ops.length} (${OP_LABELS[op.op][1]} "${op.sheet}"): ${reason}. The ${index} steps before it took effect and cannot be undone: ${done.en}`,
    { cause: error, details: { applied: index, failedIndex: index, failedOp: op, done: done.counts, degraded: report.degraded } },
  );
}

function touchedBy(op: WriteOp, rect: ReturnType<typeof applyOp>): TouchedArea | undefined {
  if (rect) return { sheet: op.sheet, rect };
  if (op.op === 'addSheet' || op.op === 'copySheet') return { sheet: op.op === 'copySheet' ? op.to : op.sheet };
  return undefined;
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

interface WriteSession {
  touched: TouchedArea[];
  keepActive: boolean;
}

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

  const runBatch = async (ops: WriteOp[], options: ApplyOptions | undefined, session: WriteSession): Promise<ApplyReport> => {
    const report: ApplyReport = { applied: 0, degraded: [] };
    const ctx: OpContext = { app, degrade: (d) => report.degraded.push(d), tablesBroken: flags.tablesBroken };
    let lastYield = Date.now();
    for (const step of planSteps(ops)) {
      try {
        for (const union of step.unions) applyUnion(ctx, sheetNamed(app, union.sheet), union);
        for (const index of step.singles) {
          const area = touchedBy(ops[index], applyOp(ctx, ops[index]));
          if (area) session.touched.push(area);
        }
      } catch (error) {
        rememberTables(ctx.tablesBroken);
        throw partialFailure(ops, step.start, error, report);
      }
      report.applied += step.end - step.start;
      rememberTables(ctx.tablesBroken);
      if (Date.now() - lastYield > yieldEveryMs) {
        options?.onProgress?.(report.applied / ops.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = Date.now();
      }
    }
    session.keepActive = ctx.activated !== undefined;
    options?.onProgress?.(1);
    return report;
  };

  return {
    kind: 'wps',
    async getCapabilities(): Promise<HostCapabilities> {
      const sample = app.ActiveSheet;
      const conditions = sample?.Range('A1').FormatConditions;
      const build = app.Build ?? app.Version;
      return {
        tables: !flags.tablesBroken && typeof sample?.ListObjects?.Add === 'function',
        conditionalFormats: true,
        dataBars: typeof conditions?.AddDatabar === 'function',
        listValidation: true,
        notes: true,
        veryHiddenSheets: true,
        changeEvents: feed.available,
        version: build === undefined ? 'WPS' : `WPS ${build}`,
      };
    },
    async apply(ops, options) {
      assertBatchValid(ops, readSheetList(app), existingTableNames(app));
      const session: WriteSession = { touched: [], keepActive: false };
      return await withOwnWrites(session, () => runBatch(ops, options, session));
    },
    async listSheets() {
      return readSheetList(app);
    },
    async getActiveSheet() {
      const name = app.ActiveSheet?.Name;
      if (!name) throw new FenjieError('host-no-workbook', '没有打开的工作簿', 'No workbook is open');
      return name;
    },
    async readUsedRange(sheet) {
      return readUsedRangeOf(findSheet(app, sheet), sheet);
    },
    async select(sheet, range) {
      const ws = findSheet(app, sheet);
      if (visibilityOf(app, ws.Visible) !== 'visible') throw new FenjieError('host-invalid-op', `工作表已隐藏：${sheet}`, `The sheet is hidden: ${sheet}`);
      ws.Activate();
      ws.Range(range).Select();
    },
    onChange(listener) {
      return feed.subscribe(listener);
    },
    async readState() {
      return readStateFrom(app);
    },
    async writeState(state) {
      await withOwnWrites({ touched: [{ sheet: STATE_SHEET }], keepActive: false }, () => writeStateTo(app, state));
    },
  };
}

function findSheet(app: EtApplicationLike, sheet: string) {
  try {
    return sheetNamed(app, sheet);
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw new FenjieError('host-invalid-op', `找不到工作表：${sheet}`, `No such sheet: ${sheet}`, { cause: error, details: { sheet } });
  }
}
