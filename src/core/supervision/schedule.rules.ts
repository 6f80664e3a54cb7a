/**
 * 序时进度 and 三色预警: the progress a task should have reached by a date (linear by months from
 * 1 January to its deadline, or to year end when it has none: 91.7 % after 11 of 12 months), the
 * gap to what was reported, and the status and colour of the city's scheme (SupervisionSettings).
 */
import type { AnyRecord } from '../model/records.model';
import { daysBetween, daysInMonth, ISO_DATE, lastDayOfMonth } from './calendar.rules';
import type { ScheduleStatus, SupervisionSettings, WarningColour } from './supervision.model';

export interface ScheduleVerdict {
  /** Expected progress at the date, 0..100, one decimal. */
  expected: number;
  /** Reported progress, 0..100, or null when none was reported. */
  actual: number | null;
  /** actual − expected in percentage points (null without a report). */
  gap: number | null;
  status: ScheduleStatus;
  colour: WarningColour;
  overdue: boolean;
  /** ISO deadline used (the task's, or year end). */
  deadline: string;
}

/** Months elapsed since 1 January of `year` at the end of `iso` (11-30 → 11). */
export function monthsElapsed(iso: string, year: number): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return 0;
  const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < year) return 0;
  if (y > year) return 12 * (y - year) + month - 1 + day / daysInMonth(y, month);
  return month - 1 + day / daysInMonth(y, month);
}

/** The task's deadline as an ISO date: its tracking deadline, a parsed notice deadline, else year end. */
export function deadlineOf(record: AnyRecord, year: number): string {
  const tracked = record.tracking?.deadline;
  if (tracked && ISO_DATE.test(tracked)) return tracked;
  const read = (record as { deadline?: { iso?: string | null } }).deadline?.iso;
  if (read && ISO_DATE.test(read)) return read;
  return `${year}-12-31`;
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The last day of the period a milestone label names (一季度, 第2季度, Q3, 上半年, 6月), or null. */
export function milestoneEnd(label: string, year: number): string | null {
  const t = label.replace(/\s+/g, '').toUpperCase();
  const q = /^(?:第)?([一二三四1-4])季度$/.exec(t) ?? /^Q([1-4])$/.exec(t);
  const end = (month: number) => lastDayOfMonth(year, month);
  if (q) return end(QUARTER_WORDS[q[1]] * 3);
  if (t === '上半年') return end(6);
  if (t === '下半年' || t === '全年' || t === '年底') return end(12);
  const m = /^(\d{1,2})月(?:底|末)?$/.exec(t);
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? end(Number(m[1])) : null;
}

/** Expected progress by 时间节点: the share of the task's dated milestones already due at `date`; null without any. */
export function expectedByMilestones(record: AnyRecord, date: string, year: number): number | null {
  const ends = (record.milestones ?? []).filter((m) => m.text.trim() !== '').map((m) => milestoneEnd(m.label, year)).filter((e): e is string => e !== null);
  if (ends.length === 0) return null;
  return Math.round((ends.filter((e) => e <= date).length / ends.length) * 1000) / 10;
}

/** Expected progress (0..100, one decimal) at `date` for a task due at `deadline` in plan `year`. */
export function expectedProgress(date: string, deadline: string, year: number): number {
  const total = Math.max(monthsElapsed(deadline, year), 1 / 31);
  const share = Math.min(1, Math.max(0, monthsElapsed(date, year) / total));
  return Math.round(share * 1000) / 10;
}

function reportedProgress(record: AnyRecord): number | null {
  if (record.tracking?.status === '已完成') return 100;
  const p = record.tracking?.progress;
  return typeof p === 'number' && Number.isFinite(p) ? Math.max(0, Math.min(100, p)) : null;
}

function statusOf(actual: number | null, gap: number | null, settings: SupervisionSettings, record: AnyRecord): ScheduleStatus {
  if (actual !== null && actual >= 100) return '已完成';
  if (actual === null || (actual === 0 && (record.tracking?.status ?? '未启动') === '未启动')) return '未启动';
  if ((gap as number) >= settings.aheadPp) return '超序时';
  if ((gap as number) >= -settings.tolerancePp) return '按序时';
  return '慢于序时';
}

function colourOf(status: ScheduleStatus, verdict: Pick<ScheduleVerdict, 'expected' | 'gap' | 'overdue'>, daysLeft: number, settings: SupervisionSettings): WarningColour {
  if (status === '已完成') return '蓝';
  const gap = verdict.gap ?? -verdict.expected;
  if (verdict.overdue || gap <= -settings.redGapPp) return '红';
  if (status === '慢于序时' || (status === '未启动' && verdict.expected > settings.tolerancePp) || daysLeft <= settings.yellowDays) return '黄';
  return '绿';
}

/** The task's 序时 verdict at `date` (ISO) in plan `year`. */
export function judgeTask(record: AnyRecord, date: string, year: number, settings: SupervisionSettings): ScheduleVerdict {
  const deadline = deadlineOf(record, year);
  const byMilestones = settings.scheduleBy === 'milestones' ? expectedByMilestones(record, date, year) : null;
  const expected = byMilestones ?? expectedProgress(date, deadline, year);
  const actual = reportedProgress(record);
  const gap = actual === null ? null : Math.round((actual - expected) * 10) / 10;
  const status = statusOf(actual, gap, settings, record);
  const overdue = status !== '已完成' && deadline < date;
  const colour = colourOf(status, { expected, gap, overdue }, daysBetween(date, deadline), settings);
  return { expected, actual, gap, status, colour, overdue, deadline };
}
