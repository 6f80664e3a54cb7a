/**
 * Recognises a grid as a table of tasks, projects (民生实事) or indicators by the roles of its
 * header cells (column-mapping.builder), and turns data rows into raw records (cell text as read;
 * cleaning is the normaliser's job). Section rows (`一、…` across the table) are marked for the
 * builder. A table whose roles are not found is reported with its headers, never guessed.
 */
import type { Grid, GridCell, GridRow } from '../grid/grid.model';
import type { Finding, TableKind, TableMapping } from '../model/records.model';
import { isWritten, NO_TEXT } from './cell-text.rules';
import { buildMapping, guessedFinding, mappingColumnsOf, type ColumnPlanEntry, type RawKey } from './column-mapping.builder';
import { headerKey, headerYearOf } from './column-roles.rules';
import { findHeaderRow, HEADER_SEARCH_ROWS, isRepeatedHeader, mergeSubHeader } from './header-rows.rules';
import { findLoneMilestoneDeadline, LONE_MILESTONE_REASON } from './lone-milestone.rules';
import { extractTrailingLabels, readLabelLine, type Label } from './labels.rules';
import { layoutKey, overrideForHeaders, type MappingOverride, type StoredLayout } from './mapping.codec';

export type { RawKey } from './column-mapping.builder';

/** A section row (`一、扎实推进…`, `（一）…`, `牵头领导：张三`): the category, item or leader of the rows below. */
export interface SectionRow {
  text: string;
  /** 1: `一、`, 2: `（一）`, 0: unnumbered or labels only. */
  level: 0 | 1 | 2;
  labels: Label[];
  /** The text stood in the category column (a 太仓 heading row). */
  inCategory: boolean;
}

/**
 * A data row as read: the paragraphs of each expanded grid column, untrimmed (a short row lacks
 * its last columns). The grid's `entries` say which field each column fills (raw-records reads them).
 */
export interface RawRow {
  cells: string[][];
  section?: SectionRow;
}

export interface RecognisedGrid {
  gridIndex: number;
  kind: TableKind | null;
  title: string | null;
  headerYear: number | null;
  /** Field per expanded grid column (null: not a record field: milestones, extra, empty). */
  columns: (RawKey | null)[];
  /** The column plan of the header (empty when the table is not recognised). */
  entries: ColumnPlanEntry[];
  mapping: TableMapping | null;
  rows: RawRow[];
  findings: Finding[];
}

export interface RecogniseOptions {
  /** The notice says the first unit listed leads (列第一位的为牵头单位). */
  firstLeads?: boolean;
  /** A mapping the user gave for this parse (CLI --map, the pane's dropdowns). */
  mapping?: MappingOverride | null;
  /** Confirmed mappings kept in the workbook state, applied to a table with the same headers. */
  layouts?: StoredLayout[];
  form?: TableMapping['form'];
}

const REQUIRED: Record<TableKind, RawKey[]> = {
  tasks: ['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits'],
  projects: ['no', 'category', 'name', 'content', 'task', 'leaders', 'leadUnits', 'relatedUnits'],
};
const TITLE_PATTERN = /(分解落实表|项目情况表|民生实事[^，。]*表|落实表|情况表|一览表|清单|任务表|分工表|分解表|责任表|台账|计划表|指标表|项目表|分工方案|分解方案|实施方案|工作方案)\s*$/;
/** A title that names the other kind (`2．2021年民生实事项目情况表` in a list of attachments) is not this table's. */
const KIND_TITLE: Record<TableKind, RegExp> = { tasks: /主要工作|分解落实|落实表|重点工作|任务/, projects: /民生实事|项目情况|实事项目/ };
const SECTION_NUMBER = /^[\s\u3000]*(?:([一二三四五六七八九十]{1,3})[、.．]|[（(]([一二三四五六七八九十]{1,3})[）)]|第[一二三四五六七八九十]{1,3}(?:部分|章|节|篇))/;

/** Rows searched for the header, and the one below it (a sub-header). */
const HEAD_ROWS = HEADER_SEARCH_ROWS + 1;

