/**
 * Reads the records back from the 主要工作 / 民生实事 sheets through the host port (the core's
 * readRecordsFromUsedRanges: ids, tracking, inherited marks, titles from the workbook state), with
 * where each record sits as a WorkbookLayout, so findings point at cells and fixes go to the right cell.
 */
import { SHEET_NAMES, type Notice, type ParsedTable, type SpreadsheetHost, type WorkbookLayout, type WorkbookState } from '../../core';
import { loadRecordsModule } from '../lazy/load';

export interface SheetTables {
  tables: ParsedTable[];
  layout: WorkbookLayout;
  /** Record ids per table, parallel to tables[i].rows. */
  ids: string[][];
  state: WorkbookState;
  notice: Notice;
}

/** Only the record sheets are read: on Excel every used range is a round trip. */
const RECORD_SHEETS: string[] = [SHEET_NAMES.tasks, SHEET_NAMES.projects];

export async function readSheetTables(host: SpreadsheetHost): Promise<SheetTables> {
  const present = new Set((await host.listSheets()).map((sheet) => sheet.name));
  const names = RECORD_SHEETS.filter((name) => present.has(name));
  const [ranges, state, mod] = await Promise.all([Promise.all(names.map((name) => host.readUsedRange(name))), host.readState(), loadRecordsModule()]);
  const read = mod.readRecordsFromUsedRanges(ranges, state, 'workbook');
  const layout: WorkbookLayout = { tables: [], columns: {} };
  read.positions.forEach((position, table) => {
    layout.columns[position.sheet] = position.columns;
    // Records of one table sit on consecutive rows (the planner writes them so).
    layout.tables.push({ table, kind: read.result.tables[table].kind, sheet: position.sheet, firstRow: position.rows[0] ?? 0, rows: position.rows.length });
  });
  return {
    tables: read.result.tables,
    layout,
    ids: read.result.tables.map((table) => table.rows.map((row) => row.id ?? '')),
    state: read.state,
    notice: read.result.notice,
  };
}
