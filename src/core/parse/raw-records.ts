/** Raw rows → raw records: text per field, names as cell lines, the new fields only where the table has them. */
import type { Finding, ProjectRecord, TableMapping, TaskRecord } from '../model/records.model';
import { NO_TEXT } from './cell-text.rules';
import type { ColumnPlanEntry } from './column-mapping.builder';
import type { Label } from './labels.rules';
import type { RawKey, RawRow, SectionRow } from './table-recogniser';
import { splitUnitList } from './name-rules';

type AnyRecord = TaskRecord | ProjectRecord;

/** plan.at of a field the table has no column for. */
const NO_COLUMN = -1;

/** Where a grid's rows are read from: worked out once per grid, not per row. */
export interface FieldPlan {
  /** The column each field of the table is read from (the last, when two columns name one field); NO_COLUMN: none. */
  at: Record<RawKey, number>;
  milestones: [label: string, column: number][];
  extra: [header: string, column: number][];
  /** The columns read into a record other than the category's (fields, milestones, extra). */
  besideCategory: number[];
  /** Columns without a header (under a merged header cell): their text is kept in extra as 第N列. */
  unnamed: number[];
}

/** The extra key of a column without a header. */
export function unnamedColumnKey(column: number): string {
  return `第${column + 1}列`;
}

export function planFields(entries: ColumnPlanEntry[]): FieldPlan {
  // Every key present and a small integer, so that plan.at has one shape in every table (no V8 map change, no deopt).
  const N = NO_COLUMN;
  const at: FieldPlan['at'] = { no: N, category: N, item: N, name: N, content: N, task: N, leaders: N, leadUnits: N, relatedUnits: N, units: N, deadline: N, target: N, unitOfMeasure: N };
  const plan: FieldPlan = { at, milestones: [], extra: [], besideCategory: [], unnamed: [] };
  entries.forEach((entry, column) => {
    if (entry.field === 'milestones') plan.milestones.push([entry.header, column]);
    else if (entry.field === 'extra') plan.extra.push([entry.header, column]);
    else if (entry.field) plan.at[entry.field] = column;
    else if (entry.header === '') {
      // Never dropped: a column under a merged header cell may hold the data of a column the header missed.
      plan.extra.push([unnamedColumnKey(column), column]);
      plan.unnamed.push(column);
    }
  });
  for (const [key, column] of Object.entries(plan.at)) if (key !== 'category' && column !== NO_COLUMN) plan.besideCategory.push(column);
  for (const [, column] of [...plan.milestones, ...plan.extra]) plan.besideCategory.push(column);
  return plan;
}

/** The paragraphs in a column; undefined when the table has no such column (a short row's missing cell is empty). */
export function cellAt(cells: string[][], column: number): string[] | undefined {
  return column === NO_COLUMN ? undefined : cells[column] ?? (NO_TEXT as string[]);
}

/** A cell's paragraphs as one text, a line each (most cells have one paragraph: no join). */
export function cellText(texts: string[] | undefined): string {
  if (!texts) return '';
  return texts.length === 1 ? texts[0] : texts.join('\n');
}

export interface SectionState {
  /** 太仓 heading: the category of the next record only (merged cells carry it on). */
  heading: string | null;
  category: string | null;
  item: string | null;
  leaders: string[] | null;
  hasCategory: boolean;
  hasItem: boolean;
}

export function applySection(state: SectionState, section: SectionRow): void {
  const leaders = section.labels.filter((l) => l.role === 'leaders').flatMap((l) => splitUnitList(l.value));
  if (leaders.length > 0) state.leaders = leaders;
  if (section.text.trim() === '') return;
  if (state.hasCategory) {
    state.heading = section.text;
    return;
  }
  if (section.level === 2 && !state.hasItem && state.category !== null) {
    state.item = section.text;
    return;
  }
  state.category = section.text;
  state.item = null;
  if (leaders.length === 0) state.leaders = null;
}

// Fields are read by name (plan.at.content), not by a key variable: one property, the same in every row.
function text(raw: RawRow, column: number): string {
  return cellText(cellAt(raw.cells, column));
}

/** A copy: the record's names are cleaned later, the grid's cells stay as read. */
function lines(raw: RawRow, column: number): string[] {
  const texts = cellAt(raw.cells, column);
  if (!texts || texts.length === 0) return [];
  return texts.length === 1 ? [texts[0]] : texts.slice();
}

