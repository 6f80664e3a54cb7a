/** Test helper: edits a unit file as a clerk's Excel would (ExcelJS), by id and header; optionally its state. */
import ExcelJS from 'exceljs';

/** Sets a cell of the row with `id` in a unit file, by header name. */
export async function editUnitFile(file: string, edits: { id: string; header: string; value: ExcelJS.CellValue }[], state?: (json: Record<string, unknown>) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('主要工作') as ExcelJS.Worksheet;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.values && (row.values as unknown[]).includes('编号')) headerRow = n;
  });
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  for (const edit of edits) {
    const col = headers.indexOf(edit.header);
    const idCol = headers.indexOf('编号');
    ws.eachRow((row, n) => {
      if (n > headerRow && row.getCell(idCol).value === edit.id) row.getCell(col).value = edit.value;
    });
  }
  if (state) {
    const st = wb.getWorksheet('_fenjie_state') as ExcelJS.Worksheet;
    const cells: string[] = [];
    st.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    const json = JSON.parse(cells.join(''));
    state(json);
    const text = JSON.stringify(json);
    st.eachRow((row) => (row.getCell(1).value = null));
    st.getCell(1, 1).value = text;
  }
  await wb.xlsx.writeFile(file);
}
