/**
 * A unit's clerk editing the workbook fenjie sent, as Excel would save it (ExcelJS, not fenjie's own
 * writer): cells of the 主要工作 sheet by task id and header, and, for the tests that forge one, the
 * hidden state. Shared by the CLI tests and the browser tests.
 */
import ExcelJS from 'exceljs';

export interface UnitSheetEditor {
  /** The task ids of 主要工作, top to bottom. */
  ids(): string[];
  get(id: string, header: string): ExcelJS.CellValue;
  set(id: string, header: string, value: ExcelJS.CellValue): void;
}

function openEditor(sheet: ExcelJS.Worksheet): UnitSheetEditor {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && (row.values as unknown[]).includes('编号')) headerRow = n;
  });
  if (!headerRow) throw new Error('unit workbook: no 编号 header in 主要工作');
  const headers = (sheet.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const column = (header: string): number => {
    const at = headers.indexOf(header);
    if (at < 1) throw new Error(`unit workbook: no column ${header}`);
    return at;
  };
  const rowOf = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, n) => {
    const id = row.getCell(column('编号')).value;
    if (n > headerRow && typeof id === 'string' && id !== '') rowOf.set(id, row);
  });
  const row = (id: string): ExcelJS.Row => {
    const found = rowOf.get(id);
    if (!found) throw new Error(`unit workbook: no task ${id}`);
    return found;
  };
  return {
    ids: () => [...rowOf.keys()],
    get: (id, header) => row(id).getCell(column(header)).value,
    set: (id, header, value) => {
      row(id).getCell(column(header)).value = value;
    },
  };
}

function editState(workbook: ExcelJS.Workbook, edit: (json: Record<string, unknown>) => void): void {
  const sheet = workbook.getWorksheet('_fenjie_state') as ExcelJS.Worksheet;
  const cells: string[] = [];
  sheet.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
  const json = JSON.parse(cells.join('')) as Record<string, unknown>;
  edit(json);
  sheet.eachRow((row) => (row.getCell(1).value = null));
  sheet.getCell(1, 1).value = JSON.stringify(json);
}

/** The unit workbook after `edit` (and `state`, when given), saved as a clerk's Excel would. */
export async function editUnitWorkbook<T>(bytes: Uint8Array, edit: (sheet: UnitSheetEditor) => T, state?: (json: Record<string, unknown>) => void): Promise<{ bytes: Uint8Array; value: T }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('主要工作');
  if (!sheet) throw new Error('unit workbook without 主要工作');
  const value = edit(openEditor(sheet));
  if (state) editState(workbook, state);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), value };
}
