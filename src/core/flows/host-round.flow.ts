/**
 * The supervision round in the open workbook (task pane): the workbook read as a master for the
 * round and report flows, the open round with the requests waiting for the office, and the three
 * round actions — 新一期填报, 收回填报 and 审核延期/办结 — each the same as its `fenjie round`
 * command, written as cell changes plus the computed 序时 columns and round sheets
 * (host-schedule.flow.ts) in one batch, then the state.
 */
import type { SpreadsheetHost } from '../host/host.port';
import type { AnyRecord } from '../model/records.model';
import type { CellValue } from '../sheet/cell-value';
import type { WorkbookState } from '../sheet/workbook-state';
import type { WriteOp } from '../sheet/write-op';
import type { CollectFinding, CollectResult, UnitReturn } from '../distribute/collect.merger';
import { recordTitle, type ProgressReport } from '../supervision/progress-report.builder';
import { decideRequests, type Decision } from '../supervision/round-requests.rules';
import { currentRound, readSupervision, writeSupervision, type Round, type RoundRequest } from '../supervision/supervision.model';
import type { WorkbookPlan } from '../workbook/plan.model';
import { locateSheetCell } from '../workbook/workbook-layout';
import { mergeReturns, planCollectOps, sentRecordsOf } from './collect.flow';
import { readHostRecords, type SheetTables } from './host-records.flow';
import { planHostSchedule, type HostScheduleOptions } from './host-schedule.flow';
import { reportDate } from './report.flow';
import { writePlan } from './write-plan.flow';
import { openRoundState, recordCollectInState, type MasterWorkbook } from './round.flow';

export interface HostMaster extends MasterWorkbook {
  /** Where each record sits in the open workbook. */
  data: SheetTables;
}

/** The open workbook as the master the round and report flows take. */
export async function readHostMaster(host: SpreadsheetHost): Promise<HostMaster> {
  const data = await readHostRecords(host);
  return { data, result: { source: 'workbook', notice: data.notice, tables: data.tables, fixes: [], warnings: [] }, state: data.state };
}

export interface HostRound {
  round: Round | null;
  /** Requests not yet decided (of any round, oldest first): 延期 and 办结 for the office. */
  pending: RoundRequest[];
  /** The title of each pending request's task (content or name), by task id. */
  titles: Record<string, string>;
}

/** The open round and its pending requests from the state; the records are read only when a request waits (for its task's title). */
export async function readHostRound(host: SpreadsheetHost): Promise<HostRound> {
  const supervision = readSupervision(await host.readState());
  const pending = supervision.requests.filter((r) => r.status === 'pending');
  const titles: Record<string, string> = {};
  if (pending.length > 0) {
    const asked = new Set(pending.map((r) => r.task));
    for (const record of (await readHostRecords(host)).tables.flatMap((t) => t.rows as AnyRecord[])) if (record.id && asked.has(record.id)) titles[record.id] = recordTitle(record);
  }
  return { round: currentRound(supervision), pending, titles };
}

export interface HostDecision {
  ops: WriteOp[];
  state: WorkbookState;
  applied: RoundRequest[];
  rejected: RoundRequest[];
  pending: RoundRequest[];
}

/** The cells an accepted request moves: 完成时限 for a 延期; 进展状态 and 完成进度 for a 办结. */
function requestOps(master: HostMaster, at: { table: number; row: number }, record: AnyRecord, fields: string[]): WriteOp[] {
  const t = record.tracking ?? {};
  const values: Record<string, CellValue> = { deadline: t.deadline ? { date: t.deadline } : null, status: t.status ?? null, progress: typeof t.progress === 'number' ? t.progress / 100 : null };
  const ops: WriteOp[] = [];
  for (const field of fields) {
    const cell = locateSheetCell(master.data.layout, at.table, at.row, field);
    if (cell) ops.push({ op: 'writeValues', sheet: cell.sheet, start: cell.address, values: [[values[field]]] });
  }
  return ops;
}

/**
 * 审核延期/办结 on the open workbook (nothing written yet): the cells the accepted requests change,
 * then the 序时 columns, 统计 and the round's sheets as they stand after the decision, in one batch.
 */
