/**
 * One unit's workbook: its tasks with its role, only the tracking columns editable (the sheet is
 * protected), instructions in the first rows, and unit + year + source in the state sheet.
 */
import type { ParsedTable, ProjectRecord, TableKind, TaskRecord } from '../model/records.model';
import { STATUSES } from '../model/records.model';
import { columnLetter } from '../sheet/a1';
import type { CellValue } from '../sheet/cell-value';
import type { CellStylePlan, ColumnPlan, SheetPlan, WorkbookPlan } from '../workbook/plan.model';
import type { ConditionalFormatPlan } from '../sheet/sheet-style';
import { recordCell } from '../workbook/record-cells';
import { fitLeadersColumn, recordColumns, REPORT_COLUMNS, TABLE_NAMES } from '../workbook/record-columns';
import { addedColumnsFor } from '../workbook/added-columns';
import { SHEET_NAMES } from '../sheet/sheet-names';
import { OVERDUE_FONT, STATUS_FILLS } from '../workbook/record-sheet.planner';
import { planStateSheet } from '../workbook/state-sheet';
import { PLAN_VERSION } from '../workbook/workbook.planner';
import { splitDigest } from './collect-trust.rules';
import { fingerprint, SPLIT_STATE_KEY, type SplitBaseline, type SplitInfo } from './split-state';
import type { UnitAssignment, UnitRole } from './unit-assign';

type AnyRecord = TaskRecord | ProjectRecord;

export const ROLE_COLUMN: ColumnPlan = { key: 'role', header: '本单位职责', width: 10, kind: 'text' };

export interface SplitMeta {
  /** File name of the workbook being split. */
  source: string;
  /** ISO timestamp recorded in the unit files. */
  createdAt: string;
  /** The split's identity (planSplitFiles makes one). */
  splitId?: string;
}

interface UnitRow {
  record: AnyRecord;
  role: UnitRole;
  year: number | null;
}

function instructions(unit: string, kind: TableKind, year: number | null, rows: UnitRow[], meta: SplitMeta): string[] {
  const lead = rows.filter((r) => r.role === '牵头').length;
  const what = kind === 'tasks' ? '政府各项主要工作分解落实表' : '民生实事项目情况表';
  return [
    `${year ?? ''}${year ? '年' : ''}${what} — ${unit}（共 ${rows.length} 项：牵头 ${lead} 项，配合 ${rows.length - lead} 项）`,
    '填报说明：只需填写“进展状态、完成进度、完成时限、最新进展、更新日期”五列，其余列已保护，请勿修改、增删行或改动编号。',
    '进展状态从下拉列表选择；完成进度填 0%–100%；日期按 yyyy-mm-dd 填写。存在问题、下步打算按本期情况填写；需延期的填“申请延期至”和“延期理由”，已办结的填“办结说明”（由督查室审核后生效）。填好后保存，按原文件名交回。',
    `Fill in only the five tracking columns; the rest is protected. 来源 Source: ${meta.source}；生成 Created: ${meta.createdAt}`,
  ];
}

function trackingFormats(columns: Record<string, string>, lastCol: string, first: number, last: number): ConditionalFormatPlan[] {
  const { status, deadline, progress } = columns;
  const rules: ConditionalFormatPlan[] = STATUSES.map((s) => ({ kind: 'equals' as const, range: `${status}${first}:${status}${last}`, value: s, fill: { color: STATUS_FILLS[s] } }));
  const overdue = `AND($${deadline}${first}<>"",$${deadline}${first}<TODAY(),$${status}${first}<>"已完成")`;
  rules.push({ kind: 'expression', range: `A${first}:${lastCol}${last}`, formula: overdue, font: { color: OVERDUE_FONT, bold: true } });
  rules.push({ kind: 'dataBar', range: `${progress}${first}:${progress}${last}`, color: '#5B9BD5', min: 0, max: 1 });
  return rules;
}

