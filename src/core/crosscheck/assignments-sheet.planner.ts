/** 分工明细, 单位工作量 and 领导单位矩阵 as sheet plans (appended by the workbook planner as extra sheets). */
import { SHEET_NAMES } from '../sheet/sheet-names';
import type { ParsedTable } from '../model/records.model';
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import { columnLetter } from '../sheet/a1';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { RegistryIndex } from '../registry/registry-index.builder';
import { buildAssignments, buildLeaderUnitMatrix, type AssignmentReport } from './assignments';

export const ASSIGNMENT_SHEETS = { detail: SHEET_NAMES.assignmentDetail, load: SHEET_NAMES.assignmentLoad, matrix: SHEET_NAMES.assignmentMatrix } as const;

const DETAIL_COLUMNS: ColumnPlan[] = [
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'year', header: '年度', width: 7, kind: 'number', numberFormat: '0' },
  { key: 'sheet', header: '表', width: 9, kind: 'text' },
  { key: 'category', header: '门类', width: 18, kind: 'text', wrap: true },
  { key: 'title', header: '项目', width: 24, kind: 'text', wrap: true },
  { key: 'unit', header: '单位', width: 16, kind: 'text' },
  { key: 'role', header: '角色', width: 7, kind: 'text' },
  { key: 'leaders', header: '负责人', width: 16, kind: 'text' },
  { key: 'status', header: '进展状态', width: 10, kind: 'text' },
  { key: 'deadline', header: '完成时限', width: 12, kind: 'text' },
  { key: 'overdue', header: '逾期', width: 6, kind: 'text' },
];

const LOAD_COLUMNS: ColumnPlan[] = [
  { key: 'unit', header: '单位', width: 18, kind: 'text' },
  { key: 'lead', header: '牵头任务', width: 9, kind: 'number' },
  { key: 'related', header: '配合任务', width: 9, kind: 'number' },
  { key: 'open', header: '未完成', width: 8, kind: 'number' },
  { key: 'overdue', header: '逾期', width: 6, kind: 'number' },
  { key: 'note', header: '备注', width: 28, kind: 'text', wrap: true },
];

function detailSheet(report: AssignmentReport): SheetPlan {
  const rows: CellValue[][] = report.assignments.map((a) => [a.id, a.year, a.kind === 'tasks' ? '主要工作' : '民生实事', a.category, a.title, a.unit, a.role, a.leaders.join('、'), a.status, a.deadline, a.overdue ? '是' : '']);
  const last = rows.length + 1;
  const plan = planListSheet({ name: ASSIGNMENT_SHEETS.detail, role: 'assignments', columns: DETAIL_COLUMNS, rows, table: '分工明细表', freezeCols: 1 });
  if (rows.length) {
    plan.conditionalFormats = [
      { kind: 'equals', range: `G2:G${last}`, value: '牵头', font: { bold: true } },
      { kind: 'equals', range: `K2:K${last}`, value: '是', fill: { color: '#FFC7CE' }, font: { color: '#9C0006' } },
    ];
  }
  return plan;
}

function loadSheet(report: AssignmentReport): SheetPlan {
  const rows: CellValue[][] = report.units.map((u) => [u.unit, u.lead, u.related, u.open, u.overdue, u.inRegistry ? '' : '不在名录']);
  for (const unit of report.idleUnits) rows.push([unit, 0, 0, 0, 0, '名录中有，本表无任务']);
  if (report.noLeadUnit.length) rows.push(['（无牵头单位）', report.noLeadUnit.length, 0, 0, 0, report.noLeadUnit.join('、')]);
  const last = rows.length + 1;
  const plan = planListSheet({ name: ASSIGNMENT_SHEETS.load, role: 'assignments', columns: LOAD_COLUMNS, rows, table: '单位工作量表', freezeCols: 1 });
  if (rows.length) {
    plan.conditionalFormats = [
      { kind: 'dataBar', range: `B2:B${last}`, color: '#5B9BD5' },
      { kind: 'dataBar', range: `C2:C${last}`, color: '#A9D08E' },
      { kind: 'expression', range: `E2:E${last}`, formula: 'E2>0', fill: { color: '#FFC7CE' } },
    ];
  }
  return plan;
}

function matrixSheet(report: AssignmentReport): SheetPlan {
  const m = buildLeaderUnitMatrix(report);
  const columns: ColumnPlan[] = [{ key: 'leader', header: '负责人', width: 10, kind: 'text' }, ...m.units.map((u, i) => ({ key: `unit${i + 1}`, header: u, width: Math.max(6, [...u].length * 2 + 1), kind: 'number' as const }))];
  const rows: CellValue[][] = m.leaders.map((l, i) => [l, ...m.counts[i].map((n) => (n === 0 ? null : n))]);
  const preamble = ['领导 × 牵头单位：数字为该领导负责、该单位牵头的任务数（泛指单位不计）'];
  const plan: SheetPlan = { name: ASSIGNMENT_SHEETS.matrix, role: 'matrix', preamble, columns, rows, freeze: { rows: 2, cols: 1 } };
  if (rows.length && m.units.length) {
    const first = preamble.length + 2;
    plan.conditionalFormats = [{ kind: 'colorScale', range: `B${first}:${columnLetter(m.units.length + 1)}${first + rows.length - 1}`, minColor: '#FFFFFF', midColor: '#FFEB84', maxColor: '#F8696B' }];
  }
  return plan;
}

export interface AssignmentSheetOptions {
  /** ISO date for 逾期 (deadline passed and not 已完成). */
  today: string;
  index?: RegistryIndex;
}

/** 分工明细, 单位工作量 and 领导单位矩阵. */
export function buildAssignmentSheets(tables: ParsedTable[], options: AssignmentSheetOptions): SheetPlan[] {
  const report = buildAssignments(tables, options.today, options.index);
  return [detailSheet(report), loadSheet(report), matrixSheet(report)];
}
