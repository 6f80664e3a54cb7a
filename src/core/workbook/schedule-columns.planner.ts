/**
 * The computed 序时 columns of the record sheets once the workbook has a supervision round:
 * 序时状态, 偏差（百分点） and 预警, appended after every other column and coloured by the 三色
 * scheme. They are fenjie's figures, not a clerk's: the reader knows their headers and skips them,
 * and every rewrite recomputes them. The verdicts come from the supervision flows; this module
 * knows no schedule rule.
 */
import type { CellValue } from '../sheet/cell-value';
import type { ConditionalFormatPlan } from '../sheet/sheet-style';
import type { ColumnPlan } from './plan.model';
import type { AnyRecord } from './record-cells';

/** One record's verdict as the three cells show it. */
export interface ScheduleCells {
  status: string;
  /** Reported − expected progress in percentage points; null without a report. */
  gap: number | null;
  /** 红 / 黄 / 绿 / 蓝. */
  colour: string;
}

export interface ScheduleColumnsInput {
  /** The verdict of a record, or null when it has none. */
  cellsOf: (record: AnyRecord) => ScheduleCells | null;
  /** The scheme's statuses in order (统计 counts each). */
  statuses: readonly string[];
  /** Fill colour per 预警 label. */
  fills: Readonly<Record<string, string>>;
}

const SCHEDULE_COLUMNS: ColumnPlan[] = [
  { key: 'scheduleStatus', header: '序时状态', width: 10, kind: 'text' },
  { key: 'scheduleGap', header: '偏差（百分点）', width: 10, kind: 'number', numberFormat: '0.0' },
  { key: 'scheduleColour', header: '预警', width: 6, kind: 'text' },
];

/** Header (spaces removed) → key of the computed columns, for the reader. */
export const SCHEDULE_HEADER_KEYS: Readonly<Record<string, string>> = {
  序时状态: 'scheduleStatus',
  '偏差（百分点）': 'scheduleGap',
  '偏差(百分点)': 'scheduleGap',
  预警: 'scheduleColour',
};

const SCHEDULE_KEYS = new Set(SCHEDULE_COLUMNS.map((c) => c.key));

/** True for a computed column's key: never read as a record's value. */
export function isScheduleKey(key: string): boolean {
  return SCHEDULE_KEYS.has(key);
}

/** The three computed columns (copies), in their order. */
export function scheduleColumnPlans(): ColumnPlan[] {
  return SCHEDULE_COLUMNS.map((c) => ({ ...c }));
}

/** The columns with the computed ones appended (a copy; the others keep their order and letters). */
export function appendScheduleColumns(columns: ColumnPlan[]): ColumnPlan[] {
  return [...columns, ...scheduleColumnPlans()];
}

/** The value of a computed column for one record. */
export function scheduleCell(record: AnyRecord, key: string, input: ScheduleColumnsInput): CellValue {
  const cells = input.cellsOf(record);
  if (!cells) return null;
  if (key === 'scheduleStatus') return cells.status;
  if (key === 'scheduleGap') return cells.gap;
  return cells.colour;
}

/** Each computed cell filled by its row's 预警 (expression rules: the colour is read from the sheet). */
export function planScheduleFormats(columns: Record<string, string>, lastRow: number, fills: ScheduleColumnsInput['fills'], firstRow = 2): ConditionalFormatPlan[] {
  const first = columns.scheduleStatus;
  const colour = columns.scheduleColour;
  if (!first || !colour) return [];
  const range = `${first}${firstRow}:${colour}${lastRow}`;
  return Object.entries(fills).map(([label, color]) => ({ kind: 'expression' as const, range, formula: `$${colour}${firstRow}="${label.replace(/"/g, '""')}"`, fill: { color } }));
}
