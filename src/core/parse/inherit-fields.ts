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

const FILLED: string[] = [];

function fillRow(row: AnyRecord, aboveRow: AnyRecord, fields: readonly string[]): void {
  const record = row as unknown as Record<string, unknown>;
  const above = aboveRow as unknown as Record<string, unknown>;
  // Whether a boundary field was written in this row, before anything is filled.
  const category = record.category;
  const explicitCategory = typeof category === 'string' ? category !== '' : !isEmpty(category);
  // Tasks have no 序号 (`no`): no call for them.
  const explicitNo = record.no !== undefined && !isEmpty(record.no);
  // The fields filled here, gathered in FILLED so that the row's new list is made at its size
  // (pushing onto a new list leaves room for 16 more in every row); `row.inherited` may be shared
  // with the input, so it is never pushed to.
  let filled = 0;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i];
    // Only a table with a 完成时限 column has deadlines to carry (an absent field stays absent).
    if (field === 'deadline' && !(field in record)) continue;
    const value = record[field];
    // A written text or list (most cells) is known without a call.
    if (typeof value === 'string' ? value !== '' : Array.isArray(value) ? value.length > 0 : !isEmpty(value)) continue;
    const from = above[field];
    if (typeof from === 'string' ? from === '' : isEmpty(from)) continue;
    const boundary = BOUNDARY[field];
    if ((boundary === 'category' && explicitCategory) || (boundary === 'no' && explicitNo)) continue;
    record[field] = typeof from === 'string' ? from : copyValue(from);
    if (!row.inherited.includes(field)) FILLED[filled++] = field;
  }
  if (filled > 0) row.inherited = row.inherited.length === 0 ? FILLED.slice(0, filled) : row.inherited.concat(FILLED.slice(0, filled));
}
