/**
 * Recognises a grid as a 分解落实表 (tasks) or 民生实事 (projects) table by its header row, maps
 * columns to fields and turns data rows into raw records (cell text as read; cleaning is the
 * normaliser's job). A table of neither kind is reported, never guessed.
 */
import type { Grid, GridCell, GridRow } from '../grid/grid.model';
import type { Finding, TableKind } from '../model/records.model';
import { matchHeaderWord, normaliseHeaderText, readHeaderYear, type HeaderKey } from '../model/header-words';

/** A data row as raw text per field: paragraphs of the cell, untrimmed. */
export type RawRow = Partial<Record<HeaderKey, string[]>>;

export interface RecognisedGrid {
  gridIndex: number;
  kind: TableKind | null;
  title: string | null;
  headerYear: number | null;
  /** Field per expanded grid column (null: column not mapped). */
  columns: (HeaderKey | null)[];
  rows: RawRow[];
  findings: Finding[];
}

const REQUIRED: Record<TableKind, HeaderKey[]> = {
  tasks: ['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits'],
  projects: ['no', 'category', 'name', 'content', 'task', 'leaders', 'leadUnits', 'relatedUnits'],
};
const HEADER_SEARCH_ROWS = 6;
const MIN_HEADER_CELLS = 3;
const TITLE_PATTERN = /(分解落实表|项目情况表|民生实事[^，。]*表|落实表|情况表|一览表|清单)\s*$/;
/** A title that names the other kind (`2．2021年民生实事项目情况表` in a list of attachments) is not this table's. */
const KIND_TITLE: Record<TableKind, RegExp> = { tasks: /主要工作|分解落实|落实表/, projects: /民生实事|项目情况/ };

export function recogniseGrid(grid: Grid, gridIndex: number): RecognisedGrid {
  const findings: Finding[] = [];
  const expanded = grid.rows.map((row) => expandRow(row));
  const headerIndex = findHeaderRow(expanded);
  const result: RecognisedGrid = { gridIndex, kind: null, title: null, headerYear: null, columns: [], rows: [], findings };
  if (headerIndex < 0) {
    findings.push(unknownTable(gridIndex, expanded[0]));
    return result;
  }
  const header = expanded[headerIndex];
  const columns = mapColumns(header, gridIndex, findings);
  const kind = detectKind(columns);
  result.columns = columns;
  result.headerYear = header.map((texts) => readHeaderYear(texts.join(''))).find((y) => y !== null) ?? null;
  if (!kind) {
    findings.push(unknownTable(gridIndex, header));
    return result;
  }
  result.kind = kind;
  result.title = findTitle(grid, expanded, headerIndex, kind);
  findings.push(...checkColumns(kind, columns, header, gridIndex));
  const headerTexts = header.map((texts) => normaliseHeaderText(texts.join('')));
  for (let r = headerIndex + 1; r < expanded.length; r += 1) {
    const cells = expanded[r];
    if (grid.rows[r].isHeader || isRepeatedHeader(cells, headerTexts) || isBlank(cells)) continue;
    if (cells.length !== columns.length) findings.push(cellCountFinding(gridIndex, r, cells.length, columns.length));
    result.rows.push(toRawRow(cells, columns));
  }
  return result;
}

/** Spanned cells become one column each: the text goes to the first, the rest stay empty. */
function expandRow(row: GridRow): string[][] {
  const out: string[][] = [];
  for (const cell of row.cells) {
    out.push(cellText(cell));
    for (let k = 1; k < (cell.colSpan ?? 1); k += 1) out.push([]);
  }
  return out;
}

function cellText(cell: GridCell): string[] {
  return cell.vMerge === 'continue' ? [] : cell.paragraphs;
}

function countHeaderWords(cells: string[][]): number {
  return cells.filter((texts) => matchHeaderWord(texts.join('')) !== null).length;
}

function findHeaderRow(rows: string[][][]): number {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r += 1) {
    if (countHeaderWords(rows[r]) >= MIN_HEADER_CELLS) return r;
  }
  return -1;
}

