/**
 * Reads the text form Apache Tika writes for a .docx: every table cell starts on a line with one
 * TAB, the cell's further paragraphs follow on lines without TAB, and each row ends with one extra
 * newline. A blank line therefore does not end a row; the header row gives the column count and a
 * row is complete after that many cells. Text between tables (titles, 附件2, page numbers) has no
 * TAB and can only be told apart from a last cell's paragraphs where a new header row (or the end
 * of the document) follows.
 */
import type { DocumentGrids, Grid, GridCell, GridRow } from '../grid/grid.model';
import type { Finding } from '../model/records.model';
import { matchHeaderWord } from '../model/header-words';
import { matchHeaderRole } from '../parse/column-roles.rules';
import { isTabSeparated, readTabSeparated } from './tab-separated.reader';
import { decodeTextWithEncoding, type DecodedText } from './text-decode';

/** A header row has at least this many header words in a row (门类 项目 内容和要求 …). */
const MIN_HEADER_CELLS = 3;
const BOOKMARK = /\[bookmark: [^\]]*\]/g;

interface RawCell {
  lines: string[];
  /** Memo of the header-word test (each cell is tested up to twice). */
  header?: boolean;
}

export function readTextDocument(bytes: Uint8Array): DocumentGrids {
  const decoded = decodeTextWithEncoding(bytes);
  const doc = readTextString(decoded.text);
  const warning = encodingWarning(decoded);
  return warning ? { ...doc, warnings: [warning, ...doc.warnings] } : doc;
}

/** Bad bytes in a UTF-8 file: one warning giving where they are (byte offset and line), not a switch of encoding. */
function encodingWarning(decoded: DecodedText): Finding | null {
  const bad = decoded.badBytes ?? [];
  if (bad.length === 0) return null;
  const count = decoded.badCount ?? bad.length;
  const first = bad[0];
  const more = count > 1 ? `等 ${count} 处` : '';
  const moreEn = count > 1 ? ` (${count} in all)` : '';
  const places = bad.map((b) => `${b.offset}@${b.line}`).join(' ');
  return {
    code: 'text-encoding-error',
    severity: 'warning',
    message: `文件是 UTF-8 编码，但第 ${first.line} 行（字节位置 ${first.offset}）${more}有无效字节，已显示为 �；请核对这些位置的文字`,
    messageEn: `The file is UTF-8 but has invalid bytes at line ${first.line} (byte offset ${first.offset})${moreEn}; shown as �, check the text there`,
    value: places,
  };
}

/** Same as readTextDocument, for text already decoded. */
export function readTextString(text: string): DocumentGrids {
  const lines = text.replace(BOOKMARK, '').replace(/\r\n?/g, '\n').split('\n');
  if (isTabSeparated(lines)) return readTabSeparated(lines);
  const { leading, cells } = splitCells(lines);
  return buildGrids(leading, cells);
}

function splitCells(lines: string[]): { leading: string[]; cells: RawCell[] } {
  const leading: string[] = [];
  const cells: RawCell[] = [];
  for (const line of lines) {
    if (line.startsWith('\t')) cells.push({ lines: [line.slice(1)] });
    else if (cells.length > 0) cells[cells.length - 1].lines.push(line);
    else leading.push(line);
  }
  return { leading, cells };
}

function countHeaderCells(cells: RawCell[], start: number): number {
  let count = 0;
  while (start + count < cells.length && isHeaderCell(cells[start + count])) count += 1;
  return count;
}

function isHeaderCell(cell: RawCell): boolean {
  // Other cities' header words count too (完成时限, 牽頭單位 …), when sure: a guess never starts a header.
  cell.header ??= cell.lines.length <= 12 && (matchHeaderWord(cell.lines.join('\n')) !== null || matchHeaderRole(cell.lines.join('\n'))?.sure === true);
  return cell.header;
}

/** Without known header words, the first row ends at the first cell followed by the row-end blank line. */
function guessRowLength(cells: RawCell[], start: number): number {
  for (let i = start; i < cells.length; i += 1) {
    const { lines } = cells[i];
    if (lines.length >= 2 && lines[lines.length - 1].trim() === '') return i - start + 1;
  }
  return cells.length - start;
}

interface BuildState {
  grids: Grid[];
  paragraphs: string[];
  warnings: Finding[];
  between: string[];
  grid: Grid | null;
  width: number;
}

