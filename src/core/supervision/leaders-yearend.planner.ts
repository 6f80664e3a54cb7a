/**
 * Two extracts of a round's figures: the 分管领导 清单 (one page per leader with their tasks and
 * status, for the leader's review meeting) and the year-end 对账 (per unit: what was assigned,
 * reported and finished, for the 考核 office).
 */
import { formatChineseDate } from '../export/docx-cover.writer';
import { formatPercent } from './calendar.rules';
import type { CellValue } from '../sheet/cell-value';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import { writeOfficialDocx, type OfficialBlock } from './official-docx.writer';
import type { ProgressReport, ReportRow } from './progress-report.builder';
import type { ProgressEntry } from './supervision.model';

export interface LeaderExtract {
  leader: string;
  rows: ReportRow[];
}

/** Each leader's tasks, leaders in 名录 order of first appearance. */
export function listLeaderTasks(report: ProgressReport): LeaderExtract[] {
  const byLeader = new Map<string, ReportRow[]>();
  for (const row of report.rows) for (const leader of row.leaders) byLeader.set(leader, [...(byLeader.get(leader) ?? []), row]);
  return [...byLeader].map(([leader, rows]) => ({ leader, rows }));
}

function pct(n: number | null): string {
  return n === null ? '未报送' : formatPercent(n);
}

function leaderBlocks(extract: LeaderExtract, index: number, report: ProgressReport): OfficialBlock[] {
  const lagging = extract.rows.filter((r) => r.verdict.colour === '红' || r.verdict.colour === '黄').length;
  return [
    ...(index > 0 ? [{ kind: 'pageBreak' } as const] : []),
    { kind: 'title', text: `${extract.leader}同志分管任务推进情况` },
    { kind: 'body', text: `截至${formatChineseDate(report.date)}，分管任务${extract.rows.length}项，其中需关注（红、黄）${lagging}项。` },
    {
      kind: 'table',
      columns: [{ header: '编号', weight: 11 }, { header: '任务', weight: 43 }, { header: '牵头单位', weight: 15 }, { header: '完成进度', weight: 9 }, { header: '序时进度', weight: 9 }, { header: '状态', weight: 9 }, { header: '预警', weight: 5 }],
      rows: extract.rows.map((r) => [r.id, r.title, r.leadUnits.join('、'), pct(r.verdict.actual), formatPercent(r.verdict.expected), r.verdict.status, r.verdict.colour]),
    },
  ];
}

/** 领导清单 as one .docx, one page per leader. */
export function writeLeadersDocx(report: ProgressReport): { bytes: Uint8Array; leaders: LeaderExtract[] } {
  const leaders = listLeaderTasks(report);
  const blocks = leaders.flatMap((l, i) => leaderBlocks(l, i, report));
  if (blocks.length === 0) blocks.push({ kind: 'title', text: '分管任务推进情况' }, { kind: 'body', text: '工作簿中没有责任领导。' });
  return { bytes: writeOfficialDocx('分管任务推进情况', blocks), leaders };
}

export interface UnitAccount {
  unit: string;
  lead: number;
  cooperate: number;
  /** Rounds in which the unit reported at least once. */
  roundsReported: number;
  reports: number;
  finished: number;
  overdue: number;
}

/** Per unit: tasks assigned (lead/cooperating), rounds and reports made, lead tasks finished and overdue. */
export function accountUnits(report: ProgressReport, history: ProgressEntry[]): UnitAccount[] {
  const accounts = new Map<string, UnitAccount>();
  const get = (unit: string) => accounts.get(unit) ?? accounts.set(unit, { unit, lead: 0, cooperate: 0, roundsReported: 0, reports: 0, finished: 0, overdue: 0 }).get(unit)!;
  for (const row of report.rows) {
    for (const unit of row.leadUnits) {
      const a = get(unit);
      a.lead += 1;
      if (row.verdict.status === '已完成') a.finished += 1;
      if (row.verdict.overdue) a.overdue += 1;
    }
    for (const unit of row.relatedUnits) get(unit).cooperate += 1;
  }
  for (const a of accounts.values()) {
    const mine = history.filter((h) => h.unit === a.unit);
    a.reports = mine.length;
    a.roundsReported = new Set(mine.map((h) => h.round)).size;
  }
  return [...accounts.values()].sort((x, y) => x.unit.localeCompare(y.unit, 'zh-CN'));
}

const ACCOUNT_COLUMNS: ColumnPlan[] = [
  { key: 'unit', header: '单位', width: 20, kind: 'text' },
  { key: 'lead', header: '牵头任务', width: 10, kind: 'number' },
  { key: 'cooperate', header: '配合任务', width: 10, kind: 'number' },
  { key: 'roundsReported', header: '报送期数', width: 10, kind: 'number' },
  { key: 'reports', header: '报送条数', width: 10, kind: 'number' },
  { key: 'finished', header: '牵头已完成', width: 12, kind: 'number' },
  { key: 'overdue', header: '牵头逾期', width: 10, kind: 'number' },
];

/** 年终对账 sheet. */
export function planYearEndSheet(report: ProgressReport, history: ProgressEntry[], rounds: number): SheetPlan {
  const rows: CellValue[][] = accountUnits(report, history).map((a) => [a.unit, a.lead, a.cooperate, a.roundsReported, a.reports, a.finished, a.overdue]);
  return planListSheet({ name: '年终对账', role: 'other', preamble: [`${report.year}年度各单位任务对账（共${rounds}期填报，测算日 ${report.date}）`], columns: ACCOUNT_COLUMNS, rows, table: '年终对账表' });
}
