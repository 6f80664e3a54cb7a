/**
 * 跟踪: the summary card (open / overdue / done) from the records in the sheets, counted as the 统计
 * formulas count (a deadline typed as text such as 6月底 is never overdue there), plus what the pane
 * must say: each tracking value it cannot read, with a suggestion, and the overdue items.
 */
import type { Finding, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { isOverdue } from '../workbook/tracking-text';

export interface TrackingSummary {
  total: number;
  /** Not 已完成. */
  open: number;
  /** Deadline (a date) passed and not 已完成. */
  overdue: number;
  done: number;
  byStatus: Record<string, number>;
}

export interface OverdueItem {
  id: string;
  /** 项目 / 项目名称, else the start of the content. */
  title: string;
  deadline: string;
  status: string;
  leadUnits: string[];
}

export interface TrackingReview {
  summary: TrackingSummary;
  /** `tracking-unreadable` findings (cell, value, suggestion): not counted in the summary nor by 统计. */
  unreadable: Finding[];
  /** Overdue items, earliest deadline first. */
  overdue: OverdueItem[];
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
      if (isOverdue(row.tracking, today)) summary.overdue += 1;
    }
  }
  return summary;
}

function titleOf(record: TaskRecord | ProjectRecord): string {
  const title = 'item' in record ? record.item : record.name;
  if (title) return title;
  const content = record.content ?? '';
  return content.length > 24 ? `${content.slice(0, 24)}…` : content;
}

/** The summary, the values it could not count (from the reader's warnings) and the overdue items. */
export function reviewTracking(input: { tables: ParsedTable[]; warnings?: Finding[] }, today: string): TrackingReview {
  const overdue: OverdueItem[] = [];
  for (const table of input.tables) {
    for (const row of table.rows as Array<TaskRecord | ProjectRecord>) {
      if (!isOverdue(row.tracking, today)) continue;
      overdue.push({ id: row.id ?? '', title: titleOf(row), deadline: row.tracking?.deadline ?? '', status: row.tracking?.status ?? '', leadUnits: row.leadUnits });
    }
  }
  overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  return {
    summary: summariseTracking(input.tables, today),
    unreadable: (input.warnings ?? []).filter((w) => w.code === 'tracking-unreadable'),
    overdue,
  };
}

/** Today in local time as yyyy-mm-dd (what a clerk calls today, not UTC). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
