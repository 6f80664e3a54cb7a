/**
 * List-form plans (no table): numbered paragraphs, each task followed by labelled lines
 * (`牵头单位：区发改局` / `责任单位：…` / `责任领导：…` / `完成时限：…`) or with the labels in brackets at
 * its end, under headings `一、` / `（一）`. The tasks become one grid with known header words, so
 * they go through the same recogniser and normaliser (and fixes log) as any table.
 */
import type { Grid } from '../grid/grid.model';
import { extractTrailingLabels, readLabelLine, type Label } from './labels.rules';
import { splitUnitList } from './name-rules';

interface ListItem {
  no: string;
  category: string;
  item: string;
  content: string[];
  labels: Label[];
}

const TASK_NUMBER = /^[\s\u3000]*(?:(\d{1,3})[.．、]|[（(](\d{1,3})[）)]|([①-⑳]))[\s\u3000]*/;
const HEADING_1 = /^[\s\u3000]*[一二三四五六七八九十]{1,3}[、.．][\s\u3000]*/;
const HEADING_2 = /^[\s\u3000]*[（(][一二三四五六七八九十]{1,3}[）)][\s\u3000]*/;
const MIN_LABELLED = 2;
const HEADER = ['序号', '门类', '项目', '内容和要求', '责任领导', '牵头单位', '配合单位', '完成时限', '时间节点'];

export interface ListFormOptions {
  /** The notice says the first unit of 责任单位 leads. */
  firstLeads?: boolean;
}

export interface ListForm {
  grid: Grid;
  /** The first unit of a 责任单位 list was taken as the lead unit. */
  firstLeadsUsed: boolean;
}

/** The list-form tasks of the paragraphs as one grid, or null when fewer than two tasks carry labels. */
export function readListForm(paragraphs: string[], index: number, options: ListFormOptions = {}): ListForm | null {
  const items = collectItems(paragraphs);
  const labelled = items.map((item, i) => (item.labels.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (labelled.length < MIN_LABELLED) return null;
  const kept = items.slice(labelled[0], labelled[labelled.length - 1] + 1);
  let firstLeadsUsed = false;
  const rows = kept.map((item) => {
    const cells = toCells(item, options.firstLeads ?? false);
    firstLeadsUsed ||= cells.firstLeads;
    return { cells: cells.values.map((text) => ({ paragraphs: text.split('\n') })) };
  });
  const header = { cells: HEADER.map((text) => ({ paragraphs: [text] })) };
  return { grid: { rows: [header, ...rows], before: [], origin: { index } }, firstLeadsUsed };
}

interface Cursor {
  category: string;
  item: string;
  current: ListItem | null;
  /** A heading followed at once by labels is itself the task. */
  heading: { text: string; level: 1 | 2 } | null;
}

function start(items: ListItem[], no: string, text: string, category: string, item: string): ListItem {
  const { rest, labels } = extractTrailingLabels(text);
  const entry: ListItem = { no, category, item, content: [rest], labels };
  items.push(entry);
  return entry;
}

function addLabels(items: ListItem[], at: Cursor, labels: Label[]): void {
  if (!at.current && at.heading) at.current = start(items, '', at.heading.text, at.heading.level === 2 ? at.category : '', '');
  if (at.current) at.current.labels.push(...labels);
  at.heading = null;
}

function addHeading(items: ListItem[], at: Cursor, line: string, prefix: string, level: 1 | 2): void {
  // The heading keeps its number (`一、…`), as a table's section row does; a heading that is a task does not.
  const inline = extractTrailingLabels(line);
  if (level === 1) [at.category, at.item] = [inline.rest, ''];
  else at.item = inline.rest;
  const text = line.slice(prefix.length);
  at.current = inline.labels.length > 0 ? start(items, '', text, level === 2 ? at.category : '', '') : null;
  at.heading = at.current ? null : { text, level };
}

function numberOf(match: RegExpExecArray): string {
  return match[1] ?? match[2] ?? String(match[3].charCodeAt(0) - 0x245f);
}

function collectItems(paragraphs: string[]): ListItem[] {
  const items: ListItem[] = [];
  const at: Cursor = { category: '', item: '', current: null, heading: null };
  for (const raw of paragraphs) {
    const line = raw.trim();
    if (line === '') continue;
    const labels = readLabelLine(line);
    if (labels) {
      addLabels(items, at, labels);
      continue;
    }
    const number = TASK_NUMBER.exec(line);
    if (number) {
      at.current = start(items, numberOf(number), line.slice(number[0].length), at.category, at.item);
      at.heading = null;
      continue;
    }
    const h1 = HEADING_1.exec(line);
    const h2 = h1 ? null : HEADING_2.exec(line);
    if (h1 || h2) {
      addHeading(items, at, line, (h1 ?? (h2 as RegExpExecArray))[0], h1 ? 1 : 2);
      continue;
    }
    // A task's further paragraphs, until its labels begin.
    if (at.current && at.current.labels.length === 0) at.current.content.push(line);
    else at.current = null;
    at.heading = null;
  }
  return items;
}

function value(item: ListItem, role: Label['role'], contextual = false): string[] {
  return item.labels.filter((l) => l.role === role && Boolean(l.contextual) === contextual).map((l) => l.value);
}

/** 责任单位 leads unless 牵头单位 is given; with the notice's rule (or its own label) the first unit leads. */
function toCells(item: ListItem, firstLeads: boolean): { values: string[]; firstLeads: boolean } {
  const lead = value(item, 'leadUnits');
  const units = value(item, 'leadUnits', true);
  const firstLeadList = value(item, 'units-first-leads');
  let leadUnits = lead;
  let related = [...value(item, 'relatedUnits')];
  let usedFirst = false;
  if (lead.length > 0) related = [...units, ...related];
  else if (firstLeadList.length > 0 || (firstLeads && units.length > 0)) {
    const names = [...firstLeadList, ...units].flatMap(splitUnitList);
    leadUnits = names.slice(0, 1);
    related = [...names.slice(1), ...related];
    usedFirst = true;
  } else leadUnits = units;
  const join = (list: string[]): string => list.flatMap(splitUnitList).join('\n');
  const values = [
    item.no,
    item.category,
    item.item,
    item.content.join('\n'),
    join(value(item, 'leaders')),
    join(leadUnits),
    join(related),
    value(item, 'deadline').join('；'),
    value(item, 'milestones').join('\n'),
  ];
  return { values, firstLeads: usedFirst };
}
