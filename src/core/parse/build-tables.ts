/** Turns recognised grids into raw tables: consecutive grids of one kind merge (tables split by hand or per page). */
import type { Finding, Notice, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import type { RawRow, RecognisedGrid } from './table-recogniser';

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
    const continues = previous !== null && last !== undefined && previous.kind === grid.kind && (grid.title === null || grid.title === last.title);
    const table = continues ? last : startTable(grid, notice);
    if (!continues) tables.push(table);
    if (table.year === null && grid.headerYear !== null) table.year = grid.headerYear;
    addRows(table, grid, tables.length - 1, warnings);
    previous = grid;
  }
  return { tables, warnings };
}

/**
 * A row with only its 门类/分类 cell written (often one cell spanning the row, `一、致力…`) is a
 * heading, not a record: its text becomes the category of the record below it.
 */
function addRows(table: ParsedTable, grid: RecognisedGrid, tableIndex: number, warnings: Finding[]): void {
  let heading: string | null = null;
  for (const raw of grid.rows) {
    if (isHeadingRow(raw)) {
      heading = text(raw, 'category');
      warnings.push({
        code: 'heading-row',
        severity: 'info',
        message: `表格 ${grid.gridIndex + 1} 中只有门类的一行“${heading.trim().slice(0, 40)}”作为下一行的门类`,
        messageEn: `Table ${grid.gridIndex + 1}: a row with only a category ("${heading.trim().slice(0, 40)}") is taken as the category of the row below`,
        table: grid.gridIndex,
        value: heading.trim().slice(0, 200),
      });
      continue;
    }
    const record = table.kind === 'tasks' ? toTaskRecord(raw) : toProjectRecord(raw, tableIndex, table.rows.length, warnings);
    if (heading !== null && record.category.trim() === '') {
      record.category = heading;
      record.inherited.push('category');
    }
    heading = null;
    (table.rows as (TaskRecord | ProjectRecord)[]).push(record);
  }
}

function isHeadingRow(raw: RawRow): boolean {
  const keys = Object.keys(raw) as (keyof RawRow)[];
  return text(raw, 'category').trim() !== '' && keys.every((key) => key === 'category' || text(raw, key).trim() === '');
}

function startTable(grid: RecognisedGrid, notice: Notice): ParsedTable {
  const year = readYear(grid.title) ?? grid.headerYear ?? readNoticeYear(notice);
  return grid.kind === 'projects' ? { kind: 'projects', title: grid.title, year, rows: [] } : { kind: 'tasks', title: grid.title, year, rows: [] };
}

function readYear(text: string | null): number | null {
  const match = text ? /(\d{4})\s*年/.exec(text) : null;
  return match ? Number(match[1]) : null;
}

function readNoticeYear(notice: Notice): number | null {
  const number = notice.number ? /[〔[（(【](\d{4})[〕\]）)】]/.exec(notice.number) : null;
  if (number) return Number(number[1]);
  return notice.date ? Number(notice.date.slice(0, 4)) : null;
}

function text(raw: RawRow, key: keyof RawRow): string {
  return (raw[key] ?? []).join('\n');
}

function lines(raw: RawRow, key: keyof RawRow): string[] {
  return [...(raw[key] ?? [])];
}

function toTaskRecord(raw: RawRow): TaskRecord {
  return {
    category: text(raw, 'category'),
    item: text(raw, 'item'),
    content: text(raw, 'content'),
    leaders: lines(raw, 'leaders'),
    leadUnits: lines(raw, 'leadUnits'),
    relatedUnits: lines(raw, 'relatedUnits'),
    inherited: [],
  };
}

function toProjectRecord(raw: RawRow, table: number, row: number, warnings: Finding[]): ProjectRecord {
  const noText = text(raw, 'no').replace(/[\s\u3000]+/g, '');
  const match = /^[（(]?(\d{1,4})[）).、．]?$/.exec(noText);
  if (noText && !match) {
    warnings.push({
      code: 'project-no-invalid',
      severity: 'warning',
      message: `民生实事第 ${row + 1} 行的序号“${noText}”不是数字`,
      messageEn: `Project row ${row + 1}: the number "${noText}" is not a number`,
      table,
      row,
      field: 'no',
      value: noText,
    });
  }
  return {
    no: match ? Number(match[1]) : null,
    category: text(raw, 'category'),
    name: text(raw, 'name'),
    content: text(raw, 'content'),
    task: text(raw, 'task'),
    leaders: lines(raw, 'leaders'),
    leadUnits: lines(raw, 'leadUnits'),
    relatedUnits: lines(raw, 'relatedUnits'),
    inherited: [],
  };
}
