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
}

export interface TaskRecord extends RecordBase {
  item: string;
  content: string;
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
}

export interface ProjectsTable {
  kind: 'projects';
  title: string | null;
  year: number | null;
  rows: ProjectRecord[];
}

export type ParsedTable = TasksTable | ProjectsTable;

/** A row of either kind of table. */
export type AnyRecord = TaskRecord | ProjectRecord;

export interface Notice {
  number: string | null;
  title: string | null;
  /** ISO date */
  date: string | null;
  /** Body paragraphs of the 通知 when present (added field; used for the cover page on export). */
  body?: string[];
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