function planUnitSheet(unit: string, kind: TableKind, rows: UnitRow[], meta: SplitMeta): SheetPlan {
  const year = rows[0]?.year ?? null;
  const added = addedColumnsFor(kind, rows.map((r) => r.record));
  const columns = fitLeadersColumn([{ ...ROLE_COLUMN }, ...recordColumns(kind, year, { added }), ...REPORT_COLUMNS.map((c) => ({ ...c }))], rows.map((r) => r.record.leaders));
  const letters: Record<string, string> = {};
  columns.forEach((c, i) => (letters[c.key] = columnLetter(i + 1)));
  const preamble = instructions(unit, kind, year, rows, meta);
  const cells: CellValue[][] = rows.map((r) => columns.map((c) => (c.key === 'role' ? r.role : recordCell(r.record, c.key, r.record.id ?? '', r.year))));
  const first = preamble.length + 2;
  const last = Math.max(first + rows.length - 1, first);
  const lastCol = columnLetter(columns.length);
  return {
    name: kind === 'tasks' ? SHEET_NAMES.tasks : SHEET_NAMES.projects,
    role: kind,
    preamble,
    table: { name: TABLE_NAMES[kind], style: 'TableStyleMedium2' },
    columns,
    rows: cells,
    freeze: { rows: 1, cols: 2 },
    validations: [{ range: `${letters.status}${first}:${letters.status}${last}`, list: [...STATUSES], strict: true }],
    conditionalFormats: trackingFormats(letters, lastCol, first, last),
    cellStyles: markFillIn(columns, first - 1),
    protect: true,
  };
}

/** Fill colour of the header cells a unit fills in (the rest of the sheet is protected). */
export const FILL_IN_FILL = '#FFE699';

/** The header cells of the columns a unit fills in: a fill colour and a note, so they are seen before typing. */
function markFillIn(columns: ColumnPlan[], headerRow: number): CellStylePlan[] {
  return columns.flatMap((c, i) =>
    c.editable ? [{ range: `${columnLetter(i + 1)}${headerRow}`, fill: { color: FILL_IN_FILL }, font: { bold: true }, note: `请填写本列（${c.header}）：本表只有黄色表头的列可以编辑。` }] : [],
  );
}

/** What a unit's file is sent with, per task id: its protected fields' fingerprint and tracking values (also the office's sent record). */
export function unitBaseline(tables: ParsedTable[], assignment: UnitAssignment, fingerprints?: Map<AnyRecord, string>): Record<string, SplitBaseline> {
  const baseline: Record<string, SplitBaseline> = {};
  for (const a of assignment.rows) {
    const record = tables[a.table].rows[a.row] as AnyRecord;
    if (record.id) baseline[record.id] = { fp: fingerprints?.get(record) ?? fingerprint(record), tracking: { ...(record.tracking ?? {}) } };
  }
  return baseline;
}

/** The plan of one unit's workbook. Records must carry ids (a fenjie workbook's records do). */
export function planUnitWorkbook(tables: ParsedTable[], assignment: UnitAssignment, meta: SplitMeta, fileName?: string): WorkbookPlan {
  const byKind: Record<TableKind, UnitRow[]> = { tasks: [], projects: [] };
  for (const a of assignment.rows) {
    const table = tables[a.table];
    byKind[table.kind].push({ record: table.rows[a.row] as AnyRecord, role: a.role, year: table.year });
  }
  const baseline = unitBaseline(tables, assignment);
  const sheets: SheetPlan[] = (['tasks', 'projects'] as const).filter((k) => byKind[k].length > 0).map((k) => planUnitSheet(assignment.unit, k, byKind[k], meta));
  const years = [...new Set(tables.map((t) => t.year))];
  const year = years.length === 1 ? years[0] : null;
  const split: SplitInfo = { unit: assignment.unit, year, source: meta.source, createdAt: meta.createdAt, baseline, ...(meta.splitId ? { splitId: meta.splitId } : {}), ...(fileName ? { file: fileName } : {}) };
  split.digest = splitDigest(split);
  const stateTables = sheets.map((s, i) => ({ table: i, kind: s.role as TableKind, sheet: s.name, title: tables.find((t) => t.kind === s.role)?.title ?? null, year, source: meta.source }));
  sheets.push(planStateSheet({ app: 'fenjie', planVersion: PLAN_VERSION, tables: stateTables, [SPLIT_STATE_KEY]: split }));
  return { version: PLAN_VERSION, sheets };
}
