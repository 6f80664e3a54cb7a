/** Turns recognised grids into raw tables: consecutive grids of one kind merge (tables split by hand or per page). */
import type { Deadline, Finding, Notice, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { isWritten } from './cell-text.rules';
import { readDeadline } from './deadline.parser';
import type { RecognisedGrid } from './table-recogniser';
import { applySection, cellAt, cellText, planFields, toProjectRecord, toTaskRecord, unnamedColumnKey, type FieldPlan, type SectionState } from './raw-records';

type AnyRecord = TaskRecord | ProjectRecord;

export function buildRawTables(recognised: RecognisedGrid[], notice: Notice): { tables: ParsedTable[]; warnings: Finding[] } {
  const tables: ParsedTable[] = [];
  const warnings: Finding[] = [];
  let previous: RecognisedGrid | null = null;
  for (const grid of recognised) {
    if (!grid.kind) {
      previous = null;
      continue;
    }
    const last = tables[tables.length - 1];
    const continues = previous !== null && last !== undefined && previous.kind === grid.kind && (grid.title === null || grid.title === last.title) && sameLayout(previous, grid);
    const table = continues ? last : startTable(grid, notice);
    if (!continues) tables.push(table);
    if (table.year === null && grid.headerYear !== null) table.year = grid.headerYear;
    addRows(table, grid, tables.length - 1, warnings);
    previous = grid;
  }
  for (const table of tables) readDeadlines(table);
  return { tables, warnings };
}

/** Page blocks of one table share its header; a table with other columns is a table of its own. */
function sameLayout(a: RecognisedGrid, b: RecognisedGrid): boolean {
  if (!a.mapping || !b.mapping) return a.mapping === b.mapping;
  return a.mapping.kind === b.mapping.kind && a.mapping.columns.map((c) => c.role).join() === b.mapping.columns.map((c) => c.role).join();
}

/**
 * Section rows (`一、致力…` across the table, or a row with only its 门类 written) are headings, not
 * records: in a table with a 门类 column the text is the category of the record below it (the
 * merged cells carry it on); without one, of every record until the next section.
 */
function addRows(table: ParsedTable, grid: RecognisedGrid, tableIndex: number, warnings: Finding[]): void {
  const hasCategory = grid.columns.includes('category');
  const hasItem = grid.columns.includes('item') || grid.columns.includes('name');
  const state: SectionState = { heading: null, category: null, item: null, leaders: null, hasCategory, hasItem };
  const plan = planFields(grid.entries);
  const first = table.rows.length;
  for (const raw of grid.rows) {
    const section = raw.section ?? headingOnly(raw, plan);
    if (section) {
      applySection(state, section);
      if (section.text.trim() !== '') warnings.push(headingFinding(grid.gridIndex, section.text));
      continue;
    }
    const record = table.kind === 'tasks' ? toTaskRecord(raw, plan, grid.mapping) : toProjectRecord(raw, plan, { table: tableIndex, row: table.rows.length }, warnings);
    fillFromSection(record, state);
    (table.rows as AnyRecord[]).push(record);
  }
  for (const column of plan.unnamed) warnUnnamedColumn(table.rows.slice(first) as AnyRecord[], grid.gridIndex, column, warnings);
}

/** Text under a column without a header is kept (extra 第N列) and said once per table and column. */
function warnUnnamedColumn(records: AnyRecord[], gridIndex: number, column: number, warnings: Finding[]): void {
  const key = unnamedColumnKey(column);
  const sample = records.find((record) => record.extra?.[key] !== undefined)?.extra?.[key];
  if (sample === undefined) return;
  warnings.push({
    code: 'column-no-header',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 第 ${column + 1} 列没有表头，但有内容（如“${sample.slice(0, 30)}”），已作为附加信息“${key}”保留；请核对表头（合并单元格）`,
    messageEn: `Table ${gridIndex + 1} column ${column + 1} has no header but holds text (e.g. "${sample.slice(0, 30)}"); kept as extra "${key}": check the header (merged cells)`,
    table: gridIndex,
    value: key,
  });
}

/** A row with only its 门类/分类 cell written (太仓's heading rows). */
function headingOnly(raw: RecognisedGrid['rows'][number], plan: FieldPlan): RecognisedGrid['rows'][number]['section'] | null {
  const category = cellAt(raw.cells, plan.at.category);
  // Most rows: the category is empty (merged from above) or another cell is written; no text is joined for them.
  if (!category || !isWritten(category)) return null;
  for (const column of plan.besideCategory) if (isWritten(raw.cells[column] ?? [])) return null;
  return { text: cellText(category), level: 0, labels: [], inCategory: true };
}

/**
 * A record just made inherits nothing yet: the fields taken from the section make its list at its
 * length (a push onto the empty list would make room for 17, kept with every record of a section).
 */
function fillFromSection(record: AnyRecord, state: SectionState): void {
  let category = false;
  if (state.heading !== null && record.category.trim() === '') {
    record.category = state.heading;
    category = true;
  } else if (state.category !== null && record.category.trim() === '') {
    record.category = state.category;
    category = true;
  }
  state.heading = null;
  const item = state.item !== null && 'item' in record && record.item.trim() === '';
  if (item) (record as TaskRecord).item = state.item as string;
  const leaders = state.leaders !== null && record.leaders.length === 0;
  if (leaders) record.leaders = [...(state.leaders as string[])];
  if (category || item || leaders) record.inherited = inheritedList(record.inherited, category, item, leaders);
}

function inheritedList(inherited: string[], category: boolean, item: boolean, leaders: boolean): string[] {
  const list = new Array<string>((category ? 1 : 0) + (item ? 1 : 0) + (leaders ? 1 : 0));
  let at = 0;
  if (category) {
    list[at] = 'category';
    at += 1;
  }
  if (item) {
    list[at] = 'item';
    at += 1;
  }
  if (leaders) list[at] = 'leaders';
  return inherited.length === 0 ? list : inherited.concat(list.filter((field) => !inherited.includes(field)));
}

function headingFinding(gridIndex: number, text: string): Finding {
  const short = text.trim().slice(0, 40);
  return {
    code: 'heading-row',
    severity: 'info',
    message: `表格 ${gridIndex + 1} 中只有门类的一行“${short}”作为下一行的门类`,
    messageEn: `Table ${gridIndex + 1}: a row with only a category ("${short}") is taken as the category of the row below`,
    table: gridIndex,
    value: text.trim().slice(0, 200),
  };
}

/**
 * 完成时限 as ISO dates, once the table's year is known. Deadlines repeat (`12月底前`, `长期坚持`):
 * each text is read once per table (one year), each record keeps a deadline of its own.
 */
function readDeadlines(table: ParsedTable): void {
  const rows = table.rows as AnyRecord[];
  const known = new Map<string, Deadline>();
  for (let r = 0; r < rows.length; r += 1) {
    const deadline = rows[r].deadline;
    if (!deadline) continue;
    let read = known.get(deadline.text);
    if (read === undefined) {
      read = readDeadline(deadline.text, table.year);
      known.set(deadline.text, read);
    }
    rows[r].deadline = { text: read.text, iso: read.iso };
  }
}

function startTable(grid: RecognisedGrid, notice: Notice): ParsedTable {
  const year = readYear(grid.title) ?? grid.headerYear ?? readNoticeYear(notice);
  const mapping = grid.mapping ?? undefined;
  return grid.kind === 'projects'
    ? { kind: 'projects', title: grid.title, year, rows: [], ...(mapping ? { mapping } : {}) }
    : { kind: 'tasks', title: grid.title, year, rows: [], ...(mapping ? { mapping } : {}) };
}

function readYear(text: string | null): number | null {
  const match = text ? /(\d{4})\s*年/.exec(text) : null;
  return match ? Number(match[1]) : null;
}

function readNoticeYear(notice: Notice): number | null {
  const number = notice.number ? /[〔[（(【](\d{4})[〕\]）)】]/.exec(notice.number) : null;
  if (number) return Number(number[1]);
  if (notice.date) return Number(notice.date.slice(0, 4));
  // 关于印发2024年政府工作报告重点任务分工方案的通知, with no 文号 or date read: the year it names.
  return readYear(notice.title);
}
