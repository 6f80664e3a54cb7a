/**
 * The columns of the two record sheets (主要工作, 民生实事). Keys are record field names, tracking
 * keys, 'id' and 'year'; headers are what a clerk sees and what the reader matches.
 */
import { STATUSES, type TableKind } from '../model/records.model';
import { DATE_FORMAT } from '../sheet/cell-value';
import type { ColumnPlan } from './plan.model';
import { SCHEDULE_HEADER_KEYS } from './schedule-columns.planner';
import { insertAddedColumns, type AddedColumns } from './added-columns';


export const TABLE_NAMES: Record<TableKind, string> = { tasks: '主要工作表', projects: '民生实事表' };

export const TRACKING_KEYS = ['status', 'progress', 'deadline', 'latest', 'updated'] as const;
export type TrackingKey = (typeof TRACKING_KEYS)[number];

export const PERCENT_FORMAT = '0%';

const ID_COLUMNS: ColumnPlan[] = [
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'year', header: '年度', width: 7, kind: 'number', numberFormat: '0' },
];

const TRACKING_COLUMNS: ColumnPlan[] = [
  { key: 'status', header: '进展状态', width: 10, kind: 'list', list: [...STATUSES], editable: true },
  { key: 'progress', header: '完成进度', width: 10, kind: 'percent', numberFormat: PERCENT_FORMAT, editable: true },
  { key: 'deadline', header: '完成时限', width: 12, kind: 'date', numberFormat: DATE_FORMAT, editable: true },
  { key: 'latest', header: '最新进展', width: 40, kind: 'text', wrap: true, editable: true },
  { key: 'updated', header: '更新日期', width: 12, kind: 'date', numberFormat: DATE_FORMAT, editable: true },
];

/** The round report columns a unit fills in beside the tracking columns (unit workbooks only). */
export const REPORT_KEYS = ['problems', 'nextSteps', 'delayTo', 'delayReason', 'doneNote'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

export const REPORT_COLUMNS: ColumnPlan[] = [
  { key: 'problems', header: '存在问题', width: 30, kind: 'text', wrap: true, editable: true },
  { key: 'nextSteps', header: '下步打算', width: 30, kind: 'text', wrap: true, editable: true },
  { key: 'delayTo', header: '申请延期至', width: 12, kind: 'date', numberFormat: DATE_FORMAT, editable: true },
  { key: 'delayReason', header: '延期理由', width: 24, kind: 'text', wrap: true, editable: true },
  { key: 'doneNote', header: '办结说明', width: 24, kind: 'text', wrap: true, editable: true },
];

const NAME_COLUMNS: ColumnPlan[] = [
  { key: 'leaders', header: '负责人', width: 10, kind: 'text', wrap: true },
  { key: 'leadUnits', header: '主要责任单位', width: 16, kind: 'text', wrap: true },
  { key: 'relatedUnits', header: '相关单位', width: 22, kind: 'text', wrap: true },
];

/** Width of text in Excel characters: a CJK character is about two widths of '0'. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2.1 : 1;
  return width;
}

/** The widest the 负责人 column grows; a longer list of leaders wraps. */
const MAX_LEADERS_WIDTH = 32;

/**
 * 负责人 as wide as its longest cell (up to MAX_LEADERS_WIDTH), so a name never wraps in the middle
 * (a 10-character column broke 吴敬宇、郑丙华 after 郑). Mutates and returns `columns`.
 */
export function fitLeadersColumn(columns: ColumnPlan[], leaderLists: readonly (readonly string[])[]): ColumnPlan[] {
  const column = columns.find((c) => c.key === 'leaders');
  if (!column) return columns;
  const longest = leaderLists.reduce((m, names) => Math.max(m, textWidth(names.join('、'))), 0);
  column.width = Math.min(MAX_LEADERS_WIDTH, Math.max(column.width, Math.ceil(longest) + 2));
  return columns;
}

/** The 民生实事 task column is headed '{year}年工作任务' when the sheet holds one year. */
export function projectTaskHeader(year: number | null): string {
  return year === null ? '年度工作任务' : `${year}年工作任务`;
}

/** After a rollover the old id is kept beside the new one. */
export const PREVIOUS_ID_COLUMN: ColumnPlan = { key: 'previousId', header: '上年编号', width: 12, kind: 'text' };

export function recordColumns(kind: TableKind, year: number | null = null, options: { previousId?: boolean; added?: AddedColumns } = {}): ColumnPlan[] {
  const columns = baseColumns(kind, year);
  if (options.previousId) columns.splice(2, 0, { ...PREVIOUS_ID_COLUMN });
  if (options.added) insertAddedColumns(columns, kind, options.added, (header) => keyForHeader(header, kind) !== null);
  return columns;
}

function baseColumns(kind: TableKind, year: number | null): ColumnPlan[] {
  if (kind === 'tasks') {
    const tasks: ColumnPlan[] = [
      ...ID_COLUMNS,
      { key: 'category', header: '门类', width: 16, kind: 'text', wrap: true },
      { key: 'item', header: '项目', width: 18, kind: 'text', wrap: true },
      { key: 'content', header: '内容和要求', width: 60, kind: 'text', wrap: true },
      ...NAME_COLUMNS,
      ...TRACKING_COLUMNS,
    ];
    return tasks.map((c) => ({ ...c }));
  }
  const projects: ColumnPlan[] = [
    ...ID_COLUMNS,
    { key: 'no', header: '序号', width: 6, kind: 'number', numberFormat: '0' },
    { key: 'category', header: '分类', width: 10, kind: 'text', wrap: true },
    { key: 'name', header: '项目名称', width: 24, kind: 'text', wrap: true },
    { key: 'content', header: '主要建设内容', width: 48, kind: 'text', wrap: true },
    { key: 'task', header: projectTaskHeader(year), width: 36, kind: 'text', wrap: true },
    ...NAME_COLUMNS,
    ...TRACKING_COLUMNS,
  ];
  return projects.map((c) => ({ ...c }));
}

const HEADER_SYNONYMS: Record<string, string> = {
  编号: 'id', 任务编号: 'id', 上年编号: 'previousId', 原编号: 'previousId', 年度: 'year', 年份: 'year',
  门类: 'category', 分类: 'category', 项目: 'item', 内容和要求: 'content', 主要建设内容: 'content',
  序号: 'no', 项目名称: 'name', 年度工作任务: 'task', 工作任务: 'task',
  负责人: 'leaders', 分管领导: 'leaders', 责任领导: 'leaders',
  主要责任单位: 'leadUnits', 牵头单位: 'leadUnits', 相关单位: 'relatedUnits', 配合单位: 'relatedUnits',
  进展状态: 'status', 状态: 'status', 完成进度: 'progress', 进度: 'progress', 完成时限: 'deadline',
  最新进展: 'latest', 本期进展: 'latest', 更新日期: 'updated',
  时间节点: 'milestones', 本单位职责: 'role',
  存在问题: 'problems', 下步打算: 'nextSteps', 申请延期至: 'delayTo', 延期理由: 'delayReason', 办结说明: 'doneNote',
};

/** The column key for a header cell of a fenjie sheet, or null. Tolerates spaces and line breaks. */
export function keyForHeader(header: string, kind: TableKind): string | null {
  const bare = header.replace(/\s+/g, '');
  if (/^\d{4}年工作任务$/.test(bare)) return 'task';
  const key = HEADER_SYNONYMS[bare] ?? SCHEDULE_HEADER_KEYS[bare] ?? null;
  // 项目 heads the item column of 主要工作; 民生实事 names its item 项目名称.
  if (key === 'item' && kind === 'projects') return 'name';
  return key;
}