export function recogniseGrid(grid: Grid, gridIndex: number, options: RecogniseOptions = {}): RecognisedGrid {
  const findings: Finding[] = [];
  // Only the rows where the header may stand are expanded here; data rows are expanded one at a time.
  const expanded = grid.rows.slice(0, HEAD_ROWS).map(expandRow);
  const headerIndex = findHeaderRow(expanded);
  const result: RecognisedGrid = { gridIndex, kind: null, title: null, headerYear: null, columns: [], entries: [], mapping: null, rows: [], findings };
  if (headerIndex < 0) {
    findings.push(unknownTable(gridIndex, expanded[0]));
    return result;
  }
  const { header, dataStart } = mergeSubHeader(expanded, headerIndex);
  const headerTexts = header.map((texts) => texts.join(''));
  const projectsTitle = /民生实事|实事项目/.test([...grid.before.slice(-3), ...expanded.slice(0, headerIndex).map((r) => r.flat().join(''))].join(''));
  const stored = options.layouts?.find((l) => l.layout === layoutKey(headerTexts));
  const override = overrideForHeaders(options.mapping, headerTexts) ?? (stored ? { columns: stored.columns, kind: stored.kind } : null);
  const built = buildMapping(headerTexts, { gridIndex, firstLeads: options.firstLeads ?? false, override, projectsTitle });
  result.columns = fieldColumns(built.entries);
  result.entries = built.entries;
  result.headerYear = headerTexts.map((text) => headerYearOf(text)).find((y) => y !== null) ?? null;
  if (!built.kind) {
    findings.push(unknownTable(gridIndex, header));
    return result;
  }
  for (const f of built.findings) findings.push(f); // no spread: one finding per row of 150,000 rows overflows the stack
  result.kind = built.kind;
  // 太仓's own layouts read as they always did (no mapping attached) unless a column was guessed or confirmed.
  const plain = built.classic && !built.mapping.columns.some((c) => c.guessed || c.confirmed) && options.form !== 'list';
  result.mapping = plain ? null : { ...built.mapping, form: options.form ?? 'table' };
  result.title = findTitle(grid, expanded, headerIndex, built.kind);
  for (const f of checkColumns(built.kind, built.entries, built.classic, gridIndex)) findings.push(f);
  const noColumn = built.classic ? -1 : built.entries.findIndex((e) => e.role === 'no');
  const context: RowContext = { gridIndex, entries: built.entries, classic: built.classic, headerKeys: headerTexts.map(headerKey), findings, sectionLeaders: false, noColumn };
  result.rows = readRows(grid, dataStart, context);
  if (!built.classic) readLoneMilestoneAsDeadline(result);
  // Leaders named by section rows (牵头领导：张三) fill the records: the column is not missing then.
  if (context.sectionLeaders) result.findings = findings.filter((f) => !(f.code === 'table-column-absent' && f.value === 'leaders'));
  return result;
}

/** The record field each column fills (null: milestones, extra or none). */
function fieldColumns(entries: ColumnPlanEntry[]): (RawKey | null)[] {
  return entries.map((e) => (e.field === 'milestones' || e.field === 'extra' ? null : e.field));
}

/** A lone 时间节点 column of single dates becomes the deadline (lone-milestone.rules.ts); columns and mapping follow the entries. */
function readLoneMilestoneAsDeadline(result: RecognisedGrid): void {
  const column = findLoneMilestoneDeadline(result.entries, (c) => result.rows.filter((r) => !r.section).map((r) => (r.cells[c] ?? []).join('\n')));
  if (column < 0) return;
  const entry = result.entries[column];
  result.entries[column] = { ...entry, role: 'deadline', field: 'deadline', guessed: true };
  result.columns = fieldColumns(result.entries);
  if (result.mapping) result.mapping.columns = mappingColumnsOf(result.entries);
  result.findings.push(guessedFinding(result.gridIndex, column, entry.header, 'deadline', LONE_MILESTONE_REASON));
}

interface RowContext {
  gridIndex: number;
  entries: ColumnPlanEntry[];
  classic: boolean;
  headerKeys: string[];
  findings: Finding[];
  /** Set when a section row names leaders (牵头领导：张三). */
  sectionLeaders: boolean;
  /** The 序号 column of a table of another city's layout (-1: none, or 太仓's). */
  noColumn: number;
}

/** No cell written: the row is blank. */
const BLANK = -2;
/** More than one cell written. */
const SEVERAL = -1;

