/**
 * The figures of one round, computed from the workbook and nothing else: every task's 序时
 * verdict, counts and percentages by status (tasks and 民生实事 apart, and by 门类), the lagging and
 * overdue items in the order a 通报 lists them, and the units that have not reported.
 */
import type { AnyRecord, ParsedTable, TableKind } from '../model/records.model';
import { isGenericUnitName } from '../registry/unit-kind';
import { judgeTask, type ScheduleVerdict } from './schedule.rules';
import { SCHEDULE_STATUSES, type ProgressEntry, type Round, type ScheduleStatus, type SupervisionState } from './supervision.model';

export interface ReportRow {
  id: string;
  kind: TableKind;
  category: string;
  title: string;
  leaders: string[];
  leadUnits: string[];
  relatedUnits: string[];
  latest: string;
  verdict: ScheduleVerdict;
}

export interface StatusCounts {
  total: number;
  byStatus: Record<ScheduleStatus, number>;
  /** Percentages (one decimal) of `total` by status. */
  percent: Record<ScheduleStatus, number>;
}

export interface MissingUnit {
  unit: string;
  /** Ids of the unit's tasks (as lead or cooperating unit). */
  tasks: string[];
}

export interface ProgressReport {
  round: Round | null;
  /** ISO date the figures are measured at. */
  date: string;
  year: number;
  rows: ReportRow[];
  counts: Record<TableKind, StatusCounts>;
  byCategory: { kind: TableKind; category: string; counts: StatusCounts }[];
  /** 慢于序时, 未启动 with schedule due, and overdue: sorted red first, then by gap. */
  lagging: ReportRow[];
  overdue: ReportRow[];
  /** Lead units that reported nothing in the round (only when a round is given). */
  missing: MissingUnit[];
}

function emptyCounts(): StatusCounts {
  const zero = Object.fromEntries(SCHEDULE_STATUSES.map((s) => [s, 0])) as Record<ScheduleStatus, number>;
  return { total: 0, byStatus: { ...zero }, percent: { ...zero } };
}

function finishCounts(counts: StatusCounts): StatusCounts {
  for (const s of SCHEDULE_STATUSES) counts.percent[s] = counts.total ? Math.round((counts.byStatus[s] / counts.total) * 1000) / 10 : 0;
  return counts;
}

/** A task's title as lists show it: its content (else its item); a 民生实事's name and content. */
export function recordTitle(record: AnyRecord): string {
  return 'name' in record ? `${record.name}${record.content ? `：${record.content}` : ''}` : record.content || record.item;
}

const COLOUR_ORDER = { 红: 0, 黄: 1, 绿: 2, 蓝: 3 } as const;

function compareLagging(a: ReportRow, b: ReportRow): number {
  const colour = COLOUR_ORDER[a.verdict.colour] - COLOUR_ORDER[b.verdict.colour];
  if (colour !== 0) return colour;
  return (a.verdict.gap ?? -a.verdict.expected) - (b.verdict.gap ?? -b.verdict.expected) || a.id.localeCompare(b.id);
}

/**
 * Lead units of the tasks with no progress entry in `round`. Generic "units" (各成员单位, 各镇（区）,
 * 各区、县（市）政府) get no file (split's rule) and so are never 未报送.
 */
export function findMissingUnits(rows: ReportRow[], history: ProgressEntry[], round: number): MissingUnit[] {
  const reported = new Set(history.filter((h) => h.round === round).map((h) => h.unit));
  const byUnit = new Map<string, string[]>();
  for (const row of rows) {
    if (row.verdict.status === '已完成') continue;
    for (const unit of row.leadUnits) if (!reported.has(unit) && !isGenericUnitName(unit)) byUnit.set(unit, [...(byUnit.get(unit) ?? []), row.id]);
  }
  return [...byUnit].map(([unit, tasks]) => ({ unit, tasks })).sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN'));
}

function countRows(rows: ReportRow[]): Pick<ProgressReport, 'counts' | 'byCategory'> {
  const counts: Record<TableKind, StatusCounts> = { tasks: emptyCounts(), projects: emptyCounts() };
  const categories = new Map<string, { kind: TableKind; category: string; counts: StatusCounts }>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.category}`;
    const group = categories.get(key) ?? { kind: row.kind, category: row.category, counts: emptyCounts() };
    categories.set(key, group);
    for (const c of [counts[row.kind], group.counts]) {
      c.total += 1;
      c.byStatus[row.verdict.status] += 1;
    }
  }
  finishCounts(counts.tasks);
  finishCounts(counts.projects);
  return { counts, byCategory: [...categories.values()].map((g) => ({ ...g, counts: finishCounts(g.counts) })) };
}

/** The round's figures at `date` (ISO) for the plan `year`. */
export function buildProgressReport(tables: ParsedTable[], supervision: SupervisionState, date: string, year: number, round: Round | null): ProgressReport {
  const rows: ReportRow[] = [];
  for (const table of tables) {
    for (const record of table.rows as AnyRecord[]) {
      rows.push({
        id: record.id ?? '',
        kind: table.kind,
        category: record.category ?? '',
        title: recordTitle(record),
        leaders: record.leaders,
        leadUnits: record.leadUnits,
        relatedUnits: record.relatedUnits,
        latest: record.tracking?.latest ?? '',
        verdict: judgeTask(record, date, year, supervision.settings),
      });
    }
  }
  const lagging = rows.filter((r) => r.verdict.colour === '红' || r.verdict.colour === '黄').filter((r) => r.verdict.status === '慢于序时' || r.verdict.status === '未启动' || r.verdict.overdue);
  return {
    round,
    date,
    year,
    rows,
    ...countRows(rows),
    lagging: [...lagging].sort(compareLagging),
    overdue: rows.filter((r) => r.verdict.overdue).sort(compareLagging),
    missing: round ? findMissingUnits(rows, supervision.history, round.no) : [],
  };
}