function mapColumns(header: string[][], gridIndex: number, findings: Finding[]): (HeaderKey | null)[] {
  const seen = new Set<HeaderKey>();
  return header.map((texts, column) => {
    const key = matchHeaderWord(texts.join(''));
    if (key && seen.has(key)) {
      findings.push({
        code: 'table-column-duplicate',
        severity: 'warning',
        message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${texts.join('')}”重复，已忽略`,
        messageEn: `Table ${gridIndex + 1} column ${column + 1} repeats a column and is ignored`,
        table: gridIndex,
        value: texts.join(''),
      });
      return null;
    }
    if (key) seen.add(key);
    return key;
  });
}

/** A missing column of the kind is an error; an extra column (备注…) is ignored and said so. */
function checkColumns(kind: TableKind, columns: (HeaderKey | null)[], header: string[][], gridIndex: number): Finding[] {
  const findings: Finding[] = [];
  const missing = REQUIRED[kind].filter((key) => !columns.includes(key));
  if (missing.length > 0) {
    findings.push({
      code: 'table-columns-missing',
      severity: 'error',
      message: `表格 ${gridIndex + 1} 缺少列：${missing.join('、')}`,
      messageEn: `Table ${gridIndex + 1} lacks columns: ${missing.join(', ')}`,
      table: gridIndex,
    });
  }
  header.forEach((texts, column) => {
    const text = texts.join('').trim();
    if (columns[column] !== null || text === '' || matchHeaderWord(text) !== null) return;
    findings.push({
      code: 'column-ignored',
      severity: 'info',
      message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${text.slice(0, 40)}”不是已知的列，已忽略`,
      messageEn: `Table ${gridIndex + 1} column ${column + 1} "${text.slice(0, 40)}" is not a known column and was ignored`,
      table: gridIndex,
      value: text.slice(0, 200),
    });
  });
  return findings;
}

function detectKind(columns: (HeaderKey | null)[]): TableKind | null {
  const has = (key: HeaderKey): boolean => columns.includes(key);
  if (has('name') || (has('no') && has('task'))) return 'projects';
  if (has('item') && has('content')) return 'tasks';
  return null;
}

function isRepeatedHeader(cells: string[][], headerTexts: string[]): boolean {
  if (countHeaderWords(cells) >= MIN_HEADER_CELLS) return true;
  return cells.length > 0 && cells.every((texts, i) => normaliseHeaderText(texts.join('')) === (headerTexts[i] ?? ''));
}

function isBlank(cells: string[][]): boolean {
  return cells.every((texts) => texts.every((t) => t.trim() === ''));
}

function toRawRow(cells: string[][], columns: (HeaderKey | null)[]): RawRow {
  const row: RawRow = {};
  columns.forEach((key, i) => {
    if (key) row[key] = cells[i] ?? [];
  });
  return row;
}

/** The title is the last title-like paragraph before the table, or a title row above the header. */
function findTitle(grid: Grid, rows: string[][][], headerIndex: number, kind: TableKind): string | null {
  const candidates = [...grid.before];
  for (let r = 0; r < headerIndex; r += 1) candidates.push(rows[r].map((t) => t.join('')).join(''));
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const text = candidates[i].replace(/[\s\u3000]+/g, '');
    if (!TITLE_PATTERN.test(text) || /^附件[:：]/.test(text)) continue;
    if (KIND_TITLE[kind === 'tasks' ? 'projects' : 'tasks'].test(text) && !KIND_TITLE[kind].test(text)) continue;
    return text.replace(/^附件\d+/, '').replace(/^[\d一二三四五六七八九十]+[.．、]/, '');
  }
  return null;
}

function unknownTable(gridIndex: number, header: string[][] | undefined): Finding {
  const text = (header ?? []).map((t) => t.join('')).join(' | ').slice(0, 200);
  return {
    code: 'table-unknown',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 的表头无法识别（既不是分解落实表，也不是民生实事表），已跳过：${text}`,
    messageEn: `Table ${gridIndex + 1} has an unknown header (neither tasks nor projects) and was skipped: ${text}`,
    table: gridIndex,
    value: text,
  };
}

function cellCountFinding(gridIndex: number, row: number, have: number, want: number): Finding {
  return {
    code: 'row-cell-count',
    severity: 'error',
    message: `表格 ${gridIndex + 1} 第 ${row + 1} 行有 ${have} 个单元格，表头有 ${want} 列`,
    messageEn: `Table ${gridIndex + 1} row ${row + 1} has ${have} cells; the header has ${want} columns`,
    table: gridIndex,
    row,
  };
}
