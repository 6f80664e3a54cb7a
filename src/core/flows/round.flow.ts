/**
 * 新一期填报 / fenjie round: open a reporting round (期次) in the workbook, record what the units
 * return into the progress history (进展记录, never overwritten), and the round's status: 序时
 * verdicts, 未报送 units. Everything is kept in the workbook state, so the file carries the year.
 */
import { FenjieError } from '../errors';
import type { AnyRecord, ParsedTable, ParseResult, Tracking } from '../model/records.model';
import type { CollectFinding, CollectResult, UnitReturn } from '../distribute/collect.merger';
import type { WorkbookState } from '../sheet/workbook-state';
import { buildWorkbookPlan } from '../workbook/workbook.planner';
import type { WorkbookPlan } from '../workbook/plan.model';
import { planCollectSheet } from '../distribute/collect-report.planner';
import { isIsoDate } from '../supervision/calendar.rules';
import { parsePeriod } from '../supervision/period.parser';
import { buildProgressReport, type ProgressReport } from '../supervision/progress-report.builder';
import { planHistorySheet, planProgressSummarySheet, planRequestsSheet, planSettingsSheet, planUnreportedSheet, scheduleColumnsOf } from '../supervision/supervision-sheets.planner';
import { currentRound, readSupervision, writeSupervision, type ProgressEntry, type Round, type RoundRequest, type SupervisionState } from '../supervision/supervision.model';
import { decideRequests, numberRequests, requestsFromReport, type Decision } from '../supervision/round-requests.rules';
import { mergeReturns, sentRecordsOf } from './collect.flow';
import type { SentRecord } from '../distribute/sent-record.codec';
import { splitYear } from './split.flow';

export interface MasterWorkbook {
  result: ParseResult;
  state: WorkbookState | null;
}

/** The plan year of the workbook (one year across its tables), else the error a round needs. */
export function planYear(tables: ParsedTable[]): number {
  const year = splitYear(tables);
  if (year === null) throw new FenjieError('round-no-year', '工作簿中的表格没有统一的年度，无法按序时测算', 'The tables have no single year; the schedule cannot be computed');
  return year;
}

/** A new round after the last one; refuses a period that cannot be read or that already has a round. */
export function openRound(supervision: SupervisionState, input: { period: string; due: string; today: string }): Round {
  const period = parsePeriod(input.period);
  if (!period) throw new FenjieError('round-bad-period', `无法识别的填报期：${input.period}（例如 2023Q3、2023-10、2023年第三季度）`, `Unknown period: ${input.period} (e.g. 2023Q3, 2023-10)`, { details: { period: input.period } });
  if (!isIsoDate(input.due)) {
    throw new FenjieError('round-bad-date', `报送截止日期应写作 yyyy-mm-dd：${input.due}`, `The due date must be yyyy-mm-dd: ${input.due}`, { details: { due: input.due } });
  }
  const same = supervision.rounds.find((r) => r.period === period.key);
  if (same) throw new FenjieError('round-exists', `${period.label}已有第${same.no}期填报`, `${period.label} already has round ${same.no}`, { details: { round: same.no } });
  const no = supervision.rounds.reduce((max, r) => Math.max(max, r.no), 0) + 1;
  return { no, period: period.key, label: period.label, due: input.due, opened: input.today };
}

/** The round's sheets and the workbook plan with the round in its state. */
export function planRoundWorkbook(master: MasterWorkbook, supervision: SupervisionState, date: string, extra: WorkbookPlan['sheets'] = []): { plan: WorkbookPlan; report: ProgressReport } {
  const round = currentRound(supervision);
  const report = buildProgressReport(master.result.tables, supervision, date, planYear(master.result.tables), round);
  const sheets = [...extra, planProgressSummarySheet(report), planHistorySheet(supervision.history), planRequestsSheet(supervision.requests), planSettingsSheet(supervision.settings)];
  if (round) sheets.push(planUnreportedSheet(report.missing, `${round.label}（第${round.no}期）`));
  // The task sheets show each task's 序时 status beside its values, and 统计 counts them.
  const plan = buildWorkbookPlan({ results: [master.result], extraSheets: sheets, state: writeSupervision(master.state, supervision), ...(round ? { schedule: scheduleColumnsOf(report) } : {}), today: date });
  return { plan, report };
}

/** 新一期填报 in the pane: the workbook state with a new round open (the sheets keep their records). */
export function openRoundState(state: WorkbookState | null, tables: ParsedTable[], input: { period: string; due: string; today: string }): { round: Round; state: WorkbookState } {
  planYear(tables);
  const supervision = readSupervision(state);
  const round = openRound(supervision, input);
  return { round, state: writeSupervision(state, { ...supervision, rounds: [...supervision.rounds, round] }) };
}

