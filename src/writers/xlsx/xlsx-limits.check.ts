/**
 * Excel's limits, checked on the whole plan before a byte is written: a cell of more than 32,767
 * characters, a sheet of more than 1,048,576 rows or 16,384 columns, or a name Excel refuses
 * would make a file Excel truncates or will not open. The error names the sheet and the cell.
 */
import { cellAddress, FenjieError, isValidSheetName, MAX_CELL_CHARS, MAX_COLS, MAX_ROWS, type CellValue, type WorkbookPlan } from '../../core/index';

export { MAX_CELL_CHARS };

function tooLong(sheet: string, row: number, col: number, length: number): FenjieError {
  const cell = cellAddress(row, col);
  return new FenjieError(
    'cell-too-long',
    `“${sheet}”工作表 ${cell} 单元格（第 ${row} 行第 ${col} 列）有 ${length} 个字符，超过 Excel 单元格上限 ${MAX_CELL_CHARS} 个字符；未写出文件。请缩短该单元格的内容。`,
    `Cell ${cell} (row ${row}, column ${col}) of sheet “${sheet}” holds ${length} characters, more than Excel's ${MAX_CELL_CHARS}; no file written. Shorten that cell.`,
    { details: { sheet, cell, row, column: col, length } },
  );
}

function textLength(value: CellValue): number {
  if (typeof value === 'string') return value.length;
  if (value !== null && typeof value === 'object' && 'formula' in value) return typeof value.result === 'string' ? value.result.length : 0;
  return 0;
}

function checkRow(sheet: string, row: number, values: CellValue[]): void {
  if (values.length > MAX_COLS) {
    throw new FenjieError('sheet-too-many-columns', `“${sheet}”工作表第 ${row} 行有 ${values.length} 列，超过 Excel 上限 ${MAX_COLS} 列；未写出文件`, `Row ${row} of sheet “${sheet}” has ${values.length} columns, more than Excel's ${MAX_COLS}; no file written`, { details: { sheet, row, columns: values.length } });
  }
  // Read once per row: each use of a core name goes through the CLI's lazy index getter.
  const maxChars = MAX_CELL_CHARS;
  for (let c = 0; c < values.length; c += 1) {
    const n = textLength(values[c]);
    if (n > maxChars) throw tooLong(sheet, row, c + 1, n);
  }
}

/** Throws `cell-too-long`, `sheet-too-many-rows`, `sheet-too-many-columns` or `sheet-name-invalid`. */
export function checkXlsxLimits(plan: WorkbookPlan): void {
  const names = new Set<string>();
  for (const sheet of plan.sheets) {
    if (!isValidSheetName(sheet.name) || names.has(sheet.name.toLowerCase())) {
      throw new FenjieError('sheet-name-invalid', `工作表名称无效或重复：“${sheet.name}”`, `Invalid or duplicate sheet name: “${sheet.name}”`, { details: { sheet: sheet.name } });
    }
    names.add(sheet.name.toLowerCase());
    const preamble = sheet.preamble ?? [];
    const header = sheet.columns.length > 0 ? 1 : 0;
    const rows = preamble.length + header + sheet.rows.length;
    if (rows > MAX_ROWS) {
      throw new FenjieError('sheet-too-many-rows', `“${sheet.name}”工作表有 ${rows} 行，超过 Excel 上限 ${MAX_ROWS} 行；未写出文件`, `Sheet “${sheet.name}” has ${rows} rows, more than Excel's ${MAX_ROWS}; no file written`, { details: { sheet: sheet.name, rows } });
    }
    preamble.forEach((line, i) => checkRow(sheet.name, i + 1, [line]));
    if (header) checkRow(sheet.name, preamble.length + 1, sheet.columns.map((c) => c.header));
    const first = preamble.length + header + 1;
    for (let r = 0; r < sheet.rows.length; r += 1) checkRow(sheet.name, first + r, sheet.rows[r]);
  }
}
