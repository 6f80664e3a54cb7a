/** Plans one record sheet (主要工作 or 民生实事): an Excel table with tracking columns and formats. */
import { STATUSES, type TableKind } from '../model/records.model';
import { columnLetter, columnNumber, rangeAddress } from '../sheet/a1';
import { addCellStyle, type CellStyleMap } from './cell-styles';
import type { CellStylePlan, ColumnPlan, ListValidationPlan, RecordTableLayout, SheetPlan } from './plan.model';
import type { CellValue } from '../sheet/cell-value';
import type { ConditionalFormatPlan } from '../sheet/sheet-style';
import { idPrefix, recordCell, type AnyRecord } from './record-cells';
import { TABLE_NAMES, fitLeadersColumn, recordColumns } from './record-columns';
import { addedColumnsFor } from './added-columns';
import { SHEET_NAMES } from '../sheet/sheet-names';
import { appendScheduleColumns, isScheduleKey, planScheduleFormats, scheduleCell, type ScheduleColumnsInput } from './schedule-columns.planner';

export interface TableEntry {
  /** Index in the flattened list of input tables. */
  table: number;
  kind: TableKind;
  year: number | null;
  title: string | null;
  source: string;
  records: AnyRecord[];
}

export interface RecordSheetResult {
  sheet: SheetPlan;
  layouts: RecordTableLayout[];
  /** Column letter per key. */
  columns: Record<string, string>;
  /** Record ids, per entry, per record. */
  ids: string[][];
}

export const STATUS_FILLS: Record<string, string> = {
  未启动: '#EDEDED',
  推进中: '#DDEBF7',
  已完成: '#C6EFCE',
  滞后: '#FFC7CE',
  暂缓: '#FFEB9C',
};
export const OVERDUE_FONT = '#C00000';
export const OVERDUE_FILL = '#FFC7CE';
export const INHERITED_FONT = '#808080';

/**
 * Assigns each record its id, unique across the workbook: a record's own id is kept; a record
 * without one (a row a clerk added) gets the next free number after the highest of its prefix.
 */