function readRows(grid: Grid, dataStart: number, context: RowContext): RawRow[] {
  const { gridIndex, entries, classic, headerKeys, findings } = context;
  const rows: RawRow[] = [];
  for (let r = dataStart; r < grid.rows.length; r += 1) {
    const source = grid.rows[r];
    if (source.isHeader) continue;
    const texts = expandRow(source);
    const written = writtenCell(texts);
    if (written === BLANK || isRepeatedHeader(texts, headerKeys)) continue;
    const section = written >= 0 ? readSection(texts, written, spanAt(source, written), entries, classic) : written === SEVERAL ? readNumberedSection(texts, context) : null;
    if (section) {
      if (!context.sectionLeaders && section.labels.some((l) => l.role === 'leaders')) context.sectionLeaders = true;
      rows.push({ cells: texts, section });
      continue;
    }
    if (texts.length !== entries.length) findings.push(cellCountFinding(gridIndex, r, texts.length, entries.length));
    rows.push({ cells: texts });
  }
  return rows;
}

/**
 * Spanned cells become one column each: the text goes to the first, the rest stay empty. Every row
 * is one kind of array (made at its length, then filled): with rows of two kinds (Array#map gives
 * one or the other as it is optimised) V8 deoptimises the code reading them ("wrong map").
 */
function expandRow(row: GridRow): string[][] {
  const { cells } = row;
  let width = 0;
  for (let i = 0; i < cells.length; i += 1) width += columnsOf(cells[i]);
  const texts = new Array<string[]>(width);
  // Most rows span nothing: a column per cell, no span read again.
  if (width === cells.length) {
    for (let i = 0; i < cells.length; i += 1) texts[i] = cellText(cells[i]);
    return texts;
  }
  let at = 0;
  for (let i = 0; i < cells.length; i += 1) {
    texts[at] = cellText(cells[i]);
    const end = at + columnsOf(cells[i]);
    for (at += 1; at < end; at += 1) texts[at] = NO_TEXT as string[];
  }
  return texts;
}

/** The grid columns a cell covers: its span (a span below 1 still takes one column). */
function columnsOf(cell: GridCell): number {
  const span = cell.colSpan ?? 1;
  return span > 1 ? Math.ceil(span) : 1;
}

/** The span of the cell an expanded column came from (1 for plain cells), counted as expandRow counts. */
function spanAt(row: GridRow, column: number): number {
  let start = 0;
  for (const cell of row.cells) {
    start += columnsOf(cell);
    if (column < start) return cell.colSpan ?? 1;
  }
  return 1;
}

function cellText(cell: GridCell): string[] {
  return cell.vMerge === 'continue' ? (NO_TEXT as string[]) : cell.paragraphs;
}

/** The one written cell of a row, SEVERAL, or BLANK (none written). */
function writtenCell(texts: string[][]): number {
  let at = BLANK;
  for (let i = 0; i < texts.length; i += 1) {
    if (!isWritten(texts[i])) continue;
    if (at !== BLANK) return SEVERAL;
    at = i;
  }
  return at;
}

const LOOSE_SECTION_ROLES = new Set(['no', 'item', 'unknown']);

/** One cell written across the table, or a numbered heading alone in its row. */
function readSection(texts: string[][], at: number, span: number, entries: ColumnPlanEntry[], classic: boolean): SectionRow | null {
  const role = entries[at]?.role ?? 'unknown';
  const text = texts[at].join('\n');
  const wide = span >= Math.max(2, entries.length - 1);
  const numbered = SECTION_NUMBER.exec(text);
  const labelsOnly = readLabelLine(text);
  const inCategory = role === 'category';
  const marked = wide || numbered !== null || labelsOnly !== null;
  const where = inCategory || (!classic && (wide || LOOSE_SECTION_ROLES.has(role) || ((role === 'content' || role === 'task') && (numbered !== null || labelsOnly !== null))));
  if (!where || (!inCategory && !marked)) return null;
  if (labelsOnly) return { text: '', level: 0, labels: labelsOnly, inCategory };
  const { rest, labels } = extractTrailingLabels(text);
  return { text: rest, level: numbered ? (numbered[2] ? 2 : 1) : 0, labels, inCategory };
}

const SECTION_TEXT_ROLES = new Set(['content', 'item', 'category', 'task', 'unknown']);

/**
 * `一 | 扎实推进产业转型升级 | | |`: a section numeral alone in the 序号 column (一, 二、, （一）: what
 * SECTION_NUMBER reads at the start of a heading) and one text beside it, the rest empty, is a section
 * row (its title the category of the rows below), not a record, which would also have been filled
 * from the record above.
 */
