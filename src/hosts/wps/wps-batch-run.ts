/**
 * Running a checked batch against ET: steps in order (same-format styles joined, see
 * wps-coalesce.ts), progress with a yield to the page now and then, and on a failure midway a
 * `host-apply-partial` error that names the step and what was already done (WPS cannot undo it).
 */
import { FenjieError, type ApplyOptions, type ApplyReport, type WriteOp } from '../../core/index';
import type { EtApplicationLike } from './wps-api';
import { applyUnion, planSteps } from './wps-coalesce';
import type { TouchedArea } from './wps-events';
import { applyOp, sheetNamed, type OpContext } from './wps-ops';

export interface WriteSession {
  touched: TouchedArea[];
  keepActive: boolean;
}

export interface BatchRunOptions {
  yieldEveryMs: number;
  tablesBroken: boolean;
  /** Told whether ListObjects.Add failed during the batch. */
  rememberTables(broken: boolean): void;
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
  clearConditionalFormats: ['清除条件格式', 'clear conditional formats'],
  setFormat: ['设置格式', 'set format'],
  setNote: ['添加批注', 'add note'],
  merge: ['合并单元格', 'merge cells'],
  unmerge: ['取消合并', 'unmerge cells'],
  freeze: ['冻结窗格', 'freeze panes'],
  activate: ['激活工作表', 'activate sheet'],
  addChart: ['插入图表', 'add chart'],
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

/** One degraded entry per kind and sheet, with a count, as the other hosts report them. */
function collectDegraded(report: ApplyReport): (entry: ApplyReport['degraded'][number]) => void {
  const seen = new Map<string, { entry: ApplyReport['degraded'][number]; count: number; zh: string; en: string }>();
  return (entry) => {
    const key = `${entry.op}|${entry.sheet ?? ''}`;
    const known = seen.get(key);
    if (!known) {
      const copy = { ...entry };
      seen.set(key, { entry: copy, count: 1, zh: entry.message, en: entry.messageEn });
      report.degraded.push(copy);
      return;
    }
    known.count++;
    known.entry.message = `${known.zh}（共 ${known.count} 处）`;
    known.entry.messageEn = `${known.en} (${known.count} places)`;
  };
}

export async function runBatch(app: EtApplicationLike, ops: WriteOp[], options: ApplyOptions | undefined, session: WriteSession, run: BatchRunOptions): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, degraded: [] };
  const ctx: OpContext = { app, degrade: collectDegraded(report), tablesBroken: run.tablesBroken };
  let lastYield = Date.now();
  for (const step of planSteps(ops)) {
    try {
      for (const union of step.unions) applyUnion(ctx, sheetNamed(app, union.sheet), union);
      for (const index of step.singles) {
        const area = touchedBy(ops[index], applyOp(ctx, ops[index]));
        if (area) session.touched.push(area);
      }
    } catch (error) {
      run.rememberTables(ctx.tablesBroken);
      throw partialFailure(ops, step.start, error, report);
    }
    report.applied += step.end - step.start;
    run.rememberTables(ctx.tablesBroken);
    if (Date.now() - lastYield > run.yieldEveryMs) {
      options?.onProgress?.(report.applied / ops.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
  }
  session.keepActive = ctx.activated !== undefined;
  options?.onProgress?.(1);
  return report;
}
