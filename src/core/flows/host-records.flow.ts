/**
 * The records of the open workbook, read back through the host port: the 主要工作 / 民生实事 sheets
 * (ids, tracking, merge-filled marks, titles from the state) and where each record sits, so findings
 * point at cells and decisions write to the right cell. Only the record sheets are read: on Excel
 * every used range is a round trip.
 */
import type { SpreadsheetHost } from '../host/host.port';
import type { Finding, Notice, ParsedTable } from '../model/records.model';
import { columnNumber, parseRangeAddress } from '../sheet/a1';
import { SHEET_NAMES } from '../sheet/sheet-names';
import type { UsedRange } from '../sheet/used-range';
import type { WorkbookState } from '../sheet/workbook-state';
import { readRecordsFromUsedRanges } from '../workbook/fenjie-workbook.reader';
import type { WorkbookLayout } from '../workbook/plan.model';
import { keyForHeader } from '../workbook/record-columns';
import { readRegistryFromUsedRanges, REGISTRY_SHEETS } from '../registry/registry-sheet.planner';
import type { Registry } from '../registry/registry.model';

export interface SheetTables {
  tables: ParsedTable[];
  layout: WorkbookLayout;
  /** Record ids per table, parallel to tables[i].rows. */
  ids: string[][];
  state: WorkbookState;
  notice: Notice;
  /** What reading found (tracking values it cannot read, with suggestions, …). */
  warnings: Finding[];
  /** Per record sheet: its header row and last used column (1-based), for writing beside the records. */
  frames?: Record<string, SheetFrame>;
}

export interface SheetFrame {
  headerRow: number;
  lastColumn: number;
}

/** The header row (the row above the first record whose 编号 cell reads as the id header) and the used width. */
function sheetFrame(range: UsedRange, columns: Record<string, string>, firstRow: number): SheetFrame | null {
  const at = parseRangeAddress(range.address);
  const idCol = columns.id ? columnNumber(columns.id) : 0;
  if (!at || !idCol) return null;
  for (let row = Math.min(firstRow - 1, at.lastRow); row >= at.firstRow; row -= 1) {
    if (keyForHeader(range.values[row - at.firstRow]?.[idCol - at.firstCol] ?? '', 'tasks') === 'id') return { headerRow: row, lastColumn: at.lastCol };
  }
  return null;
}

const RECORD_SHEETS: string[] = [SHEET_NAMES.tasks, SHEET_NAMES.projects];

export async function readHostRecords(host: SpreadsheetHost): Promise<SheetTables> {
  const present = new Set((await host.listSheets()).map((sheet) => sheet.name));
  const names = RECORD_SHEETS.filter((name) => present.has(name));
  const [ranges, state] = await Promise.all([Promise.all(names.map((name) => host.readUsedRange(name))), host.readState()]);
  const read = readRecordsFromUsedRanges(ranges, state, 'workbook');
  const layout: WorkbookLayout = { tables: [], columns: {} };
  const frames: Record<string, SheetFrame> = {};
  read.positions.forEach((position, table) => {
    layout.columns[position.sheet] = position.columns;
    const range = ranges[names.indexOf(position.sheet)];
    const frame = range && !frames[position.sheet] ? sheetFrame(range, position.columns, position.rows[0] ?? 2) : null;
    if (frame) frames[position.sheet] = frame;
    // Records of one table sit on consecutive rows (the planner writes them so).
    layout.tables.push({ table, kind: read.result.tables[table].kind, sheet: position.sheet, firstRow: position.rows[0] ?? 0, rows: position.rows.length });
  });
  return {
    tables: read.result.tables,
    layout,
    ids: read.result.tables.map((table) => table.rows.map((row) => row.id ?? '')),
    state: read.state,
    notice: read.result.notice,
    warnings: read.result.warnings,
    frames,
  };
}

/** The registry in the open workbook's 名录 sheets, or null when there are none (or they are empty). */
export async function readHostRegistry(host: SpreadsheetHost): Promise<Registry | null> {
  const present = new Set((await host.listSheets()).map((sheet) => sheet.name));
  const names = [REGISTRY_SHEETS.leaders, REGISTRY_SHEETS.units].filter((name) => present.has(name));
  if (names.length === 0) return null;
  const registry = readRegistryFromUsedRanges(await Promise.all(names.map((name) => host.readUsedRange(name))));
  return registry && registry.leaders.length + registry.units.length > 0 ? registry : null;
}
