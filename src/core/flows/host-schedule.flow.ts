/**
 * The open workbook kept as `fenjie round` writes it, after each round action in the pane (新一期填报,
 * 收回填报, 同意/不同意): the task sheets get the computed 序时 columns (序时状态, 偏差（百分点）, 预警)
 * in place — after the last used column the first time, where they are afterwards — with their
 * 预警 conditional formats redrawn, not piled up; 统计 (with its 序时状态 block) and the round's
 * sheets (进展情况汇总表, 进展记录, 延期办结申请, 督查设置, 未报送) are drawn anew. Only fenjie's
 * computed cells and sheets are written: no cell a user types into is touched.
 */
import { planToOps } from '../host/plan-to-ops';
import type { TableKind } from '../model/records.model';
import { columnLetter, columnNumber } from '../sheet/a1';
import { TEXT_FORMAT } from '../sheet/cell-value';
import { SHEET_NAMES } from '../sheet/sheet-names';
import type { WriteOp } from '../sheet/write-op';
import type { ProgressReport } from '../supervision/progress-report.builder';
import { scheduleColumnsOf } from '../supervision/supervision-sheets.planner';
import type { SupervisionState } from '../supervision/supervision.model';
import type { AnyRecord } from '../workbook/record-cells';
import { planScheduleFormats, scheduleCell, scheduleColumnPlans, type ScheduleColumnsInput } from '../workbook/schedule-columns.planner';
import { planStatsSheet, type StatsSource } from '../workbook/stats-sheet.planner';
import type { SheetTables } from './host-records.flow';
import { planRoundWorkbook, type MasterWorkbook } from './round.flow';

/** The sheets a round computes from the records and the state alone: redrawn, never edited by hand. */
const ROUND_SHEETS = new Set<string>([SHEET_NAMES.progressSummary, SHEET_NAMES.progressHistory, SHEET_NAMES.roundRequests, SHEET_NAMES.supervisionSettings, SHEET_NAMES.unreported]);

export interface HostScheduleInput extends MasterWorkbook {
  /** Where each record sits in the open workbook (readHostRecords). */
  data: SheetTables;
}

export interface HostScheduleOptions {
  /** The sheets in the workbook now: the computed ones among them are replaced. */
  existingSheets: string[];
  /** The sheet to leave active (the user's). */
  active?: string;
  /** ISO date for 统计's cached overdue counts (default: the measuring date). */
  today?: string;
}

export interface HostSchedule {
  ops: WriteOp[];
  report: ProgressReport;
  /** The computed sheets drawn anew. */
  sheets: string[];
}

type Letters = Record<string, string>;

/** The 序时 columns' letters on a sheet: where they are, else after the last used column. */
function scheduleLetters(columns: Letters, lastColumn: number): { letters: Letters; added: boolean } {
  const plans = scheduleColumnPlans();
  if (plans.every((c) => columns[c.key])) return { letters: Object.fromEntries(plans.map((c) => [c.key, columns[c.key]])), added: false };
  return { letters: Object.fromEntries(plans.map((c, i) => [c.key, columnLetter(lastColumn + 1 + i)])), added: true };
}

/** One record sheet's 序时 cells: header (when new), formats, values per table, the 预警 rules redrawn. */
function recordSheetOps(input: HostScheduleInput, sheet: string, letters: Letters, added: boolean, schedule: ScheduleColumnsInput): WriteOp[] {
  const tables = input.data.layout.tables.filter((t) => t.sheet === sheet && t.rows > 0);
  const headerRow = input.data.frames?.[sheet]?.headerRow;
  if (tables.length === 0 || !headerRow) return [];
  const plans = scheduleColumnPlans();
  const firstRow = Math.min(...tables.map((t) => t.firstRow));
  const lastRow = Math.max(...tables.map((t) => t.firstRow + t.rows - 1));
  const ops: WriteOp[] = [];
  if (added) {
    ops.push({ op: 'writeValues', sheet, start: `${letters.scheduleStatus}${headerRow}`, values: [plans.map((c) => c.header)] });
    ops.push({ op: 'setFormat', sheet, range: `${letters.scheduleStatus}${headerRow}:${letters.scheduleColour}${headerRow}`, format: { font: { bold: true }, wrap: true } });
  }
  for (const c of plans) {
    const column = `${letters[c.key]}${firstRow}:${letters[c.key]}${lastRow}`;
    ops.push({ op: 'setFormat', sheet, range: column, format: { columnWidth: c.width, numberFormat: c.numberFormat ?? TEXT_FORMAT } });
    ops.push({ op: 'clearConditionalFormats', sheet, range: column });
  }
  for (const t of tables) {
    const records = input.result.tables[t.table].rows as AnyRecord[];
    for (const c of plans) ops.push({ op: 'writeValues', sheet, start: `${letters[c.key]}${t.firstRow}`, values: records.map((r) => [scheduleCell(r, c.key, schedule)]) });
  }
  for (const rule of planScheduleFormats(letters, lastRow, schedule.fills, firstRow)) ops.push({ op: 'addConditionalFormat', sheet, rule });
  return ops;
}

/**
 * The one batch that brings the open workbook's computed 序时 cells and round sheets up to date,
 * measured at `date`; `input` is the workbook as read (records, positions) with the flow's changes
 * (merged returns, decided requests) and `supervision` the state the flow leaves.
 */
export function planHostSchedule(input: HostScheduleInput, supervision: SupervisionState, date: string, options: HostScheduleOptions): HostSchedule {
  const { plan, report } = planRoundWorkbook(input, supervision, date);
  const schedule = scheduleColumnsOf(report);
  const ops: WriteOp[] = [];
  const sources: Partial<Record<TableKind, StatsSource>> = {};
  for (const [sheet, columns] of Object.entries(input.data.layout.columns)) {
    const used = Math.max(input.data.frames?.[sheet]?.lastColumn ?? 0, ...Object.values(columns).map(columnNumber));
    const { letters, added } = scheduleLetters(columns, used);
    for (const op of recordSheetOps(input, sheet, letters, added, schedule)) ops.push(op);
    const tables = input.data.layout.tables.filter((t) => t.sheet === sheet);
    const kind = tables[0]?.kind;
    if (kind && !sources[kind]) sources[kind] = { sheet, columns: { ...columns, ...letters }, records: tables.flatMap((t) => input.result.tables[t.table].rows as AnyRecord[]), schedule };
  }
  const sheets = [planStatsSheet(sources.tasks ?? null, sources.projects ?? null, options.today ?? date), ...plan.sheets.filter((s) => ROUND_SHEETS.has(s.name))];
  // Deleted before they are drawn again: their tables' names must be free (the task sheets stay, so a sheet stays visible).
  const names = new Set(sheets.map((s) => s.name.toLowerCase()));
  for (const sheet of options.existingSheets) if (names.has(sheet.toLowerCase())) ops.push({ op: 'deleteSheet', sheet });
  for (const op of planToOps({ version: plan.version, sheets }, options.active ? { activate: options.active } : {})) ops.push(op);
  return { ops, report, sheets: sheets.map((s) => s.name) };
}