export function planHostDecision(master: HostMaster, decision: Decision, today: string, sheets: HostScheduleOptions): HostDecision {
  const decided = decideRequests(master.result.tables, readSupervision(master.state), decision);
  const after: HostMaster = { ...master, result: { ...master.result, tables: decided.tables }, state: writeSupervision(master.state, decided.supervision) };
  const where = new Map<string, { table: number; row: number }>();
  master.data.ids.forEach((ids, table) => ids.forEach((id, row) => id && where.set(id, { table, row })));
  const ops: WriteOp[] = [];
  for (const request of decided.applied) {
    const at = where.get(request.task);
    const record = at ? (decided.tables[at.table].rows[at.row] as AnyRecord) : undefined;
    if (at && record) ops.push(...requestOps(master, at, record, request.kind === 'delay' ? ['deadline'] : ['status', 'progress']));
  }
  for (const op of planHostSchedule(after, decided.supervision, reportDate(after, { today }), { ...sheets, today }).ops) ops.push(op);
  const ids = new Set(decision.reject);
  return {
    ops,
    state: after.state as WorkbookState,
    applied: decided.applied,
    rejected: decided.supervision.requests.filter((r) => ids.has(r.id)),
    pending: decided.supervision.requests.filter((r) => r.status === 'pending'),
  };
}

/** What a batch on the open workbook needs to know of its sheets: their names and the active one. */
export async function readHostSheets(host: SpreadsheetHost): Promise<HostScheduleOptions> {
  const [sheets, active] = await Promise.all([host.listSheets(), host.getActiveSheet()]);
  return { existingSheets: sheets.map((s) => s.name), active };
}

/**
 * 新一期填报 in the pane: the round opened in the state, and the task sheets, 统计 and the round's
 * sheets written as `fenjie round start` writes them (one batch, then the state).
 */
export async function startHostRound(host: SpreadsheetHost, input: { period: string; due: string; today: string }): Promise<{ round: Round; report: ProgressReport }> {
  const [master, sheets] = await Promise.all([readHostMaster(host), readHostSheets(host)]);
  const opened = openRoundState(master.state, master.result.tables, input);
  const after: HostMaster = { ...master, state: opened.state };
  const planned = planHostSchedule(after, readSupervision(opened.state), reportDate(after, { today: input.today }), { ...sheets, today: input.today });
  await host.apply(planned.ops);
  await host.writeState(opened.state);
  return { round: opened.round, report: planned.report };
}

export interface HostCollect {
  /** The merged values' cells, then (in an open round) the 序时 columns and the round's sheets: one batch. */
  ops: WriteOp[];
  /** How many cells the merge changes (the first ops). */
  cells: number;
  /** The 汇总记录 sheet (written with a backup of the last one). */
  report: WorkbookPlan;
  collect: CollectResult;
  /** The state with the returns recorded in the open round; null without one (the state is unchanged). */
  round: { state: WorkbookState; recorded: number; requests: number } | null;
}

/** 收回填报 on the open workbook (nothing written yet): collect's cell writes, and in a round its history and sheets. */
export function planHostCollect(master: HostMaster, returns: UnitReturn[], problems: CollectFinding[], today: string, sheets: HostScheduleOptions): HostCollect {
  // Returns are compared with what the office sent (the sent records in this workbook's state).
  const collect = mergeReturns(master.result.tables, returns, problems, { sent: sentRecordsOf(master.state) });
  const { ops, report } = planCollectOps(master.data.layout, master.data.ids, collect);
  const cells = ops.length;
  const round = recordCollectInState(master.state, returns, collect, today);
  if (round) {
    const after: HostMaster = { ...master, result: { ...master.result, tables: collect.tables }, state: round.state };
    for (const op of planHostSchedule(after, readSupervision(round.state), reportDate(after, { today }), { ...sheets, today }).ops) ops.push(op);
  }
  return { ops, cells, report, collect, round };
}

/** 收回填报 in the pane: the merged cells and the round's sheets in one batch, the 汇总记录 sheet (backed up), then the state. */
export async function collectHostRound(host: SpreadsheetHost, returns: UnitReturn[], problems: CollectFinding[], today: string): Promise<(Omit<HostCollect, 'ops' | 'report'> & { sheet: string }) | null> {
  const [master, sheets] = await Promise.all([readHostMaster(host), readHostSheets(host)]);
  // No task sheet to collect into (nothing imported yet): nothing is written, the pane says so.
  if (master.result.tables.length === 0) return null;
  const planned = planHostCollect(master, returns, problems, today, sheets);
  if (planned.ops.length > 0) await host.apply(planned.ops);
  await writePlan(host, planned.report);
  if (planned.round) await host.writeState(planned.round.state);
  return { collect: planned.collect, round: planned.round, cells: planned.cells, sheet: planned.report.sheets[0]?.name ?? '' };
}

/** 审核延期/办结 in the pane: reads the workbook, writes the changed cells in one batch, then the state. */
export async function decideHostRound(host: SpreadsheetHost, decision: Decision, today: string): Promise<Omit<HostDecision, 'ops' | 'state'>> {
  const [master, sheets] = await Promise.all([readHostMaster(host), readHostSheets(host)]);
  const planned = planHostDecision(master, decision, today, sheets);
  if (planned.ops.length > 0) await host.apply(planned.ops);
  await host.writeState(planned.state);
  return { applied: planned.applied, rejected: planned.rejected, pending: planned.pending };
}
