/** One record sheet of a fenjie workbook (主要工作, 民生实事, or a unit's copy) → records with ids and tracking. */
import type { UsedRange } from '../sheet/used-range';
import type { Finding, ProjectRecord, TableKind, TaskRecord } from '../model/records.model';
import { columnLetter, parseRangeAddress, workbookAddress } from '../sheet/a1';
import { splitNames } from './names-join';
import type { AnyRecord } from './record-cells';
import { keyForHeader } from './record-columns';
import { isScheduleKey } from './schedule-columns.planner';
import { EXTRA_KEY_PREFIX, extraHeaderOf } from './added-columns';
import { parseMilestones } from './milestones-text.codec';
import { readRoundReport, readTracking, type TrackingPlace } from './tracking-text';

export interface SheetRecords {
  sheet: string;
  kind: TableKind;
  /** Column letter per key. */
  columns: Record<string, string>;
  records: { record: AnyRecord; year: number | null; sheetRow: number }[];
}

/** Rows searched for the header (a unit's copy has instructions above it). */
const HEADER_SEARCH_ROWS = 30;

/** A header fenjie does not write is an `extra` column (issue 10): kept, never dropped. */
function headerKeys(row: string[], kind: TableKind): (string | null)[] {
  return row.map((h) => keyForHeader(h ?? '', kind) ?? ((h ?? '').trim() === '' ? null : `${EXTRA_KEY_PREFIX}${extraHeaderOf(h)}`));
}

function findHeader(range: UsedRange): { index: number; kind: TableKind; keys: (string | null)[] } | null {
  for (let r = 0; r < Math.min(range.values.length, HEADER_SEARCH_ROWS); r += 1) {
    const keys = headerKeys(range.values[r], 'tasks');
    if (!keys.includes('id') || !keys.includes('content')) continue;
    // Not 序号: a task sheet has one when the source table had one (issue 10).
    const kind: TableKind = keys.some((k) => k === 'name' || k === 'task') ? 'projects' : 'tasks';
    const final = headerKeys(range.values[r], kind);
    if (kind === 'tasks' && !final.includes('item')) continue;
    return { index: r, kind, keys: final };
  }
  return null;
}

function readNo(text: string): number | null {
  const no = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(no) ? no : null;
}

/** 序号 of a task sheet, 时间节点 and the `extra` columns, each only when the sheet has it (issue 10). */
function addAddedFields(kind: TableKind, record: Record<string, unknown>, cells: Record<string, string>): void {
  if (kind === 'tasks' && 'no' in cells) record.no = readNo(cells.no);
  const milestones = parseMilestones(cells.milestones ?? '');
  if (milestones.length > 0) record.milestones = milestones;
  let extra: Record<string, string> | null = null;
  for (const key in cells) {
    if (!key.startsWith(EXTRA_KEY_PREFIX)) continue;
    const text = cells[key].trim();
    if (text !== '') (extra ??= {})[key.slice(EXTRA_KEY_PREFIX.length)] = text;
  }
  if (extra) record.extra = extra;
}

function yearOf(cells: Record<string, string>, id: string, headerYear: number | null): number | null {
  const y = Number((cells.year ?? '').trim());
  if (Number.isInteger(y) && y > 1900 && y < 3000) return y;
  const m = /^(\d{4})-/.exec(id);
  return m ? Number(m[1]) : headerYear;
}

/** Built field by field in the order the spread version had (JSON output stays byte-identical), without copying per row. */
function buildRecord(kind: TableKind, cells: Record<string, string>, id: string, inherited: string[], where: TrackingPlace, warnings: Finding[]): AnyRecord {
  const text = (key: string): string => cells[key] ?? '';
  const record: Record<string, unknown> = {};
  if (id) record.id = id;
  const previousId = text('previousId').trim();
  if (previousId) record.previousId = previousId;
  record.category = text('category');
  record.leaders = splitNames(text('leaders'));
  record.leadUnits = splitNames(text('leadUnits'));
  record.relatedUnits = splitNames(text('relatedUnits'));
  record.inherited = inherited.length === 0 ? [] : inherited.filter((f) => f in cells);
  const report = readRoundReport(cells, where, warnings);
  const read = readTracking(cells, where, warnings);
  const tracking = report ? { ...(read ?? {}), report } : read;
  if (kind === 'tasks') {
    record.item = text('item');
    record.content = text('content');
  } else {
    record.no = readNo(text('no'));
    record.name = text('name');
    record.content = text('content');
    record.task = text('task');
  }
  addAddedFields(kind, record, cells);
  if (tracking) record.tracking = tracking;
  return record as unknown as TaskRecord | ProjectRecord;
}

/** The sheet's records, or null when the sheet is not a fenjie record sheet. */
export function readRecordSheet(range: UsedRange, inherited: Record<string, string[]>, warnings: Finding[]): SheetRecords | null {
  const header = findHeader(range);
  if (!header) return null;
  const start = parseRangeAddress(range.address) ?? { firstRow: 1, firstCol: 1 };
  const columns: Record<string, string> = {};
  header.keys.forEach((k, i) => k && !(k in columns) && (columns[k] = columnLetter(start.firstCol + i)));
  const headerYear = range.values[header.index].map((h) => /^(\d{4})年工作任务$/.exec(h.replace(/\s+/g, ''))).find((m) => m)?.[1];
  const out: SheetRecords = { sheet: range.sheet, kind: header.kind, columns, records: [] };
  // The first column of each key, found once for the sheet, not once per row; the computed 序时
  // columns are fenjie's figures, not the clerk's, and are never read as values.
  const keys: string[] = [];
  const cols: number[] = [];
  header.keys.forEach((k, i) => {
    if (!k || isScheduleKey(k) || keys.includes(k)) return;
    keys.push(k);
    cols.push(i);
  });
  for (let r = header.index + 1; r < range.values.length; r += 1) {
    const values = range.values[r];
    const cells: Record<string, string> = {};
    let blank = true;
    // Index loops: a for-of over [key, col] pairs made an iterator result per cell (most of this read's garbage).
    for (let f = 0; f < keys.length; f += 1) {
      const key = keys[f];
      const value = values[cols[f]] ?? '';
      cells[key] = value;
      if (blank && key !== 'year' && value.trim() !== '') blank = false;
    }
    if (blank) continue;
    const id = (cells.id ?? '').trim();
    const sheetRow = start.firstRow + r;
    const year = yearOf(cells, id, headerYear ? Number(headerYear) : null);
    const place: TrackingPlace = { where: `${range.sheet}!${sheetRow}`, year, cellOf: (key) => (columns[key] ? workbookAddress(range.sheet, `${columns[key]}${sheetRow}`) : undefined) };
    const record = buildRecord(header.kind, cells, id, id ? inherited[id] ?? [] : [], place, warnings);
    out.records.push({ record, year, sheetRow });
  }
  return out;
}
