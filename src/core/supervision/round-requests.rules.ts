/**
 * 延期/办结 requests: drawn from the round report columns of the units' returns, listed for the
 * office, and applied to the task only when accepted (延期 moves 完成时限; 办结 sets 已完成, 100 %).
 */
import { FenjieError } from '../errors';
import type { AnyRecord, ParsedTable, RoundReport } from '../model/records.model';
import type { RoundRequest, SupervisionState } from './supervision.model';

/** The requests in one returned row's report (a row may ask for both; 办结 then wins at decision). */
export function requestsFromReport(report: RoundReport | undefined, base: Pick<RoundRequest, 'round' | 'task' | 'unit'>): Omit<RoundRequest, 'id'>[] {
  if (!report) return [];
  const out: Omit<RoundRequest, 'id'>[] = [];
  if (report.delayTo) out.push({ ...base, kind: 'delay', to: report.delayTo, reason: report.delayReason ?? '', status: 'pending' });
  if (report.doneNote) out.push({ ...base, kind: 'done', reason: report.doneNote, status: 'pending' });
  return out;
}

/** Numbers the new requests after those already kept: R{round}-{n}. */
export function numberRequests(existing: RoundRequest[], fresh: Omit<RoundRequest, 'id'>[]): RoundRequest[] {
  const counts = new Map<number, number>();
  for (const r of existing) counts.set(r.round, (counts.get(r.round) ?? 0) + 1);
  return fresh.map((r) => {
    const n = (counts.get(r.round) ?? 0) + 1;
    counts.set(r.round, n);
    return { ...r, id: `R${r.round}-${n}` };
  });
}

export interface Decision {
  accept: string[] | 'all';
  reject: string[];
  date: string;
}

function applyRequest(record: AnyRecord, request: RoundRequest): void {
  const tracking = { ...(record.tracking ?? {}) };
  if (request.kind === 'delay') tracking.deadline = request.to ?? tracking.deadline;
  else Object.assign(tracking, { status: '已完成', progress: 100 });
  record.tracking = tracking;
}

/** The tables and requests after the office's decision; an unknown or already decided id is refused. */
export function decideRequests(tables: ParsedTable[], supervision: SupervisionState, decision: Decision): { tables: ParsedTable[]; supervision: SupervisionState; applied: RoundRequest[] } {
  const pending = new Map(supervision.requests.filter((r) => r.status === 'pending').map((r) => [r.id, r]));
  const accept = decision.accept === 'all' ? [...pending.keys()] : decision.accept;
  for (const id of [...accept, ...decision.reject]) {
    if (!pending.has(id)) throw new FenjieError('round-request-unknown', `没有待审核的申请：${id}`, `No pending request: ${id}`, { details: { id } });
  }
  const copy = tables.map((t) => ({ ...t, rows: (t.rows as AnyRecord[]).map((r) => ({ ...r })) }) as ParsedTable);
  const byId = new Map(copy.flatMap((t) => (t.rows as AnyRecord[]).map((r) => [r.id, r] as const)));
  const applied: RoundRequest[] = [];
  const requests = supervision.requests.map((r) => {
    if (accept.includes(r.id)) {
      const record = byId.get(r.task);
      if (record) applyRequest(record, r);
      const done = { ...r, status: 'accepted' as const, decided: decision.date };
      applied.push(done);
      return done;
    }
    return decision.reject.includes(r.id) ? { ...r, status: 'rejected' as const, decided: decision.date } : r;
  });
  return { tables: copy, supervision: { ...supervision, requests }, applied };
}
