/** Raw rows → raw records: text per field, names as cell lines, the new fields only where the table has them. */
import type { Finding, ProjectRecord, TableMapping, TaskRecord } from '../model/records.model';
import type { ColumnPlanEntry } from './column-mapping.builder';
import type { Label } from './labels.rules';
import type { RawKey, RawRow, SectionRow } from './table-recogniser';
import { splitUnitList } from './name-rules';

type AnyRecord = TaskRecord | ProjectRecord;

/** Where a grid's rows are read from: worked out once per grid, not per row. */
export interface FieldPlan {
  /** The column each field of the table is read from (the last, when two columns name one field). */
  at: Partial<Record<RawKey, number>>;
  milestones: [label: string, column: number][];
  extra: [header: string, column: number][];
  /** The columns read into a record other than the category's (fields, milestones, extra). */
  besideCategory: number[];
}

export function planFields(entries: ColumnPlanEntry[]): FieldPlan {
  const plan: FieldPlan = { at: {}, milestones: [], extra: [], besideCategory: [] };
  entries.forEach((entry, column) => {
    if (entry.field === 'milestones') plan.milestones.push([entry.header, column]);
    else if (entry.field === 'extra') plan.extra.push([entry.header, column]);
    else if (entry.field) plan.at[entry.field] = column;
  });
  for (const [key, column] of Object.entries(plan.at)) if (key !== 'category') plan.besideCategory.push(column);
  for (const [, column] of [...plan.milestones, ...plan.extra]) plan.besideCategory.push(column);
  return plan;
}

/** The paragraphs of a field's cell; undefined when the table has no such column (a short row's missing cell is empty). */
export function fieldCell(raw: RawRow, plan: FieldPlan, key: RawKey): string[] | undefined {
  const at = plan.at[key];
  return at === undefined ? undefined : raw.cells[at] ?? [];
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

function text(raw: RawRow, plan: FieldPlan, key: RawKey): string {
  return cellText(fieldCell(raw, plan, key));
}

/** A copy: the record's names are cleaned later, the grid's cells stay as read. */
function lines(raw: RawRow, plan: FieldPlan, key: RawKey): string[] {
  const texts = fieldCell(raw, plan, key);
  if (!texts || texts.length === 0) return [];
  return texts.length === 1 ? [texts[0]] : texts.slice();
}

/** One 责任单位 list where the first unit leads: first → leadUnits, the rest → relatedUnits. */
function units(raw: RawRow, plan: FieldPlan): { leadUnits: string[]; relatedUnits: string[] } {
  if (plan.at.units === undefined) return { leadUnits: lines(raw, plan, 'leadUnits'), relatedUnits: lines(raw, plan, 'relatedUnits') };
  const names = splitUnitList(text(raw, plan, 'units'));
  return { leadUnits: names.slice(0, 1), relatedUnits: names.slice(1) };
}

/** Fields added to the model: set only when the table has their column, so 太仓 records stay as they were. */
function addNewFields(record: AnyRecord, raw: RawRow, plan: FieldPlan): void {
  if (plan.at.deadline !== undefined) record.deadline = { text: text(raw, plan, 'deadline').trim(), iso: null };
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
  const noText = text(raw, plan, 'no').replace(/[\s\u3000]+/g, '');
  const match = /^[（(]?(\d{1,4})[）).、．]?$/.exec(noText);
  return { no: match ? Number(match[1]) : null, text: noText };
}

export function toTaskRecord(raw: RawRow, plan: FieldPlan, mapping: TableMapping | null): TaskRecord {
  const { leadUnits, relatedUnits } = units(raw, plan);
  // Keys in this order: the JSON prints them so.
  const record: TaskRecord = {
    category: text(raw, plan, 'category'),
    item: text(raw, plan, 'item'),
    content: text(raw, plan, 'content'),
    leaders: lines(raw, plan, 'leaders'),
    leadUnits,
    relatedUnits,
    inherited: [],
  };
  if (plan.at.no !== undefined) record.no = readNo(raw, plan).no;
  if (plan.at.target !== undefined) record.target = text(raw, plan, 'target').trim();
  if (plan.at.unitOfMeasure !== undefined) record.unitOfMeasure = text(raw, plan, 'unitOfMeasure').trim();
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
  const { leadUnits, relatedUnits } = units(raw, plan);
  const record: ProjectRecord = {
    no,
    category: text(raw, plan, 'category'),
    name: text(raw, plan, 'name'),
    content: text(raw, plan, 'content'),
    task: text(raw, plan, 'task'),
    leaders: lines(raw, plan, 'leaders'),
    leadUnits,
    relatedUnits,
    inherited: [],
  };
  addNewFields(record, raw, plan);
  return record;
}

export type { Label };