function assignIds(entry: TableEntry, used: Set<string>): string[] {
  const prefix = idPrefix(entry.kind, entry.year);
  let next = 1;
  for (const r of entry.records) {
    const m = r.id?.startsWith(prefix) ? /^(\d+)$/.exec(r.id.slice(prefix.length)) : null;
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return entry.records.map((record) => {
    let id = record.id?.trim() || `${prefix}${String(next++).padStart(3, '0')}`;
    if (used.has(id)) {
      let n = 2;
      while (used.has(`${id}-${n}`)) n += 1;
      id = `${id}-${n}`;
    }
    used.add(id);
    return id;
  });
}

function sheetYear(entries: TableEntry[]): number | null {
  const years = new Set(entries.map((e) => e.year));
  return years.size === 1 ? entries[0].year : null;
}

/** Status colours, overdue in red, progress data bar. */
export function planTrackingFormats(columns: Record<string, string>, lastCol: string, lastRow: number): ConditionalFormatPlan[] {
  const status = columns.status;
  const deadline = columns.deadline;
  const statusRange = `${status}2:${status}${lastRow}`;
  const rules: ConditionalFormatPlan[] = STATUSES.map((s) => ({ kind: 'equals' as const, range: statusRange, value: s, fill: { color: STATUS_FILLS[s] } }));
  const overdue = `AND($${deadline}2<>"",$${deadline}2<TODAY(),$${status}2<>"已完成")`;
  rules.push({ kind: 'expression', range: `A2:${lastCol}${lastRow}`, formula: overdue, font: { color: OVERDUE_FONT, bold: true } });
  rules.push({ kind: 'expression', range: `${deadline}2:${deadline}${lastRow}`, formula: overdue, fill: { color: OVERDUE_FILL } });
  rules.push({ kind: 'dataBar', range: `${columns.progress}2:${columns.progress}${lastRow}`, color: '#5B9BD5', min: 0, max: 1 });
  return rules;
}

/**
 * Inherited values are grey italic, one style per run down a column (one merged area in the
 * source). No note per cell: 修订记录 and the state's `inherited` already say which cells were
 * filled, and thousands of notes (with their VML) made the file big and slow to write and open.
 */
function markInherited(entry: TableEntry, firstRow: number, columns: Record<string, string>, add: (style: CellStylePlan) => void): void {
  const font = { color: INHERITED_FONT, italic: true };
  // Most records inherit nothing: only the columns some record inherits are scanned row by row.
  const inherited = new Set<string>();
  for (const record of entry.records) for (const f of record.inherited ?? []) inherited.add(f);
  if (inherited.size === 0) return;
  for (const [field, letter] of Object.entries(columns)) {
    if (!inherited.has(field)) continue;
    const col = columnNumber(letter);
    let start = -1;
    const flush = (end: number): void => {
      if (start < 0) return;
      add({ range: rangeAddress(firstRow + start, col, firstRow + end, col), font });
      start = -1;
    };
    entry.records.forEach((record, i) => {
      if (record.inherited?.includes(field)) {
        if (start < 0) start = i;
      } else flush(i - 1);
    });
    flush(entry.records.length - 1);
  }
}

function planColumns(kind: TableKind, entries: TableEntry[], schedule?: ScheduleColumnsInput): { columnPlans: ColumnPlan[]; columns: Record<string, string> } {
  const added = addedColumnsFor(kind, entries.flatMap((e) => e.records));
  const columns0 = recordColumns(kind, sheetYear(entries), { previousId: entries.some((e) => e.records.some((r) => !!r.previousId)), added });
  const fitted = fitLeadersColumn(columns0, entries.flatMap((e) => e.records.map((r) => r.leaders)));
  // The computed 序时 columns go last, so no other column moves (see schedule-columns.planner.ts).
  const columnPlans = schedule ? appendScheduleColumns(fitted) : fitted;
  const columns: Record<string, string> = {};
  columnPlans.forEach((c, i) => (columns[c.key] = columnLetter(i + 1)));
  return { columnPlans, columns };
}

/** Where planRecordSheet puts each table's records and columns, without planning the cells (for commands that only need addresses). */
export function layoutRecordSheet(kind: TableKind, entries: TableEntry[]): { layouts: RecordTableLayout[]; columns: Record<string, string>; sheet: string } {
  const sheet = kind === 'tasks' ? SHEET_NAMES.tasks : SHEET_NAMES.projects;
  const { columns } = planColumns(kind, entries);
  let next = 2;
  const layouts = entries.map((entry) => {
    const layout = { table: entry.table, kind, sheet, firstRow: next, rows: entry.records.length };
    next += entry.records.length;
    return layout;
  });
  return { layouts, columns, sheet };
}

export function planRecordSheet(kind: TableKind, entries: TableEntry[], styles: CellStyleMap, usedIds: Set<string>, schedule?: ScheduleColumnsInput): RecordSheetResult {
  const sheetName = kind === 'tasks' ? SHEET_NAMES.tasks : SHEET_NAMES.projects;
  const { columnPlans, columns } = planColumns(kind, entries, schedule);
  const cellOf = (record: AnyRecord, key: string, id: string, year: number | null): CellValue =>
    schedule && isScheduleKey(key) ? scheduleCell(record, key, schedule) : recordCell(record, key, id, year);
  const rows: CellValue[][] = [];
  const layouts: RecordTableLayout[] = [];
  const ids: string[][] = [];
  for (const entry of entries) {
    const entryIds = assignIds(entry, usedIds);
    ids.push(entryIds);
    const firstRow = rows.length + 2;
    layouts.push({ table: entry.table, kind, sheet: sheetName, firstRow, rows: entry.records.length });
    entry.records.forEach((record, i) => rows.push(columnPlans.map((c) => cellOf(record, c.key, entryIds[i], entry.year))));
    markInherited(entry, firstRow, columns, (style) => addCellStyle(styles, sheetName, style));
  }
  const lastRow = Math.max(rows.length + 1, 2);
  const lastCol = columnLetter(columnPlans.length);
  const validations: ListValidationPlan[] = columnPlans
    .filter((c) => c.kind === 'list' && c.list)
    .map((c) => ({ range: `${columns[c.key]}2:${columns[c.key]}${lastRow}`, list: c.list as string[], strict: true }));
  const sheet: SheetPlan = {
    name: sheetName,
    role: kind,
    table: { name: TABLE_NAMES[kind], style: 'TableStyleMedium2' },
    columns: columnPlans,
    rows,
    freeze: { rows: 1, cols: 1 },
    validations,
    conditionalFormats: [...planTrackingFormats(columns, lastCol, lastRow), ...(schedule ? planScheduleFormats(columns, lastRow, schedule.fills) : [])],
  };
  return { sheet, layouts, columns, ids };
}

/** Address of a record's field cell within its sheet, e.g. 'E12'; null when the field has no column. */
export function recordCellAddress(layout: RecordTableLayout, columns: Record<string, string>, row: number, field: string): string | null {
  const letter = columns[field];
  if (!letter || row < 0 || row >= layout.rows) return null;
  return `${letter}${layout.firstRow + row}`;
}
