/**
 * The supervision round in the open workbook (task pane): the workbook read as a master for the
 * round and report flows, the open round with the requests waiting for the office, and
 * 审核延期/办结 — the same decision as `fenjie round decide`, written as cell changes (完成时限;
 * 进展状态 and 完成进度; the computed 序时 cells when the sheet has them) plus the state, in one batch.
 */
import type { SpreadsheetHost } from '../host/host.port';
import type { AnyRecord } from '../model/records.model';
import type { CellValue } from '../sheet/cell-value';
import type { WorkbookState } from '../sheet/workbook-state';
import type { WriteOp } from '../sheet/write-op';
import { decideRequests, type Decision } from '../supervision/round-requests.rules';
import { scheduleColumnsOf } from '../supervision/supervision-sheets.planner';
import { currentRound, readSupervision, writeSupervision, type Round, type RoundRequest } from '../supervision/supervision.model';
import { locateSheetCell } from '../workbook/workbook-layout';
import { readHostRecords, type SheetTables } from './host-records.flow';
import { planProgressReport } from './report.flow';
import type { MasterWorkbook } from './round.flow';

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
}

/** The open round and its pending requests, from the workbook state alone. */
export async function readHostRound(host: SpreadsheetHost): Promise<HostRound> {
  const supervision = readSupervision(await host.readState());
  return { round: currentRound(supervision), pending: supervision.requests.filter((r) => r.status === 'pending') };
}

export interface HostDecision {
  ops: WriteOp[];
  state: WorkbookState;
  applied: RoundRequest[];
  rejected: RoundRequest[];
  pending: RoundRequest[];
}

const SCHEDULE_FIELDS = ['scheduleStatus', 'scheduleGap', 'scheduleColour'] as const;

/** The changed cells of one decided record: what the request moved, and its 序时 cells. */
function recordOps(master: HostMaster, at: { table: number; row: number }, record: AnyRecord, fields: string[], schedule: ReturnType<typeof scheduleColumnsOf> | null): WriteOp[] {
  const t = record.tracking ?? {};
  const values: Record<string, CellValue> = { deadline: t.deadline ? { date: t.deadline } : null, status: t.status ?? null, progress: typeof t.progress === 'number' ? t.progress / 100 : null };
  const cells = schedule?.cellsOf(record);
  if (cells) Object.assign(values, { scheduleStatus: cells.status, scheduleGap: cells.gap, scheduleColour: cells.colour });
  const ops: WriteOp[] = [];
  for (const field of [...fields, ...(cells ? SCHEDULE_FIELDS : [])]) {
    const cell = locateSheetCell(master.data.layout, at.table, at.row, field);
    if (cell) ops.push({ op: 'writeValues', sheet: cell.sheet, start: cell.address, values: [[values[field]]] });
  }
  return ops;
}

/** 审核延期/办结 on the open workbook: the decision's cell writes and the new state (nothing written yet). */
export function planHostDecision(master: HostMaster, decision: Decision, today: string): HostDecision {
  const decided = decideRequests(master.result.tables, readSupervision(master.state), decision);
  const after: MasterWorkbook = { result: { ...master.result, tables: decided.tables }, state: writeSupervision(master.state, decided.supervision) };
  const hasSchedule = Object.values(master.data.layout.columns).some((c) => 'scheduleStatus' in c);
  const schedule = hasSchedule ? scheduleColumnsOf(planProgressReport(after, { today })) : null;
  const where = new Map<string, { table: number; row: number }>();
  master.data.ids.forEach((ids, table) => ids.forEach((id, row) => id && where.set(id, { table, row })));
  const ops: WriteOp[] = [];
  for (const request of decided.applied) {
    const at = where.get(request.task);
    const record = at ? (decided.tables[at.table].rows[at.row] as AnyRecord) : undefined;
    if (at && record) ops.push(...recordOps(master, at, record, request.kind === 'delay' ? ['deadline'] : ['status', 'progress'], schedule));
  }
  const ids = new Set(decision.reject);
  return {
    ops,
    state: after.state as WorkbookState,
    applied: decided.applied,
    rejected: decided.supervision.requests.filter((r) => ids.has(r.id)),
    pending: decided.supervision.requests.filter((r) => r.status === 'pending'),
  };
}

/** 审核延期/办结 in the pane: reads the workbook, writes the changed cells in one batch, then the state. */
export async function decideHostRound(host: SpreadsheetHost, decision: Decision, today: string): Promise<Omit<HostDecision, 'ops' | 'state'>> {
  const planned = planHostDecision(await readHostMaster(host), decision, today);
  if (planned.ops.length > 0) await host.apply(planned.ops);
  await host.writeState(planned.state);
  return { applied: planned.applied, rejected: planned.rejected, pending: planned.pending };
}
