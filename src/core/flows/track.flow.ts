/** 跟踪: the summary card (open / overdue / done) from the records in the sheets. */
import type { ParsedTable } from '../model/records.model';

export interface TrackingSummary {
  total: number;
  /** Not 已完成. */
  open: number;
  /** Deadline passed and not 已完成. */
  overdue: number;
  done: number;
  byStatus: Record<string, number>;
}

/** `today` as yyyy-mm-dd. */
export function summariseTracking(tables: ParsedTable[], today: string): TrackingSummary {
  const summary: TrackingSummary = { total: 0, open: 0, overdue: 0, done: 0, byStatus: {} };
  for (const table of tables) {
    for (const row of table.rows) {
      const status = row.tracking?.status ?? '';
      summary.total += 1;
      summary.byStatus[status || '—'] = (summary.byStatus[status || '—'] ?? 0) + 1;
      if (status === '已完成') {
        summary.done += 1;
        continue;
      }
      summary.open += 1;
      const deadline = row.tracking?.deadline;
      if (deadline && deadline < today) summary.overdue += 1;
    }
  }
  return summary;
}

/** Today in local time as yyyy-mm-dd (what a clerk calls today, not UTC). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
