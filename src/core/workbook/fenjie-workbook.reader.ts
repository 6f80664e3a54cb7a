/**
 * Reading back a workbook fenjie wrote (or a unit's copy of it): records with their ids and the
 * tracking the clerks filled in. The hosts call readRecordsFromUsedRanges with their used ranges;
 * files go through readFenjieWorkbook, which reads the sheets with the core's .xlsx reader.
 */
import type { UsedRange } from '../sheet/used-range';
import type { WorkbookState } from '../sheet/workbook-state';
import { STATE_SHEET } from '../sheet/workbook-state';
import type { Finding, Fix, Notice, ParsedTable, ParseResult, TableKind } from '../model/records.model';
import { openXlsxBook, type XlsxBook } from '../readers/xlsx.reader';
import { isZip } from '../readers/zip.reader';
import { decodeStateCells } from '../sheet/workbook-state';
import { keyForHeader } from './record-columns';
import { NON_RECORD_SHEETS, SHEET_NAMES } from '../sheet/sheet-names';
import { readRecordSheet, type SheetRecords } from './record-sheet.reader';
import type { StateTable } from './workbook.planner';

export interface FenjieWorkbook {
  /** The workbook state (from _fenjie_state), {} when there was none. */
  state: WorkbookState;
  /** The records as a parse result: tables with ids and tracking, the 修订记录 fixes, warnings. */
  result: ParseResult;
  /** Per table (same order as result.tables): the sheet and the 1-based sheet row of each record. */
  positions: { sheet: string; rows: number[]; columns: Record<string, string> }[];
}

const OTHER_SHEETS = NON_RECORD_SHEETS;

/** The sheets a read-back needs: the record sheets, 修订记录 and the state (not 统计, 校验, 分工明细 …). */
export function isReadBackSheet(name: string): boolean {
  return !NON_RECORD_SHEETS.has(name) || name === SHEET_NAMES.fixes || name === STATE_SHEET;
}

function stateTables(state: WorkbookState): StateTable[] {
  return Array.isArray(state.tables) ? (state.tables as StateTable[]) : [];
}

function noticeOf(state: WorkbookState): Notice {
  const sources = Array.isArray(state.sources) ? (state.sources as { notice?: Notice }[]) : [];
  return sources.find((s) => s.notice && (s.notice.number || s.notice.title || s.notice.date))?.notice ?? { number: null, title: null, date: null };
}

function defaultTitle(kind: TableKind, year: number | null): string | null {
  if (year === null) return null;
  return kind === 'tasks' ? `${year}年政府各项主要工作分解落实表` : `${year}年民生实事项目情况表`;
}

/** Groups a sheet's records into tables by year, ordered as the state lists the tables. */
function toTables(sheets: SheetRecords[], state: WorkbookState): { tables: ParsedTable[]; positions: FenjieWorkbook['positions'] } {
  const known = stateTables(state);
  const groups: { order: number; table: ParsedTable; position: FenjieWorkbook['positions'][number] }[] = [];
  for (const sheet of sheets) {
    const byYear = new Map<string, (typeof groups)[number]>();
    sheet.records.forEach((entry) => {
      const key = String(entry.year);
      let group = byYear.get(key);
      if (!group) {
        const match = known.find((t) => t.kind === sheet.kind && t.year === entry.year && (t.sheet === sheet.sheet || !sheets.some((s) => s.sheet === t.sheet)));
        const title = match ? match.title : defaultTitle(sheet.kind, entry.year);
        const mapping = match?.mapping ? { mapping: match.mapping } : {};
        const table = sheet.kind === 'tasks' ? { kind: 'tasks' as const, title, year: entry.year, rows: [], ...mapping } : { kind: 'projects' as const, title, year: entry.year, rows: [], ...mapping };
        group = { order: match ? match.table : Number.MAX_SAFE_INTEGER, table: table as ParsedTable, position: { sheet: sheet.sheet, rows: [], columns: sheet.columns } };
        byYear.set(key, group);
        groups.push(group);
      }
      (group.table.rows as unknown[]).push(entry.record);
      group.position.rows.push(entry.sheetRow);
    });
  }
  const sorted = groups.map((g, i) => ({ ...g, i })).sort((a, b) => a.order - b.order || a.i - b.i);
  return { tables: sorted.map((g) => g.table), positions: sorted.map((g) => g.position) };
}

