/**
 * What a unit's workbook records about itself (in the state sheet): the unit, the year, the source
 * workbook, and per task the protected fields' fingerprint and the tracking values it was sent with,
 * so that collect can tell edits from what was there, and spot changed protected columns.
 */
import type { ProjectRecord, TaskRecord, Tracking } from '../model/records.model';
import { formatMilestones } from '../workbook/milestones-text.codec';

type AnyRecord = TaskRecord | ProjectRecord;

export interface SplitBaseline {
  /** Fingerprint of the protected fields as sent. */
  fp: string;
  tracking: Tracking;
}

export interface SplitInfo {
  unit: string;
  year: number | null;
  /** File name of the workbook the unit files were split from. */
  source: string;
  createdAt: string;
  baseline: Record<string, SplitBaseline>;
  /** The split this file came from (same in every unit file of one split and in 分发清单); '' in older files. */
  splitId?: string;
  /** The file name the unit was sent (the name may have changed since; collect goes by `unit`). */
  file?: string;
  /** splitDigest of this state as the split wrote it (collect-trust.rules.ts); '' in older files. */
  digest?: string;
}

export const SPLIT_STATE_KEY = 'split';

const PROTECTED_TASK = ['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits'] as const;
const PROTECTED_PROJECT = ['no', 'category', 'name', 'content', 'task', 'leaders', 'leadUnits', 'relatedUnits'] as const;

/** Read-only like the rest: a task's 序号, 时间节点 and the source's extra columns, when the record has them (issue 10). */
function addedProtected(record: AnyRecord): string[] {
  const fields: string[] = [];
  if ('item' in record && record.no !== undefined) fields.push('no');
  if (record.milestones && record.milestones.length > 0) fields.push('milestones');
  if (record.extra && Object.keys(record.extra).length > 0) fields.push('extra');
  return fields;
}

export function protectedFields(record: AnyRecord): readonly string[] {
  const base = 'item' in record ? PROTECTED_TASK : PROTECTED_PROJECT;
  const added = addedProtected(record);
  return added.length === 0 ? base : [...base, ...added];
}

/** A protected field as comparable text (names joined, whitespace runs collapsed). */
export function protectedValue(record: AnyRecord, field: string): string {
  if (field === 'milestones') return (formatMilestones(record.milestones) ?? '').replace(/\s+/g, ' ').trim();
  if (field === 'extra') {
    const extra = record.extra ?? {};
    return Object.keys(extra).sort().map((h) => `${h}：${extra[h].replace(/\s+/g, ' ').trim()}`).join('；');
  }
  const value = (record as unknown as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).join('、');
  if (value === null || value === undefined) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

export function fingerprint(record: AnyRecord): string {
  return protectedFields(record).map((f) => protectedValue(record, f)).join('\u0001');
}

export function readSplitInfo(state: Record<string, unknown> | null | undefined): SplitInfo | null {
  const value = state?.[SPLIT_STATE_KEY];
  if (!value || typeof value !== 'object') return null;
  const info = value as Partial<SplitInfo>;
  if (typeof info.unit !== 'string' || !info.unit) return null;
  return {
    unit: info.unit,
    year: typeof info.year === 'number' ? info.year : null,
    source: typeof info.source === 'string' ? info.source : '',
    createdAt: typeof info.createdAt === 'string' ? info.createdAt : '',
    baseline: info.baseline && typeof info.baseline === 'object' ? info.baseline : {},
    splitId: typeof info.splitId === 'string' ? info.splitId : '',
    file: typeof info.file === 'string' ? info.file : '',
    digest: typeof info.digest === 'string' ? info.digest : '',
  };
}