/** fenjie round start: the workbook with a new round open. */
export function startRound(master: MasterWorkbook, input: { period: string; due: string; today: string }): { round: Round; plan: WorkbookPlan; report: ProgressReport } {
  const { round, state } = openRoundState(master.state, master.result.tables, input);
  return { round, ...planRoundWorkbook({ ...master, state }, readSupervision(state), input.today) };
}

/** One returned row as a history entry, or null when the unit reported nothing for it. */
function historyEntry(t: Tracking, at: Pick<ProgressEntry, 'round' | 'id' | 'unit' | 'recorded' | 'file'>): ProgressEntry | null {
  if (!t.status && t.progress == null && !t.latest && !t.report) return null;
  const notes = { ...(t.report?.problems ? { problems: t.report.problems } : {}), ...(t.report?.nextSteps ? { nextSteps: t.report.nextSteps } : {}) };
  return { ...at, status: t.status ?? '', progress: t.progress ?? null, latest: t.latest ?? '', ...notes };
}

/** The history entries of one round from the accepted returns: each unit's rows that carry a report. */
export function recordReturns(supervision: SupervisionState, returns: UnitReturn[], collect: CollectResult, date: string): SupervisionState {
  const round = currentRound(supervision);
  if (!round) return supervision;
  const known = new Set(collect.tables.flatMap((t) => (t.rows as AnyRecord[]).map((r) => r.id)));
  const entries: ProgressEntry[] = [];
  const asked: Omit<RoundRequest, 'id'>[] = [];
  for (const file of returns) {
    const info = collect.files.find((f) => f.file === file.fileName);
    if (!info?.accepted || !info.unit) continue;
    for (const row of file.tables.flatMap((t) => t.rows as AnyRecord[])) {
      const t = row.tracking;
      if (!row.id || !known.has(row.id) || !t) continue;
      asked.push(...requestsFromReport(t.report, { round: round.no, task: row.id, unit: info.unit }));
      const entry = historyEntry(t, { round: round.no, id: row.id, unit: info.unit, recorded: date, file: file.fileName });
      if (entry) entries.push(entry);
    }
  }
  return { ...supervision, history: [...supervision.history, ...entries], requests: [...supervision.requests, ...numberRequests(supervision.requests, asked)] };
}

/** 收回填报 in the pane: the state with the returns recorded in the open round, or null when no round is open. */
export function recordCollectInState(state: WorkbookState | null, returns: UnitReturn[], collect: CollectResult, date: string): { state: WorkbookState; recorded: number; requests: number } | null {
  const before = readSupervision(state);
  if (!currentRound(before)) return null;
  const after = recordReturns(before, returns, collect, date);
  return { state: writeSupervision(state, after), recorded: after.history.length - before.history.length, requests: after.requests.length - before.requests.length };
}

/** 收回填报 in a round: the merge as collect does it, plus 进展记录, 未报送 and the summary. */
export function planRoundCollect(master: MasterWorkbook, returns: UnitReturn[], problems: CollectFinding[], date: string, options: { sent?: readonly SentRecord[] } = {}): { plan: WorkbookPlan; collect: CollectResult; report: ProgressReport; recorded: number } {
  // As plain collect: returns are compared with what the office sent (the master's records and those given).
  const collect = mergeReturns(master.result.tables, returns, problems, { sent: sentRecordsOf(master.state, options.sent) });
  const before = readSupervision(master.state);
  const supervision = recordReturns(before, returns, collect, date);
  const merged = { ...master, result: { ...master.result, tables: collect.tables } };
  const { plan, report } = planRoundWorkbook(merged, supervision, date, [planCollectSheet(collect)]);
  return { plan, collect, report, recorded: supervision.history.length - before.history.length };
}

/** 审核延期/办结: the office accepts or rejects the round's requests; accepted ones change the tasks. */
export function decideRound(master: MasterWorkbook, decision: Decision): { plan: WorkbookPlan; applied: RoundRequest[]; pending: RoundRequest[] } {
  const decided = decideRequests(master.result.tables, readSupervision(master.state), decision);
  const merged = { ...master, result: { ...master.result, tables: decided.tables } };
  const { plan } = planRoundWorkbook(merged, decided.supervision, decision.date);
  return { plan, applied: decided.applied, pending: decided.supervision.requests.filter((r) => r.status === 'pending') };
}

/** fenjie round status: the figures at `date` for the current round (or none). */
export function roundStatus(master: MasterWorkbook, date: string): ProgressReport {
  const supervision = readSupervision(master.state);
  return buildProgressReport(master.result.tables, supervision, date, planYear(master.result.tables), currentRound(supervision));
}
