/** Raw rows → raw records: text per field, names as cell lines, the new fields only where the table has them. */
import type { Finding, ProjectRecord, TableMapping, TaskRecord } from '../model/records.model';
import type { Label } from './labels.rules';
import type { RawKey, RawRow, SectionRow } from './table-recogniser';
import { splitUnitList } from './name-rules';

type AnyRecord = TaskRecord | ProjectRecord;

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

/** The cell's paragraphs as one text (most cells have one paragraph: no join). */
function text(raw: RawRow, key: RawKey): string {
  const texts = raw.fields[key];
  if (!texts) return '';
  return texts.length === 1 ? texts[0] : texts.join('\n');
}

/** A copy: the record's names are cleaned later, the grid's cells stay as read. */
function lines(raw: RawRow, key: RawKey): string[] {
  const texts = raw.fields[key];
  return texts ? texts.slice() : [];
}

/** One 责任单位 list where the first unit leads: first → leadUnits, the rest → relatedUnits. */
function units(raw: RawRow): { leadUnits: string[]; relatedUnits: string[] } {
  if (!raw.fields.units) return { leadUnits: lines(raw, 'leadUnits'), relatedUnits: lines(raw, 'relatedUnits') };
  const names = splitUnitList(text(raw, 'units'));
  return { leadUnits: names.slice(0, 1), relatedUnits: names.slice(1) };
}

/** Fields added to the model: set only when the table has their column, so 太仓 records stay as they were. */
function addNewFields(record: AnyRecord, raw: RawRow): void {
  if (raw.fields.deadline) record.deadline = { text: text(raw, 'deadline').trim(), iso: null };
  const milestones = raw.milestones ? raw.milestones.map(([label, t]) => ({ label, text: t.trim() })).filter((m) => m.text !== '') : [];
  if (milestones.length > 0) record.milestones = milestones;
  if (raw.extra) {
    const extra: Record<string, string> = {};
    for (const [header, t] of raw.extra) if (t.trim() !== '') extra[header || '列'] = t.trim();
    if (Object.keys(extra).length > 0) record.extra = extra;
  }
}

function readNo(raw: RawRow): { no: number | null; text: string } {
  const noText = text(raw, 'no').replace(/[\s\u3000]+/g, '');
  const match = /^[（(]?(\d{1,4})[）).、．]?$/.exec(noText);
  return { no: match ? Number(match[1]) : null, text: noText };
}

export function toTaskRecord(raw: RawRow, mapping: TableMapping | null): TaskRecord {
  const { leadUnits, relatedUnits } = units(raw);
  // Keys in this order: the JSON prints them so.
  const record: TaskRecord = {
    category: text(raw, 'category'),
    item: text(raw, 'item'),
    content: text(raw, 'content'),
    leaders: lines(raw, 'leaders'),
    leadUnits,
    relatedUnits,
    inherited: [],
  };
  if (raw.fields.no) record.no = readNo(raw).no;
  if (raw.fields.target) record.target = text(raw, 'target').trim();
  if (raw.fields.unitOfMeasure) record.unitOfMeasure = text(raw, 'unitOfMeasure').trim();
  // An indicator's content is its target (`6%`, `1200亿元`), as 太仓 writes 综合指标.
  if (mapping?.kind === 'indicators' && record.content.trim() === '' && record.target) {
    record.content = `${record.target}${record.unitOfMeasure ?? ''}`;
  }
  addNewFields(record, raw);
  return record;
}

export function toProjectRecord(raw: RawRow, table: number, row: number, warnings: Finding[]): ProjectRecord {
  const { no, text: noText } = readNo(raw);
  if (noText && no === null) {
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
  const { leadUnits, relatedUnits } = units(raw);
  const record: ProjectRecord = {
    no,
    category: text(raw, 'category'),
    name: text(raw, 'name'),
    content: text(raw, 'content'),
    task: text(raw, 'task'),
    leaders: lines(raw, 'leaders'),
    leadUnits,
    relatedUnits,
    inherited: [],
  };
  addNewFields(record, raw);
  return record;
}

export type { Label };