function buildGrids(leading: string[], cells: RawCell[]): DocumentGrids {
  const state: BuildState = { grids: [], paragraphs: [], warnings: [], between: keepText(leading), grid: null, width: 0 };
  let i = 0;
  while (i < cells.length) {
    const headerCells = countHeaderCells(cells, i);
    const isHeader = headerCells >= MIN_HEADER_CELLS;
    if (isHeader || state.grid === null) {
      const width = isHeader ? headerCells : guessRowLength(cells, i);
      openGridIfNeeded(state, width);
    }
    const taken = takeRowCells(cells, i, state.width);
    const short = taken.length < state.width && i + taken.length < cells.length;
    i += taken.length;
    const atBoundary = i >= cells.length || countHeaderCells(cells, i) >= MIN_HEADER_CELLS;
    const row = makeRow(taken, atBoundary, state);
    if (isHeader) row.isHeader = true;
    if (taken.length < state.width) padRow(row, state, taken.length, short);
    state.grid?.rows.push(row);
  }
  flushBetween(state);
  return { format: 'text', grids: state.grids, paragraphs: state.paragraphs, warnings: state.warnings };
}

function endsWithBlank(cell: RawCell): boolean {
  return cell.lines.length > 1 && cell.lines[cell.lines.length - 1] === '';
}

/**
 * A row is `width` cells, unless its last cell lacks the row-end blank line while an earlier cell
 * has it: then the row ended there (Tika writes one cell for a cell spanning columns) and is short.
 */
function takeRowCells(cells: RawCell[], start: number, width: number): RawCell[] {
  const taken = cells.slice(start, start + width);
  if (taken.length < width || start + width >= cells.length || endsWithBlank(taken[width - 1])) return taken;
  const end = taken.findIndex((cell, index) => index < width - 1 && endsWithBlank(cell));
  return end >= 0 ? taken.slice(0, end + 1) : taken;
}

/** A header with pending between-table text or a new width starts a new grid; otherwise it is a repeated header. */
function openGridIfNeeded(state: BuildState, width: number): void {
  if (state.grid && state.between.length === 0 && width === state.width) return;
  const before = flushBetween(state);
  state.grid = { rows: [], before, origin: { index: state.grids.length } };
  state.grids.push(state.grid);
  state.width = width;
}

function flushBetween(state: BuildState): string[] {
  const before = state.between;
  appendAll(state.paragraphs, before);
  state.between = [];
  return before;
}

function makeRow(taken: RawCell[], atBoundary: boolean, state: BuildState): GridRow {
  const cells: GridCell[] = taken.map((cell) => ({ paragraphs: [...cell.lines] }));
  const last = cells[cells.length - 1];
  if (!last) return { cells };
  if (atBoundary) {
    // The cell ends at the row-end blank line; what follows is text between tables.
    const end = last.paragraphs.findIndex((line, index) => index > 0 && line.trim() === '');
    if (end > 0) {
      appendAll(state.between, keepText(last.paragraphs.slice(end)));
      last.paragraphs = last.paragraphs.slice(0, end);
    }
  } else if (last.paragraphs.length > 1 && last.paragraphs[last.paragraphs.length - 1] === '') {
    last.paragraphs.pop();
  } else if (taken.length === state.width) {
    warnMisaligned(state);
  }
  return { cells };
}

/**
 * Tika ends every row with a blank line. A full row whose last cell lacks it usually means a cell
 * spanning columns (Tika writes one cell for it), so the columns after it may have shifted.
 */
function warnMisaligned(state: BuildState): void {
  const table = state.grids.length - 1;
  const rowIndex = state.grid ? state.grid.rows.length : 0;
  state.warnings.push({
    code: 'row-misaligned',
    severity: 'warning',
    message: `表格 ${table + 1} 第 ${rowIndex + 1} 行的结尾与列数不符（可能有横向合并的单元格），请核对该行及以后各行`,
    messageEn: `Table ${table + 1} row ${rowIndex + 1} does not end where the column count says (a cell spanning columns?); check it and the rows after it`,
    table,
    row: rowIndex,
  });
}

function padRow(row: GridRow, state: BuildState, have: number, short: boolean): void {
  while (row.cells.length < state.width) row.cells.push({ paragraphs: [] });
  const table = state.grids.length - 1;
  const rowIndex = state.grid ? state.grid.rows.length : 0;
  const where = `表格 ${table + 1} 第 ${rowIndex + 1} 行只有 ${have} 个单元格（应为 ${state.width} 个）`;
  const whereEn = `Table ${table + 1} row ${rowIndex + 1} has ${have} of ${state.width} cells`;
  state.warnings.push({
    code: short ? 'row-short' : 'row-incomplete',
    severity: 'warning',
    message: short ? `${where}，可能含横向合并的单元格；已在行尾补空，请核对该行` : `${where}，文件在行中结束；缺少的单元格按空白处理`,
    messageEn: short ? `${whereEn}, probably a cell spanning columns; padded at the end, please check the row` : `${whereEn}; the file ends inside the row and the missing cells are taken as empty`,
    table,
    row: rowIndex,
  });
}

/** push(...items) overflows the stack for very long lists (a text file of 400,000 lines). */
function appendAll(target: string[], items: string[]): void {
  for (const item of items) target.push(item);
}

function keepText(lines: string[]): string[] {
  return lines.filter((line) => line.trim() !== '');
}
