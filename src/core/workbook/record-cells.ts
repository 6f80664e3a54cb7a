/** Record ⇄ sheet cell values for the 主要工作 / 民生实事 sheets. */
import type { ProjectRecord, TableKind, TaskRecord, Tracking } from '../model/records.model';
import type { CellValue } from '../sheet/cell-value';
import { joinNames } from './names-join';
import { EXTRA_KEY_PREFIX } from './added-columns';
import { formatMilestones } from './milestones-text.codec';

export type AnyRecord = TaskRecord | ProjectRecord;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateCell(value: string | null | undefined): CellValue {
  if (!value) return null;
  return ISO_DATE.test(value) ? { date: value } : value;
}

function trackingCell(tracking: Tracking | undefined, key: string): CellValue {
  if (!tracking) return null;
  switch (key) {
    case 'status':
      return tracking.status ?? null;
    case 'progress':
      return typeof tracking.progress === 'number' ? Math.round(tracking.progress * 100) / 10000 : null;
    case 'deadline':
      return dateCell(tracking.deadline);
    case 'latest':
      return tracking.latest ?? null;
    case 'updated':
      return dateCell(tracking.updated);
    default:
      return null;
  }
}

/** The 完成时限 the notice gave fills the column until a clerk enters another (issue 10). */
function deadlineCell(record: AnyRecord): CellValue {
  if (record.tracking?.deadline) return dateCell(record.tracking.deadline);
  return record.deadline ? dateCell(record.deadline.iso ?? record.deadline.text) : null;
}

const REPORT_KEYS = new Set(['problems', 'nextSteps', 'delayTo', 'delayReason', 'doneNote']);

/** A round report column of a unit workbook (存在问题, 下步打算, 申请延期至…). */
function reportCell(record: AnyRecord, key: string): CellValue {
  const report = record.tracking?.report as Record<string, string | undefined> | undefined;
  return key === 'delayTo' ? dateCell(report?.delayTo) : (report?.[key] ?? null);
}

/** The value of one column for one record. Text is always a plain string, never a formula. */
/** Report columns, 时间节点 and the extra columns (issue 10); undefined for the other keys. */
function otherCell(record: AnyRecord, key: string): CellValue | undefined {
  if (REPORT_KEYS.has(key)) return reportCell(record, key);
  if (key.startsWith(EXTRA_KEY_PREFIX)) return record.extra?.[key.slice(EXTRA_KEY_PREFIX.length)] ?? null;
  if (key === 'milestones') return formatMilestones(record.milestones);
  return undefined;
}

export function recordCell(record: AnyRecord, key: string, id: string, year: number | null): CellValue {
  const other = otherCell(record, key);
  if (other !== undefined) return other;
  switch (key) {
    case 'id':
      return id;
    case 'year':
      return year;
    case 'leaders':
    case 'leadUnits':
    case 'relatedUnits':
      return joinNames(record[key]);
    case 'deadline':
      return deadlineCell(record);
    case 'status':
    case 'progress':
    case 'latest':
    case 'updated':
      return trackingCell(record.tracking, key);
    case 'no':
      return (record as { no?: number | null }).no ?? null;
    case 'previousId':
      return record.previousId ?? null;
    default: {
      const value = (record as unknown as Record<string, unknown>)[key];
      return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value);
    }
  }
}

export function idPrefix(kind: TableKind, year: number | null): string {
  return `${year ?? '0000'}-${kind === 'tasks' ? 'T' : 'P'}-`;
}
