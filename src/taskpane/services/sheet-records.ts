/** The open workbook's records through the core's host-records flow, loaded on first use. */
import type { SheetTables, SpreadsheetHost } from '../../core';
import { loadRecordsModule } from '../lazy/load';

export async function readSheetTables(host: SpreadsheetHost): Promise<SheetTables> {
  const mod = await loadRecordsModule();
  return await mod.readHostRecords(host);
}