/** One 责任单位 list where the first unit leads (first → leadUnits, the rest → relatedUnits), or null: two columns. */
function unitList(raw: RawRow, plan: FieldPlan): string[] | null {
  return plan.at.units === NO_COLUMN ? null : splitUnitList(text(raw, plan.at.units));
}

/** Fields added to the model: set only when the table has their column, so 太仓 records stay as they were. */
function addNewFields(record: AnyRecord, raw: RawRow, plan: FieldPlan): void {
  if (plan.at.deadline !== NO_COLUMN) record.deadline = { text: text(raw, plan.at.deadline).trim(), iso: null };
  if (plan.milestones.length > 0) {
    const milestones: { label: string; text: string }[] = [];
    for (const [label, column] of plan.milestones) {
      const t = (raw.cells[column] ?? []).join('\n').trim();
      if (t !== '') milestones.push({ label, text: t });
    }
    if (milestones.length > 0) record.milestones = milestones;
  }
  if (plan.extra.length > 0) {
    const extra: Record<string, string> = {};
    for (const [header, column] of plan.extra) {
      const t = (raw.cells[column] ?? []).join('\n').trim();
      if (t !== '') extra[header || '列'] = t;
    }
    if (Object.keys(extra).length > 0) record.extra = extra;
  }
}

function readNo(raw: RawRow, plan: FieldPlan): { no: number | null; text: string } {
  const noText = text(raw, plan.at.no).replace(/[\s\u3000]+/g, '');
  const match = /^[（(]?(\d{1,4})[）).、．]?$/.exec(noText);
  return { no: match ? Number(match[1]) : null, text: noText };
}

export function toTaskRecord(raw: RawRow, plan: FieldPlan, mapping: TableMapping | null): TaskRecord {
  const units = unitList(raw, plan);
  // Keys in this order: the JSON prints them so.
  const record: TaskRecord = {
    category: text(raw, plan.at.category),
    item: text(raw, plan.at.item),
    content: text(raw, plan.at.content),
    leaders: lines(raw, plan.at.leaders),
    leadUnits: units ? units.slice(0, 1) : lines(raw, plan.at.leadUnits),
    relatedUnits: units ? units.slice(1) : lines(raw, plan.at.relatedUnits),
    inherited: [],
  };
  if (plan.at.no !== NO_COLUMN) record.no = readNo(raw, plan).no;
  if (plan.at.target !== NO_COLUMN) record.target = text(raw, plan.at.target).trim();
  if (plan.at.unitOfMeasure !== NO_COLUMN) record.unitOfMeasure = text(raw, plan.at.unitOfMeasure).trim();
  // An indicator's content is its target (`6%`, `1200亿元`), as 太仓 writes 综合指标.
  if (mapping?.kind === 'indicators' && record.content.trim() === '' && record.target) {
    record.content = `${record.target}${record.unitOfMeasure ?? ''}`;
  }
  addNewFields(record, raw, plan);
  return record;
}

export function toProjectRecord(raw: RawRow, plan: FieldPlan, at: { table: number; row: number }, warnings: Finding[]): ProjectRecord {
  const { no, text: noText } = readNo(raw, plan);
  if (noText && no === null) {
    warnings.push({
      code: 'project-no-invalid',
      severity: 'warning',
      message: `民生实事第 ${at.row + 1} 行的序号“${noText}”不是数字`,
      messageEn: `Project row ${at.row + 1}: the number "${noText}" is not a number`,
      table: at.table,
      row: at.row,
      field: 'no',
      value: noText,
    });
  }
  const units = unitList(raw, plan);
  const record: ProjectRecord = {
    no,
    category: text(raw, plan.at.category),
    name: text(raw, plan.at.name),
    content: text(raw, plan.at.content),
    task: text(raw, plan.at.task),
    leaders: lines(raw, plan.at.leaders),
    leadUnits: units ? units.slice(0, 1) : lines(raw, plan.at.leadUnits),
    relatedUnits: units ? units.slice(1) : lines(raw, plan.at.relatedUnits),
    inherited: [],
  };
  addNewFields(record, raw, plan);
  return record;
}

export type { Label };
