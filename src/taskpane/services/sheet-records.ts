/**
 * Reads the records back from the 主要工作 / 民生实事 sheets through the host port, with where each
 * record sits (a WorkbookLayout), so findings point at cells and accepted fixes go to the right cell.
 * Headers are matched with the core's keyForHeader, names split with splitNames.
 */
import {
  SHEET_NAMES, STATUSES, columnLetter, keyForHeader, splitNames,
  type ParsedTable, type ProjectRecord, type SpreadsheetHost, type Status, type TableKind, type TaskRecord, type Tracking, type UsedRange, type WorkbookLayout,
} from '../../core';

export interface SheetTables {
  tables: ParsedTable[];
  layout: WorkbookLayout;
  /** Record ids per table, parallel to tables[i].rows. */
  ids: string[][];
}

const KINDS: TableKind[] = ['tasks', 'projects'];

export async function readSheetTables(host: SpreadsheetHost): Promise<SheetTables> {
  const present = new Set((await host.listSheets()).map((sheet) => sheet.name));
  const out: SheetTables = { tables: [], layout: { tables: [], columns: {} }, ids: [] };
  for (const kind of KINDS) {
    const sheet = SHEET_NAMES[kind];
    if (!present.has(sheet)) continue;
    const read = readKindTable(await host.readUsedRange(sheet), kind);
    if (!read) continue;
    const index = out.tables.length;
    out.tables.push(read.table);
    out.ids.push(read.ids);
    out.layout.columns[sheet] = read.columns;
    out.layout.tables.push({ table: index, kind, sheet, firstRow: read.firstRow, rows: read.table.rows.length });
  }
  return out;
}

interface KindTable {
  table: ParsedTable;
  ids: string[];
  columns: Record<string, string>;
  firstRow: number;
}

/** The header row is the first row where most cells are known headers of this kind. */
function findHeader(values: string[][], kind: TableKind): { row: number; keys: (string | null)[] } | null {
  for (let r = 0; r < Math.min(values.length, 20); r += 1) {
    const keys = values[r].map((cell) => (cell.trim() ? keyForHeader(cell, kind) : null));
    if (keys.filter(Boolean).length >= 4 && keys.includes('id')) return { row: r, keys };
  }
  return null;
}

export function readKindTable(range: UsedRange, kind: TableKind): KindTable | null {
  const header = findHeader(range.values, kind);
  if (!header) return null;
  const origin = parseOrigin(range.address);
  const columns: Record<string, string> = {};
  header.keys.forEach((key, c) => {
    if (key && !(key in columns)) columns[key] = columnLetter(origin.col + c + 1);
  });
  const rows: (TaskRecord | ProjectRecord)[] = [];
  const ids: string[] = [];
  let year: number | null = null;
  const dataRows = range.values.slice(header.row + 1);
  for (const cells of dataRows) {
    const get = (key: string) => {
      const c = header.keys.indexOf(key);
      return c >= 0 ? (cells[c] ?? '').trim() : '';
    };
    const id = get('id');
    if (!id) break;
    ids.push(id);
    year ??= Number(get('year')) || null;
    rows.push({ id, ...toRecord(kind, get) });
  }
  const table = { kind, title: null, year, rows } as ParsedTable;
  return { table, ids, columns, firstRow: origin.row + header.row + 2 };
}

function toRecord(kind: TableKind, get: (key: string) => string): TaskRecord | ProjectRecord {
  const base = {
    category: get('category'),
    leaders: splitNames(get('leaders')),
    leadUnits: splitNames(get('leadUnits')),
    relatedUnits: splitNames(get('relatedUnits')),
    inherited: [],
    tracking: readTracking(get),
  };
  if (kind === 'tasks') return { ...base, item: get('item'), content: get('content') };
  return { ...base, no: Number(get('no')) || null, name: get('name'), content: get('content'), task: get('task') };
}

function readTracking(get: (key: string) => string): Tracking {
  const status = get('status');
  const progress = Number.parseFloat(get('progress'));
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : null,
    progress: Number.isFinite(progress) ? (get('progress').includes('%') ? progress : progress <= 1 ? progress * 100 : progress) : null,
    deadline: toIsoDate(get('deadline')),
    latest: get('latest') || null,
    updated: toIsoDate(get('updated')),
  };
}

function toIsoDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

/** 0-based row and column of a range's top-left cell. */
function parseOrigin(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(address.split('!').pop() ?? 'A1');
  if (!m) return { row: 0, col: 0 };
  const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}
