/**
 * The columns other cities' layouts add to a record sheet (issue 10), each only when a record has
 * the data, so a 太仓 workbook is laid out exactly as before: 序号 of a task table (after the ids,
 * as 民生实事 has it), 时间节点, and one column per `extra` header (the header as written, in the
 * order first seen) after the name columns, before the tracking columns.
 */
import type { AnyRecord, TableKind } from '../model/records.model';
import type { ColumnPlan } from './plan.model';
import { MILESTONES_HEADER } from './milestones-text.codec';

export interface AddedColumns {
  /** 序号 of a task table (民生实事 always has one). */
  no?: boolean;
  milestones?: boolean;
  /** `extra` headers, union over the records in first-seen order. */
  extra?: readonly string[];
}

/** Column keys of `extra` fields: `extra:` + the header as written. */
export const EXTRA_KEY_PREFIX = 'extra:';
/** Appended to an `extra` header that would read back as a fenjie column (a second 牵头单位, a 状态 column). */
export const EXTRA_CLASH_SUFFIX = '（原表）';

export const TASK_NO_COLUMN: ColumnPlan = { key: 'no', header: '序号', width: 6, kind: 'number', numberFormat: '0' };
export const MILESTONES_COLUMN: ColumnPlan = { key: 'milestones', header: MILESTONES_HEADER, width: 30, kind: 'text', wrap: true };

export function addedColumnsFor(kind: TableKind, records: Iterable<AnyRecord>): AddedColumns {
  const extra = new Set<string>();
  let no = false;
  let milestones = false;
  for (const r of records) {
    if (kind === 'tasks' && typeof (r as { no?: unknown }).no === 'number') no = true;
    if (r.milestones && r.milestones.length > 0) milestones = true;
    if (r.extra) for (const header of Object.keys(r.extra)) extra.add(header);
  }
  return { ...(no ? { no } : {}), ...(milestones ? { milestones } : {}), ...(extra.size > 0 ? { extra: [...extra] } : {}) };
}

/** The sheet header of an `extra` column: as written, unless it would be read back as another column. */
export function extraHeader(header: string, isTaken: (header: string) => boolean): string {
  return isTaken(header) ? `${header}${EXTRA_CLASH_SUFFIX}` : header;
}

/** The `extra` header a sheet header stands for (the clash suffix removed). */
export function extraHeaderOf(sheetHeader: string): string {
  const header = sheetHeader.trim();
  return header.endsWith(EXTRA_CLASH_SUFFIX) && header.length > EXTRA_CLASH_SUFFIX.length ? header.slice(0, -EXTRA_CLASH_SUFFIX.length) : header;
}

/** Inserts the added columns into a sheet's columns (mutates and returns `columns`). */
export function insertAddedColumns(columns: ColumnPlan[], kind: TableKind, added: AddedColumns, isTaken: (header: string) => boolean): ColumnPlan[] {
  if (kind === 'tasks' && added.no) {
    const at = columns.findIndex((c) => c.key === 'category');
    columns.splice(at < 0 ? 0 : at, 0, { ...TASK_NO_COLUMN });
  }
  const data: ColumnPlan[] = [];
  if (added.milestones) data.push({ ...MILESTONES_COLUMN });
  const used = new Set(columns.map((c) => c.header));
  for (const header of added.extra ?? []) {
    let written = extraHeader(header, (h) => isTaken(h) || used.has(h) || h === MILESTONES_HEADER);
    while (used.has(written)) written += EXTRA_CLASH_SUFFIX;
    used.add(written);
    data.push({ key: `${EXTRA_KEY_PREFIX}${header}`, header: written, width: 16, kind: 'text', wrap: true });
  }
  if (data.length === 0) return columns;
  const status = columns.findIndex((c) => c.key === 'status');
  columns.splice(status < 0 ? columns.length : status, 0, ...data);
  return columns;
}
