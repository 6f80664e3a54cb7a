/**
 * The sheets a round adds to the workbook: 进展情况汇总表 (one row per task, sorted the way a 通报
 * lists them, coloured by 三色), 进展记录 (every report of every round, never overwritten), 未报送
 * (units whose return has not come back, with their tasks) and 督查设置 (the scheme's thresholds).
 */
import type { CellValue } from '../sheet/cell-value';
import { SHEET_NAMES } from '../sheet/sheet-names';
import type { ConditionalFormatPlan } from '../sheet/sheet-style';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { ScheduleColumnsInput } from '../workbook/schedule-columns.planner';
import type { MissingUnit, ProgressReport, ReportRow } from './progress-report.builder';
import { SCHEDULE_STATUSES, type ProgressEntry, type RoundRequest, type SupervisionSettings } from './supervision.model';

const COLOURS = { 红: '#F8CBAD', 黄: '#FFE699', 绿: '#C6EFCE', 蓝: '#BDD7EE' } as const;
/**
 * The record sheets' computed 序时 columns from the round's figures: each task's status, gap and
 * colour by its id, the scheme's statuses for 统计, and the 三色 fills.
 */
export function scheduleColumnsOf(report: ProgressReport): ScheduleColumnsInput {
  const byId = new Map(report.rows.filter((r) => r.id).map((r) => [r.id, { status: r.verdict.status, gap: r.verdict.gap, colour: r.verdict.colour }]));
  return { cellsOf: (record) => byId.get(record.id ?? '') ?? null, statuses: SCHEDULE_STATUSES, fills: COLOURS };
}

const STATUS_ORDER = { 慢于序时: 0, 未启动: 1, 按序时: 2, 超序时: 3, 已完成: 4 } as const;

const SUMMARY_COLUMNS: ColumnPlan[] = [
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'category', header: '门类', width: 14, kind: 'text', wrap: true },
  { key: 'title', header: '任务', width: 48, kind: 'text', wrap: true },
  { key: 'leadUnits', header: '牵头单位', width: 16, kind: 'text', wrap: true },
  { key: 'leaders', header: '责任领导', width: 10, kind: 'text', wrap: true },
  { key: 'deadline', header: '完成时限', width: 12, kind: 'date' },
  { key: 'actual', header: '完成进度', width: 10, kind: 'percent' },
  { key: 'expected', header: '序时进度', width: 10, kind: 'percent' },
  { key: 'gap', header: '差距（百分点）', width: 12, kind: 'number' },
  { key: 'status', header: '序时状态', width: 10, kind: 'text' },
  { key: 'colour', header: '预警', width: 6, kind: 'text' },
  { key: 'latest', header: '最新进展', width: 40, kind: 'text', wrap: true },
];

function compareForBulletin(a: ReportRow, b: ReportRow): number {
  return STATUS_ORDER[a.verdict.status] - STATUS_ORDER[b.verdict.status] || (a.verdict.gap ?? -a.verdict.expected) - (b.verdict.gap ?? -b.verdict.expected) || a.id.localeCompare(b.id);
}

function colourFormats(column: string, rows: number, firstRow: number): ConditionalFormatPlan[] {
  const range = `A${firstRow}:L${firstRow + Math.max(rows, 1) - 1}`;
  return (Object.keys(COLOURS) as (keyof typeof COLOURS)[]).map((c) => ({ kind: 'expression', range, formula: `$${column}${firstRow}="${c}"`, fill: { color: COLOURS[c] } }));
}

/** 进展情况汇总表: the period's progress, 序时 status and gap per task. */
export function planProgressSummarySheet(report: ProgressReport): SheetPlan {
  const rows: CellValue[][] = [...report.rows].sort(compareForBulletin).map((r) => [
    r.id, r.category, r.title, r.leadUnits.join('、'), r.leaders.join('、'), { date: r.verdict.deadline },
    r.verdict.actual === null ? null : r.verdict.actual / 100, r.verdict.expected / 100, r.verdict.gap, r.verdict.status, r.verdict.colour, r.latest,
  ]);
  const label = report.round ? `${report.round.label}（第${report.round.no}期）` : '';
  const preamble = [`${report.year}年重点任务进展情况汇总表 ${label}，序时进度测算日：${report.date}`];
  const plan = planListSheet({ name: SHEET_NAMES.progressSummary, role: 'other', preamble, columns: SUMMARY_COLUMNS, rows, table: '进展汇总表' });
  // The table's header is on row preamble + 1; data starts one below it.
  plan.conditionalFormats = colourFormats('K', rows.length, preamble.length + 2);
  return plan;
}

