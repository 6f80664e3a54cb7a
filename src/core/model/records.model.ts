/** The record model: what every reader produces and every writer consumes. See docs/MODEL.md. */

export type TableKind = 'tasks' | 'projects';

export const STATUSES = ['未启动', '推进中', '已完成', '滞后', '暂缓'] as const;
export type Status = (typeof STATUSES)[number];

/** Tracking columns a clerk fills in during the year. All optional; absent means empty. */
export interface Tracking {
  status?: Status | null;
  /** 0..100 */
  progress?: number | null;
  /** ISO date, yyyy-mm-dd */
  deadline?: string | null;
  latest?: string | null;
  /** ISO date, yyyy-mm-dd */
  updated?: string | null;
  /** What a unit reported in a round beyond the tracking columns (unit workbooks only; see RoundReport). */
  report?: RoundReport;
}

/**
 * The round report columns of a unit workbook (存在问题, 下步打算, 申请延期至, 延期理由, 办结说明).
 * Collect never applies them to the task: they go to the round's history and to 延期/办结 requests
 * the office accepts or rejects.
 */
export interface RoundReport {
  problems?: string;
  nextSteps?: string;
  /** ISO date the unit asks the deadline to move to. */
  delayTo?: string;
  delayReason?: string;
  doneNote?: string;
}

interface RecordBase {
  /** Stable id such as 2023-T-001 / 2023-P-001 (assigned by the normaliser, kept through workbooks). */
  id?: string;
  /** The id the record had in the previous year's workbook (set by rollover; kept for reference). */
  previousId?: string;
  category: string;
  leaders: string[];
  leadUnits: string[];
  relatedUnits: string[];
  /** Fields whose value was filled from a vertically merged (or empty continuation) cell. */
  inherited: string[];
  tracking?: Tracking;
  /** 完成时限 as written, with an ISO date where it is unambiguous (added field; only when the table has one). */
  deadline?: Deadline;
  /** 时间节点 / quarterly columns (一季度…四季度), in column order (added field). */
  milestones?: Milestone[];
  /** Columns that name no record field (备注, 资金来源…), header → text: kept, never dropped (added field). */
  extra?: Record<string, string>;
}

/** A deadline as written (`12月底前`) and the date it means (`2023-12-31`), null when unclear. */
export interface Deadline {
  text: string;
  iso: string | null;
}

export interface Milestone {
  /** The column header or label (`一季度`, `时间节点`). */
  label: string;
  text: string;
}

export interface TaskRecord extends RecordBase {
  /** 序号 when the table has one (added field). */
  no?: number | null;
  item: string;
  content: string;
  /** Indicator tables (量化指标): 目标值 and 单位 (added fields). */
  target?: string;
  unitOfMeasure?: string;
}

export interface ProjectRecord extends RecordBase {
  no: number | null;
  name: string;
  content: string;
  task: string;
}

export type TaskField = 'category' | 'item' | 'content' | 'leaders' | 'leadUnits' | 'relatedUnits';
export type ProjectField = 'no' | 'category' | 'name' | 'content' | 'task' | 'leaders' | 'leadUnits' | 'relatedUnits';
export type RecordField = TaskField | ProjectField;
export const NAME_FIELDS = ['leaders', 'leadUnits', 'relatedUnits'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

export interface TasksTable {
  kind: 'tasks';
  title: string | null;
  year: number | null;
  rows: TaskRecord[];
  /** The column roles the table was read with (added field; absent for tables read back from a workbook without it). */
  mapping?: TableMapping;
}

export interface ProjectsTable {
  kind: 'projects';
  title: string | null;
  year: number | null;
  rows: ProjectRecord[];
  /** The column roles the table was read with (added field; absent for tables read back from a workbook without it). */
  mapping?: TableMapping;
}

export type ParsedTable = TasksTable | ProjectsTable;

/** A row of either kind of table. */
export type AnyRecord = TaskRecord | ProjectRecord;

/** The role of one column of an input table (docs/MODEL.md, "Column roles"). */
export const COLUMN_ROLES = [
  'no', 'category', 'item', 'content', 'task', 'leaders', 'leadUnits', 'relatedUnits', 'units-first-leads',
  'deadline', 'milestones', 'target', 'unit-of-measure', 'note', 'unknown',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** What a table's header was read as: per column its role, and whether that role was guessed. */
export interface TableMapping {
  /** `indicators` tables (指标名称 | 目标值 | 单位) are read as tasks records with target and unitOfMeasure. */
  kind: TableKind | 'indicators';
  columns: { header: string; role: ColumnRole; guessed?: boolean; confirmed?: boolean }[];
  /** `separate`: lead and related units in their own columns; `first-leads`: one column, the first unit leads. */
  units: 'separate' | 'first-leads';
  /** `table` (a grid), `list` (numbered paragraphs with labelled lines). */
  form: 'table' | 'list';
}

export interface Notice {
  number: string | null;
  title: string | null;
  /** ISO date */
  date: string | null;
  /** Body paragraphs of the 通知 when present (added field; used for the cover page on export). */
  body?: string[];
  /** 发文机关 (issuing body), when found (added field). */
  issuer?: string;
  /** The city or county the notice comes from (太仓市, 广州市, 某某区), when found (added field). */
  city?: string;
}

/** One change the normaliser made. `row` is the record index within the table (0-based). */
export interface Fix {
  table: number;
  row: number;
  field: string;
  from: string;
  to: string;
  rule: string;
}

export type Severity = 'error' | 'warning' | 'info';

export type MatchReason = 'exact' | 'normalised' | 'alias' | 'abbreviation' | 'homophone' | 'near-form' | 'split' | 'joined';

export interface Suggestion {
  value: string;
  score: number;
  reason: MatchReason;
  certain?: boolean;
}

/** An expected problem, as data. `code` is stable; `message` is zh-CN, `messageEn` English. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  messageEn?: string;
  table?: number;
  row?: number;
  field?: string;
  value?: string;
  /** Workbook cell address such as '主要工作'!E12, when known. */
  cell?: string;
  suggestions?: Suggestion[];
}

export interface ParseResult {
  source: string;
  notice: Notice;
  tables: ParsedTable[];
  fixes: Fix[];
  warnings: Finding[];
}
