/** One record sheet of a fenjie workbook (主要工作, 民生实事, or a unit's copy) → records with ids and tracking. */
import type { UsedRange } from '../sheet/used-range';
import type { Finding, ProjectRecord, TableKind, TaskRecord } from '../model/records.model';
import { columnLetter, parseRangeAddress, workbookAddress } from '../sheet/a1';
import { splitNames } from './names-join';
import type { AnyRecord } from './record-cells';
import { keyForHeader } from './record-columns';
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

function headerKeys(row: string[], kind: TableKind): (string | null)[] {
  return row.map((h) => keyForHeader(h ?? '', kind));
}

function findHeader(range: UsedRange): { index: number; kind: TableKind; keys: (string | null)[] } | null {
  for (let r = 0; r < Math.min(range.values.length, HEADER_SEARCH_ROWS); r += 1) {
    const keys = headerKeys(range.values[r], 'tasks');
    if (!keys.includes('id') || !keys.includes('content')) continue;
    const kind: TableKind = keys.some((k) => k === 'name' || k === 'task' || k === 'no') ? 'projects' : 'tasks';
    const final = headerKeys(range.values[r], kind);
    if (kind === 'tasks' && !final.includes('item')) continue;
    return { index: r, kind, keys: final };
  }
  return null;
}

function yearOf(cells: Record<string, string>, id: string, headerYear: number | null): number | null {
  const y = Number((cells.year ?? '').trim());
  if (Number.isInteger(y) && y > 1900 && y < 3000) return y;
  const m = /^(\d{4})-/.exec(id);
  return m ? Number(m[1]) : headerYear;
}

function buildRecord(kind: TableKind, cells: Record<string, string>, id: string, inherited: string[], where: TrackingPlace, warnings: Finding[]): AnyRecord {
  const text = (key: string): string => cells[key] ?? '';
  const base = {
    ...(id ? { id } : {}),
    ...(text('previousId').trim() ? { previousId: text('previousId').trim() } : {}),
    category: text('category'),
    leaders: splitNames(text('leaders')),
    leadUnits: splitNames(text('leadUnits')),
    relatedUnits: splitNames(text('relatedUnits')),
    inherited: inherited.filter((f) => f in cells),
  };
  const report = readRoundReport(cells, where, warnings);
  const read = readTracking(cells, where, warnings);
  const tracking = report ? { ...(read ?? {}), report } : read;
  if (kind === 'tasks') {
    const record: TaskRecord = { ...base, item: text('item'), content: text('content') };
    if (tracking) record.tracking = tracking;
    return record;
  }
  const no = Number(text('no').trim());
  const record: ProjectRecord = { ...base, no: text('no').trim() !== '' && Number.isFinite(no) ? no : null, name: text('name'), content: text('content'), task: text('task') };
  if (tracking) record.tracking = tracking;
  return record;
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
  for (let r = header.index + 1; r < range.values.length; r += 1) {
    const cells: Record<string, string> = {};
    header.keys.forEach((k, i) => k && !(k in cells) && (cells[k] = range.values[r][i] ?? ''));
    const known = Object.entries(cells).filter(([k]) => k !== 'year');
    if (known.every(([, v]) => v.trim() === '')) continue;
    const id = (cells.id ?? '').trim();
    const sheetRow = start.firstRow + r;
    const year = yearOf(cells, id, headerYear ? Number(headerYear) : null);
    const place: TrackingPlace = { where: `${range.sheet}!${sheetRow}`, year, cellOf: (key) => (columns[key] ? workbookAddress(range.sheet, `${columns[key]}${sheetRow}`) : undefined) };
    const record = buildRecord(header.kind, cells, id, id ? inherited[id] ?? [] : [], place, warnings);
    out.records.push({ record, year, sheetRow });
  }
  return out;
}
