/** Test helper: edits a unit file on disk as a clerk's Excel would, by id and header; optionally its state. */
import * as fs from 'fs';
import type ExcelJS from 'exceljs';
import { editUnitWorkbook } from '../../../../test/fakes/unit-workbook-editor';

/** Sets cells of the rows with these ids in a unit file, by header name. */
export async function editUnitFile(file: string, edits: { id: string; header: string; value: ExcelJS.CellValue }[], state?: (json: Record<string, unknown>) => void): Promise<void> {
  const edited = await editUnitWorkbook(new Uint8Array(fs.readFileSync(file)), (sheet) => edits.forEach((e) => sheet.set(e.id, e.header, e.value)), state);
  fs.writeFileSync(file, edited.bytes);
}
