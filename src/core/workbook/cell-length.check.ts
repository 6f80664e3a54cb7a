/**
 * Excel keeps at most 32,767 characters in a cell: a longer one is truncated by Excel, refused by
 * the .xlsx writer and by the Office host with an error that pastes the whole text. The plan is
 * checked before anything is written, so the import preview can name the cell (sheet, row,
 * column) and the write is refused with the same words — never with the cell's text.
 */
import { FenjieError } from '../errors';
import type { CellValue } from '../sheet/cell-value';
import type { Finding } from '../model/records.model';
import { cellAddress, quoteSheetName } from '../sheet/a1';
import type { SheetPlan, WorkbookPlan } from './plan.model';

export const MAX_CELL_CHARS = 32767;

/** Characters shown of the cell's start, so the clerk recognises it; the rest is never pasted. */
const EXCERPT = 20;

function textLength(value: CellValue): number {
  if (typeof value === 'string') return value.length;
  if (value !== null && typeof value === 'object' && 'formula' in value) return typeof value.result === 'string' ? value.result.length : 0;
  return 0;
}

function excerpt(value: CellValue): string {
  const text = typeof value === 'string' ? value : '';
  return text.slice(0, EXCERPT).replace(/\s+/g, ' ');
}

function longCell(sheet: SheetPlan, row: number, col: number, value: CellValue, length: number): Finding {
  const cell = cellAddress(row, col);
  const header = sheet.columns[col - 1]?.header;
  const where = `“${sheet.name}”工作表 ${cell} 单元格（第 ${row} 行第 ${col} 列${header ? `，${header}` : ''}）`;
  const whereEn = `Cell ${cell} (row ${row}, column ${col}${header ? `, ${header}` : ''}) of sheet “${sheet.name}”`;
  return {
    code: 'cell-too-long',
    severity: 'error',
    message: `${where}有 ${length} 个字符，超过 Excel 单元格上限 ${MAX_CELL_CHARS} 个字符（开头：“${excerpt(value)}…”）；写入前请缩短该单元格的内容。`,
    messageEn: `${whereEn} holds ${length} characters, more than Excel's ${MAX_CELL_CHARS} (starts “${excerpt(value)}…”); shorten it before writing.`,
    cell: `${quoteSheetName(sheet.name)}!${cell}`,
    row,
    ...(header ? { field: header } : {}),
  };
}

/** Every cell of the plan longer than Excel keeps, addressed as the writers lay the sheet out (preamble, header, rows). */
export function findLongCells(plan: WorkbookPlan): Finding[] {
  const found: Finding[] = [];
  for (const sheet of plan.sheets) {
    const preamble = sheet.preamble ?? [];
    const header = sheet.columns.length > 0 ? 1 : 0;
    const rows: CellValue[][] = [...preamble.map((line) => [line]), ...(header ? [sheet.columns.map((c) => c.header)] : []), ...sheet.rows];
    rows.forEach((values, r) =>
      values.forEach((value, c) => {
        const length = textLength(value);
        if (length > MAX_CELL_CHARS) found.push(longCell(sheet, r + 1, c + 1, value, length));
      }),
    );
  }
  return found;
}

/** Throws `cell-too-long` naming the first such cell (and how many more), before a host writes anything. */
export function assertCellLengths(plan: WorkbookPlan): void {
  const found = findLongCells(plan);
  if (found.length === 0) return;
  const [first] = found;
  const more = found.length > 1 ? `（另有 ${found.length - 1} 个单元格超长）` : '';
  const moreEn = found.length > 1 ? ` (${found.length - 1} more cells too long)` : '';
  throw new FenjieError('cell-too-long', `未写入：${first.message}${more}`, `Nothing written: ${first.messageEn}${moreEn}`, { details: { cells: found.map((f) => f.cell) } });
}
