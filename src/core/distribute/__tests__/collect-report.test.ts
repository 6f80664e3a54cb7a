/** Issue 11 defects 8 and 16: the 汇总记录 sheet in words a clerk reads, with every value and unit it concerns. */
import type { ParsedTable, TaskRecord } from '../../model/records.model';
import { decodeStateCells } from '../../sheet/workbook-state';
import type { WorkbookPlan } from '../../workbook/plan.model';
import { makeProjectsTable, makeTasksTable } from '../../export/__tests__/export-fixtures';
import { mergeReturns } from '../../flows/collect.flow';
import { assignUnits, namedUnits } from '../unit-assign';
import { planUnitWorkbook } from '../split.planner';
import { collectTracking, type UnitReturn } from '../collect.merger';
import { planCollectSheet } from '../collect-report.planner';

function master(): ParsedTable[] {
  const tasks = makeTasksTable();
  tasks.rows.forEach((r, i) => (r.id = `2023-T-00${i + 1}`));
  tasks.rows[1].tracking = { status: '推进中', progress: 40 };
  const projects = makeProjectsTable();
  projects.rows.forEach((r, i) => (r.id = `2023-P-00${i + 1}`));
  return [tasks, projects];
}

function stateOf(plan: WorkbookPlan): Record<string, unknown> {
  const sheet = plan.sheets.find((s) => s.role === 'state');
  return decodeStateCells(sheet?.preamble ?? []) as Record<string, unknown>;
}

function unitReturn(tables: ParsedTable[], unit: string, edit: (r: TaskRecord) => void): UnitReturn {
  const assignment = assignUnits(tables).find((a) => a.unit === unit);
  if (!assignment) throw new Error(`no unit ${unit}`);
  const plan = planUnitWorkbook(tables, assignment, { source: 'master.xlsx', createdAt: '2023-03-01T08:00:00Z' });
  const rows = assignment.rows.map((a) => JSON.parse(JSON.stringify(tables[a.table].rows[a.row])) as TaskRecord);
  rows.forEach(edit);
  return { fileName: `${unit}.xlsx`, state: stateOf(plan), tables: [{ ...tables[0], rows }] as ParsedTable[] };
}

const OPTIONS = (tables: ParsedTable[]) => ({ year: 2023, knownUnits: namedUnits(tables) });
type Row = Record<string, unknown>;

function rowsOf(sheet: ReturnType<typeof planCollectSheet>): Row[] {
  return sheet.rows.map((r) => Object.fromEntries(sheet.columns.map((c, i) => [c.header, r[i]])));
}

describe('汇总记录 (issue 11)', () => {
  it('defect 16: progress is shown with % (regression: 40 → 20 without %)', () => {
    const tables = master();
    const ret = unitReturn(tables, '财政局', (r) => r.id === '2023-T-002' && (r.tracking = { status: '推进中', progress: 20 }));
    const [row] = rowsOf(planCollectSheet(collectTracking(tables, [ret], OPTIONS(tables))));
    expect(row).toMatchObject({ 字段: '完成进度', 原值: '40%', '新值 / 填报值': '20%' });
  });

  it('defect 16: a conflict row names its files and units and shows the value kept (regression: 文件/单位/原值 empty)', () => {
    const tables = master();
    tables[0].rows[3].tracking = { progress: 10 };
    const a = unitReturn(tables, '商务局', (r) => r.id === '2023-T-004' && (r.tracking = { progress: 30 }));
    const b = unitReturn(tables, '资规局', (r) => r.id === '2023-T-004' && (r.tracking = { progress: 50 }));
    const result = collectTracking(tables, [a, b], OPTIONS(tables));
    const [row] = rowsOf(planCollectSheet(result));
    expect(row).toMatchObject({ 类型: '填报冲突', 文件: '商务局.xlsx、资规局.xlsx', 单位: '商务局（牵头）、资规局（牵头）', 原值: '10%', '新值 / 填报值': '商务局（牵头）：30%\n资规局（牵头）：50%' });
    expect(result.findings[0].message).toContain('30%');
  });

  it('defect 16: a protected change shows what the text was', () => {
    const tables = master();
    const ret = unitReturn(tables, '财政局', (r) => r.id === '2023-T-002' && (r.content = '增长10%'));
    const [row] = rowsOf(planCollectSheet(collectTracking(tables, [ret], OPTIONS(tables))));
    expect(row).toMatchObject({ 类型: '改动了受保护的列', 原值: '增长6%左右', '新值 / 填报值': '增长10%' });
  });

  it('defect 16: a 配合 unit’s status is applied with its role and flagged for the lead unit (regression: it became the task status unmarked)', () => {
    const tables = master();
    const ret = unitReturn(tables, '高新区', (r) => r.id === '2023-T-005' && (r.tracking = { status: '已完成' }));
    const result = collectTracking(tables, [ret], OPTIONS(tables));
    expect(result.applied).toEqual([expect.objectContaining({ id: '2023-T-005', unit: '高新区', role: '配合' })]);
    const [row] = rowsOf(planCollectSheet(result));
    expect(row).toMatchObject({ 类型: '已采用', 级别: '注意', 单位: '高新区（配合）' });
    expect(String(row['说明'])).toContain('配合单位');
    // a lead unit's report is plainly applied
    const lead = unitReturn(tables, '政府办', (r) => r.id === '2023-T-005' && (r.tracking = { status: '推进中' }));
    expect(rowsOf(planCollectSheet(collectTracking(tables, [lead], OPTIONS(tables))))[0]).toMatchObject({ 级别: '已采用', 单位: '政府办（牵头）' });
  });

  it('defect 16: an unreadable file is counted among the files (regression: 文件 1 个 for two files)', () => {
    const tables = master();
    const ret = unitReturn(tables, '财政局', (r) => r.id === '2023-T-002' && (r.tracking = { status: '滞后' }));
    const result = mergeReturns(tables, [ret], [{ code: 'collect-unreadable', severity: 'error', message: 'bad.xlsx 无法读取', file: 'bad.xlsx' }]);
    expect(result.files.map((f) => [f.file, f.accepted])).toEqual([
      ['bad.xlsx', false],
      ['财政局.xlsx', true],
    ]);
    expect(planCollectSheet(result).preamble?.[0]).toContain('文件 2 个（接受 1 个');
  });

  it('defect 8: 类型 is a label and the code sits in the last column 代码 (regression: collect-conflict / applied shown)', () => {
    const tables = master();
    const ret = unitReturn(tables, '财政局', (r) => r.id === '2023-T-002' && (r.tracking = { status: '滞后', progress: 40 }));
    const sheet = planCollectSheet(mergeReturns(tables, [ret], [{ code: 'collect-unreadable', severity: 'error', message: 'bad.xlsx 无法读取', file: 'bad.xlsx' }]));
    expect(sheet.columns[sheet.columns.length - 1].header).toBe('代码');
    const people = sheet.rows.map((r) => r.slice(0, -1).join('|'));
    for (const text of people) expect(text).not.toMatch(/collect-|applied|\b(status|progress|content)\b/);
    expect(sheet.rows.map((r) => r[r.length - 1])).toEqual(['collect-unreadable', 'collect-applied']);
  });
});