function readNumberedSection(texts: string[][], context: RowContext): SectionRow | null {
  const { noColumn, entries } = context;
  if (noColumn < 0 || !isWritten(texts[noColumn] ?? NO_TEXT)) return null;
  const numeral = texts[noColumn].join('').trim();
  // Most rows: an Arabic 序号, rejected by its first character.
  if (/^[0-9０-９]/.test(numeral)) return null;
  // A bare 一 reads as the heading 一、 does.
  const heading = /[、.．）)节章篇分]$/.test(numeral) ? numeral : `${numeral}、`;
  const numbered = SECTION_NUMBER.exec(heading);
  if (!numbered || numbered[0] !== heading) return null;
  let other = -1;
  for (let i = 0; i < texts.length; i += 1) {
    if (i === noColumn || !isWritten(texts[i])) continue;
    if (other >= 0) return null;
    other = i;
  }
  if (other < 0 || !SECTION_TEXT_ROLES.has(entries[other]?.role ?? 'unknown')) return null;
  const { rest, labels } = extractTrailingLabels(texts[other].join('\n').trim());
  return { text: `${heading}${rest}`, level: numbered[2] ? 2 : 1, labels, inCategory: false };
}

/** A missing column of the kind is an error (太仓 layouts) or a warning that the sheet's column stays empty. */
function checkColumns(kind: TableKind, entries: ColumnPlanEntry[], classic: boolean, gridIndex: number): Finding[] {
  const findings: Finding[] = [];
  const fields = new Set(entries.map((e) => e.field));
  if (fields.has('units')) ['leadUnits', 'relatedUnits'].forEach((f) => fields.add(f as RawKey));
  const required = classic ? REQUIRED[kind] : (['content', 'leadUnits'] as RawKey[]).filter((f) => !(f === 'content' && fields.has('target')));
  const missing = required.filter((key) => !fields.has(key));
  if (missing.length > 0) findings.push(missingFinding(gridIndex, missing));
  if (!classic) {
    const absent = (['leaders', 'relatedUnits'] as RawKey[]).filter((key) => !fields.has(key));
    if (absent.length > 0) findings.push(absentFinding(gridIndex, absent));
  }
  entries.forEach((entry, column) => {
    if (entry.field !== 'extra' || entry.header === '') return;
    findings.push({
      code: 'column-ignored',
      severity: 'info',
      message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${entry.header.slice(0, 40)}”不是记录字段，已作为附加信息保留（extra）`,
      messageEn: `Table ${gridIndex + 1} column ${column + 1} "${entry.header.slice(0, 40)}" is not a record field; kept as extra`,
      table: gridIndex,
      value: entry.header.slice(0, 200),
    });
  });
  return findings;
}

function missingFinding(gridIndex: number, missing: string[]): Finding {
  return {
    code: 'table-columns-missing',
    severity: 'error',
    message: `表格 ${gridIndex + 1} 缺少列：${missing.join('、')}`,
    messageEn: `Table ${gridIndex + 1} lacks columns: ${missing.join(', ')}`,
    table: gridIndex,
  };
}

function absentFinding(gridIndex: number, absent: string[]): Finding {
  const zh: Record<string, string> = { leaders: '负责人', relatedUnits: '相关单位' };
  return {
    code: 'table-column-absent',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 没有${absent.map((f) => zh[f]).join('、')}列：工作簿中这些列将为空（如有，请用 --map 指定）`,
    messageEn: `Table ${gridIndex + 1} has no ${absent.join(', ')} column: these columns stay empty in the workbook (map one with --map if there is)`,
    table: gridIndex,
    value: absent.join(','),
  };
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
  const text = (header ?? []).map((t) => t.join('').replace(/[\s\u3000]+/g, '')).join(' | ').slice(0, 200);
  const example = (header ?? []).map((t) => t.join('').replace(/[\s\u3000]+/g, '')).find((t) => t !== '') ?? '表头';
  return {
    code: 'table-unknown',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 的表头无法识别（找不到内容、单位等列），已跳过。表头：${text}。可用 --map "${example}=content,…" 指定各列的角色（content、leaders、leadUnits、relatedUnits、units-first-leads、deadline…）`,
    messageEn: `Table ${gridIndex + 1} has an unknown header (no content or unit columns found) and was skipped. Headers: ${text}. Map the columns with --map "${example}=content,…" (roles: content, leaders, leadUnits, relatedUnits, units-first-leads, deadline…)`,
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
