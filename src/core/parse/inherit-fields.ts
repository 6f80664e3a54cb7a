/**
 * Vertically merged cells come out empty in every row but the first, so an empty
 * 门类/项目/分类/序号/项目名称/负责人/单位 cell means "same as above". The filled fields are listed
 * in the record's `inherited` (no fix: the value was never written differently).
 */
import type { ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';

type AnyRecord = TaskRecord | ProjectRecord;

const TASK_FIELDS = ['category', 'item', 'leaders', 'leadUnits', 'relatedUnits', 'deadline'] as const;
const PROJECT_FIELDS = ['no', 'category', 'name', 'leaders', 'leadUnits', 'relatedUnits', 'deadline'] as const;
/** An item (项目 / 项目名称) is not carried over a row that starts a new 门类 / 序号. */
const BOUNDARY: Record<string, string> = { item: 'category', name: 'no' };

function isEmpty(value: unknown): boolean {
  // Strings and lists first: they are most cells, and `'text' in` a list walks its prototypes.
  if (typeof value === 'string') return value === '';
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'text' in value) return (value as { text: string }).text === '';
  return false;
}

function copyValue(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...value } : value;
}

export function fillInherited(table: ParsedTable): void {
  // List-form tasks stand each on their own: nothing is merged, so nothing is carried down.
  if (table.mapping?.form === 'list') return;
  const fields: readonly string[] = table.kind === 'tasks' ? TASK_FIELDS : PROJECT_FIELDS;
  const rows = table.rows as AnyRecord[];
  for (let r = 1; r < rows.length; r += 1) fillRow(rows[r], rows[r - 1], fields);
}

/** A written text or list (most cells): known without a call. */
function isWritten(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || (Array.isArray(value) && value.length > 0) || !isEmpty(value);
}

function fillRow(row: AnyRecord, aboveRow: AnyRecord, fields: readonly string[]): void {
  const record = row as unknown as Record<string, unknown>;
  const above = aboveRow as unknown as Record<string, unknown>;
  // Whether a boundary field was written in this row, before anything is filled.
  const explicitCategory = !isEmpty(record.category);
  const explicitNo = !isEmpty(record.no);
  // The row's grown `inherited` list, made once (it may be shared with the input: never pushed to).
  let inherited: string[] | null = null;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i];
    // Only a table with a 完成时限 column has deadlines to carry (an absent field stays absent).
    if (isWritten(record[field]) || isEmpty(above[field]) || (field === 'deadline' && !(field in record))) continue;
    const boundary = BOUNDARY[field];
    if ((boundary === 'category' && explicitCategory) || (boundary === 'no' && explicitNo)) continue;
    record[field] = copyValue(above[field]);
    if (!(inherited ?? row.inherited).includes(field)) (inherited ??= [...row.inherited]).push(field);
  }
  if (inherited !== null) row.inherited = inherited;
}
