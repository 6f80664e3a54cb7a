/**
 * The columns of the two attachment tables: header, role, how a record fills the cell, and the
 * bounds the layout (table-layout.planner.ts) sizes them within.
 */
import type { Milestone, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { addedColumnsFor } from '../workbook/added-columns';
import { MILESTONES_HEADER } from '../workbook/milestones-text.codec';

type AnyRecord = TaskRecord | ProjectRecord;
/** `short`: sized within minChars–maxChars like a merge column, never merged (时间节点, extra columns). */
export type ColumnRole = 'merge' | 'names' | 'text' | 'number' | 'short';

export interface DocxColumn {
  header: string;
  role: ColumnRole;
  align: 'center' | 'both';
  /** The cell's paragraphs for a record. */
  paragraphs: (r: AnyRecord) => string[];
  /** For merge columns: rows with the same key (non-empty value) merge vertically. */
  mergeKey?: (r: AnyRecord) => string;
  /** For text columns: share of spare width when there is no text to weigh them by. */
  share?: number;
  /** For merge and name columns: at most and at least this many characters per line. */
  maxChars?: number;
  minChars?: number;
}

const task = (r: AnyRecord): TaskRecord => r as TaskRecord;
const project = (r: AnyRecord): ProjectRecord => r as ProjectRecord;

function lines(text: string): string[] {
  if (!text) return [];
  return text.includes('\n') ? text.split(/\r?\n/) : [text];
}

function key(...parts: (string | number | null)[]): string {
  return parts.map((p) => String(p ?? '')).join('\u0001');
}

const nameColumns = (leaderHeader: string): DocxColumn[] => [
  { header: leaderHeader, role: 'names', align: 'center', paragraphs: (r) => r.leaders, minChars: 3, maxChars: 4 },
  { header: '主要责任单位', role: 'names', align: 'center', paragraphs: (r) => r.leadUnits, minChars: 3, maxChars: 7 },
  { header: '相关单位', role: 'names', align: 'center', paragraphs: (r) => r.relatedUnits, minChars: 4, maxChars: 7 },
];

function milestoneLines(milestones: Milestone[] | undefined): string[] {
  if (!milestones) return [];
  if (milestones.length === 1 && milestones[0].label === MILESTONES_HEADER) return lines(milestones[0].text);
  return milestones.flatMap((m) => lines(`${m.label}：${m.text}`));
}

/** 序号 of a task table first; 时间节点 and the source's extra columns last, each only when a record has it (issue 10). */
function withAddedColumns(table: ParsedTable, columns: DocxColumn[]): DocxColumn[] {
  const added = addedColumnsFor(table.kind, table.rows);
  const out = [...columns];
  if (added.no) out.unshift({ header: '序号', role: 'number', align: 'center', paragraphs: (r) => (typeof task(r).no === 'number' ? [String(task(r).no)] : []) });
  if (added.milestones) out.push({ header: MILESTONES_HEADER, role: 'short', align: 'center', paragraphs: (r) => milestoneLines(r.milestones), minChars: 4, maxChars: 10 });
  for (const header of added.extra ?? []) {
    out.push({ header, role: 'short', align: 'center', paragraphs: (r) => lines(r.extra?.[header] ?? ''), minChars: 3, maxChars: 8 });
  }
  return out;
}

export function columnsFor(table: ParsedTable): DocxColumn[] {
  return withAddedColumns(table, baseColumnsFor(table));
}

function baseColumnsFor(table: ParsedTable): DocxColumn[] {
  if (table.kind === 'tasks') {
    return [
      { header: '门类', role: 'merge', align: 'center', paragraphs: (r) => lines(r.category), mergeKey: (r) => (r.category ? key(r.category) : ''), minChars: 2, maxChars: 5 },
      { header: '项目', role: 'merge', align: 'center', paragraphs: (r) => lines(task(r).item), mergeKey: (r) => (task(r).item ? key(r.category, task(r).item) : ''), minChars: 4, maxChars: 8 },
      { header: '内容和要求', role: 'text', align: 'both', paragraphs: (r) => lines(task(r).content), share: 1 },
      ...nameColumns('负责人'),
    ];
  }
  const year = table.year;
  return [
    { header: '序号', role: 'number', align: 'center', paragraphs: (r) => (project(r).no === null ? [] : [String(project(r).no)]), mergeKey: (r) => (project(r).no === null ? '' : key(r.category, project(r).no)) },
    { header: '分类', role: 'merge', align: 'center', paragraphs: (r) => lines(r.category), mergeKey: (r) => (r.category ? key(r.category) : ''), minChars: 2, maxChars: 3 },
    { header: '项目名称', role: 'merge', align: 'center', paragraphs: (r) => lines(project(r).name), mergeKey: (r) => (project(r).name ? key(r.category, project(r).no, project(r).name) : ''), minChars: 4, maxChars: 7 },
    { header: '主要建设内容', role: 'text', align: 'both', paragraphs: (r) => lines(project(r).content), share: 0.62 },
    { header: year ? `${year}年工作任务` : '年度工作任务', role: 'text', align: 'both', paragraphs: (r) => lines(project(r).task), share: 0.38 },
    ...nameColumns('负责人'),
  ];
}

/** Cell padding left + right, twips. */
export const CELL_PADDING = 2 * 85;