const HISTORY_COLUMNS: ColumnPlan[] = [
  { key: 'round', header: '期次', width: 6, kind: 'number' },
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'unit', header: '填报单位', width: 16, kind: 'text' },
  { key: 'status', header: '进展状态', width: 10, kind: 'text' },
  { key: 'progress', header: '完成进度', width: 10, kind: 'percent' },
  { key: 'latest', header: '本期进展', width: 48, kind: 'text', wrap: true },
  { key: 'recorded', header: '记录日期', width: 12, kind: 'date' },
  { key: 'file', header: '来源文件', width: 24, kind: 'text' },
];

/** 进展记录: one row per task per round and unit. */
export function planHistorySheet(history: ProgressEntry[]): SheetPlan {
  const rows: CellValue[][] = history.map((h) => [h.round, h.id, h.unit, h.status, h.progress === null ? null : h.progress / 100, h.latest, { date: h.recorded }, h.file]);
  return planListSheet({ name: SHEET_NAMES.progressHistory, role: 'other', columns: HISTORY_COLUMNS, rows, table: '进展记录表' });
}

/** 未报送: units that have not reported in the round, with their open tasks. */
export function planUnreportedSheet(missing: MissingUnit[], roundLabel: string): SheetPlan {
  const columns: ColumnPlan[] = [
    { key: 'unit', header: '单位', width: 20, kind: 'text' },
    { key: 'count', header: '任务数', width: 8, kind: 'number' },
    { key: 'tasks', header: '任务编号', width: 60, kind: 'text', wrap: true },
  ];
  const rows: CellValue[][] = missing.map((m) => [m.unit, m.tasks.length, m.tasks.join('、')]);
  return planListSheet({ name: SHEET_NAMES.unreported, role: 'other', preamble: [`${roundLabel} 未报送单位 ${missing.length} 个`], columns, rows, table: '未报送表' });
}

const REQUEST_STATUS = { pending: '待审核', accepted: '已同意', rejected: '未同意' } as const;

/** 延期办结申请: every request of every round with its decision (status changes only on acceptance). */
export function planRequestsSheet(requests: RoundRequest[]): SheetPlan {
  const columns: ColumnPlan[] = [
    { key: 'id', header: '申请编号', width: 10, kind: 'text' },
    { key: 'round', header: '期次', width: 6, kind: 'number' },
    { key: 'task', header: '任务编号', width: 12, kind: 'text' },
    { key: 'unit', header: '单位', width: 16, kind: 'text' },
    { key: 'kind', header: '类型', width: 8, kind: 'text' },
    { key: 'to', header: '申请延期至', width: 12, kind: 'date' },
    { key: 'reason', header: '理由 / 办结说明', width: 40, kind: 'text', wrap: true },
    { key: 'status', header: '审核结果', width: 10, kind: 'text' },
    { key: 'decided', header: '审核日期', width: 12, kind: 'date' },
  ];
  const rows: CellValue[][] = requests.map((r) => [r.id, r.round, r.task, r.unit, r.kind === 'delay' ? '延期' : '办结', r.to ? { date: r.to } : null, r.reason, REQUEST_STATUS[r.status], r.decided ? { date: r.decided } : null]);
  return planListSheet({ name: SHEET_NAMES.roundRequests, role: 'other', columns, rows, table: '延期办结申请表' });
}

const SETTING_LABELS: Record<keyof SupervisionSettings, string> = {
  redGapPp: '红色预警：落后序时（百分点）不少于',
  yellowDays: '黄色预警：距完成时限（天）不多于',
  tolerancePp: '按序时：落后不超过（百分点）',
  aheadPp: '超序时：领先不少于（百分点）',
  requirements: '通报“工作要求”段落',
  office: '发文单位',
  scheduleBy: '序时测算方式（months 按月，milestones 按时间节点）',
};

/** 督查设置: the thresholds of the status scheme, as the office reads them. */
export function planSettingsSheet(settings: SupervisionSettings): SheetPlan {
  const columns: ColumnPlan[] = [
    { key: 'label', header: '设置', width: 36, kind: 'text' },
    { key: 'value', header: '取值', width: 60, kind: 'text', wrap: true },
    { key: 'key', header: '代码', width: 14, kind: 'text' },
  ];
  const rows: CellValue[][] = (Object.keys(SETTING_LABELS) as (keyof SupervisionSettings)[]).map((k) => [SETTING_LABELS[k], settings[k], k]);
  return planListSheet({ name: SHEET_NAMES.supervisionSettings, role: 'other', columns, rows, table: '督查设置表' });
}