/** 修订记录 rows back to fixes, pointed at the records by id. */
function readFixes(range: UsedRange | undefined, tables: ParsedTable[]): Fix[] {
  if (!range || range.values.length < 2) return [];
  const where = new Map<string, { table: number; row: number; kind: TableKind }>();
  tables.forEach((t, table) => t.rows.forEach((r, row) => r.id && where.set(r.id, { table, row, kind: t.kind })));
  const header = range.values[0].map((h) => h.trim());
  const col = (name: string): number => header.indexOf(name);
  const [idCol, fieldCol, fromCol, toCol, ruleCol, codeCol] = ['编号', '字段', '原值', '新值', '规则', '代码'].map(col);
  if (idCol < 0 || fieldCol < 0) return [];
  const fixes: Fix[] = [];
  for (const row of range.values.slice(1)) {
    const at = where.get((row[idCol] ?? '').trim());
    if (!at) continue;
    const field = keyForHeader(row[fieldCol] ?? '', at.kind) ?? row[fieldCol] ?? '';
    // 规则 holds words since issue 11 (the code moved to 代码); older workbooks have the code in 规则.
    const rule = (codeCol >= 0 ? row[codeCol] : undefined) || (row[ruleCol] ?? '');
    fixes.push({ table: at.table, row: at.row, field, from: row[fromCol] ?? '', to: row[toCol] ?? '', rule });
  }
  return fixes;
}

/** Records from the used ranges of a fenjie workbook (state: from the _fenjie_state sheet when present). */
export function readRecordsFromUsedRanges(ranges: UsedRange[], state?: WorkbookState | null, source = 'workbook'): FenjieWorkbook {
  const stateRange = ranges.find((r) => r.sheet === STATE_SHEET);
  const st: WorkbookState = state ?? (stateRange ? decodeStateCells(stateRange.values.map((row) => row[0] ?? '')) : null) ?? {};
  const warnings: Finding[] = [];
  const inherited = (st.inherited && typeof st.inherited === 'object' ? st.inherited : {}) as Record<string, string[]>;
  const sheets: SheetRecords[] = [];
  for (const range of ranges) {
    if (OTHER_SHEETS.has(range.sheet)) continue;
    const found = readRecordSheet(range, inherited, warnings);
    if (found) sheets.push(found);
  }
  const { tables, positions } = toTables(sheets, st);
  const fixes = readFixes(ranges.find((r) => r.sheet === SHEET_NAMES.fixes), tables);
  return { state: st, result: { source, notice: noticeOf(st), tables, fixes, warnings }, positions };
}

/** Whether the first column's cells joined hold `marker`, without joining them (a large state is megabytes). */
function columnIncludes(rows: string[][], marker: string): boolean {
  const keep = marker.length - 1;
  // The joined text so far ends with `tail`: a match across cells lies in tail + the cell's start.
  let tail = '';
  for (const row of rows) {
    const cell = row[0] ?? '';
    if (cell.includes(marker) || (tail + cell.slice(0, keep)).includes(marker)) return true;
    tail = cell.length >= keep ? cell.slice(-keep) : (tail + cell).slice(-keep);
  }
  return false;
}

/** True when the ranges hold a fenjie record sheet (an id column beside the record columns) or the state sheet. */
export function isFenjieWorkbook(input: Uint8Array | UsedRange[] | XlsxBook): boolean {
  if (input instanceof Uint8Array) {
    if (!isZip(input)) return false;
    try {
      return isFenjieWorkbook(openXlsxBook(input));
    } catch {
      return false;
    }
  }
  if (!Array.isArray(input)) {
    // The state sheet is small and decides at once; the record sheets are read only without it.
    if (isFenjieWorkbook(input.read((name) => name === STATE_SHEET))) return true;
    return isFenjieWorkbook(input.read((name) => name === SHEET_NAMES.tasks || name === SHEET_NAMES.projects));
  }
  if (input.some((r) => r.sheet === STATE_SHEET && columnIncludes(r.values, '"app":"fenjie"'))) return true;
  return input.some((r) => !OTHER_SHEETS.has(r.sheet) && readRecordSheet(r, {}, []) !== null);
}

export interface ReadBackOptions {
  /** Read 修订记录 back into `fixes` (default true); split and a unit's return need only records and state. */
  fixes?: boolean;
}

/** A workbook fenjie wrote → records with ids and tracking (the file's own edits included); reads only the sheets it needs. */
export function readFenjieWorkbook(source: Uint8Array | XlsxBook, name = 'workbook.xlsx', options: ReadBackOptions = {}): FenjieWorkbook {
  const book = source instanceof Uint8Array ? openXlsxBook(source) : source;
  const wanted = options.fixes === false ? (sheet: string) => sheet !== SHEET_NAMES.fixes && isReadBackSheet(sheet) : isReadBackSheet;
  return readRecordsFromUsedRanges(book.read(wanted), undefined, name);
}
