import type { ParsedTable } from '../../model/records.model';
import { makeProjectsTable, makeTasksTable } from '../../export/__tests__/export-fixtures';
import { planSplit as planUnitWorkbooks } from '../split.flow';
import { planCollect as planCollectWorkbook } from '../collect.flow';
import { readSplitInfo } from '../../distribute/split-state';
import { decodeStateCells } from '../../sheet/workbook-state';
import { planRollover } from '../rollover.flow';

function master(): ParsedTable[] {
  const tasks = makeTasksTable();
  tasks.rows.forEach((r, i) => (r.id = `2023-T-00${i + 1}`));
  const projects = makeProjectsTable();
  projects.rows.forEach((r, i) => (r.id = `2023-P-00${i + 1}`));
  return [tasks, projects];
}

const notice = { number: null, title: null, date: null };

describe('planUnitWorkbooks', () => {
  it('yields one plan per unit with its file name and counts', () => {
    const plans = [...planUnitWorkbooks(master(), { source: 'm.xlsx', createdAt: 'now' })];
    const edu = plans.find((p) => p.unit === '教育局');
    expect(edu).toMatchObject({ fileName: '2023-教育局.xlsx', lead: 3, cooperate: 0 });
    const state = decodeStateCells(edu?.plan.sheets.find((s) => s.role === 'state')?.preamble ?? []);
    expect(readSplitInfo(state)?.unit).toBe('教育局');
  });
});

describe('planCollectWorkbook', () => {
  it('writes the merged records and a 汇总记录 sheet listing problems met before', () => {
    const { plan, collect } = planCollectWorkbook({ result: { source: 'm.xlsx', notice, tables: master(), fixes: [], warnings: [] }, state: {} }, [], [
      { code: 'collect-unreadable', severity: 'error', message: 'x.xlsx 无法读取', file: 'x.xlsx' },
    ]);
    expect(collect.findings.map((f) => f.code)).toEqual(['collect-unreadable']);
    const sheet = plan.sheets.find((s) => s.name === '汇总记录');
    // defect 8: 类型 in words, the code in the last column
    expect(sheet?.rows[0][0]).toBe('文件无法读取');
    expect(sheet?.rows[0][sheet.columns.length - 1]).toBe('collect-unreadable');
    // defect 16: the unreadable file is counted
    expect(collect.files).toEqual([{ file: 'x.xlsx', unit: null, accepted: false }]);
    expect(plan.sheets.find((s) => s.name === '主要工作')?.rows).toHaveLength(5);
  });
});

describe('planRollover', () => {
  it('writes next year’s sheets with the 上年编号 column and the changes in 修订记录', () => {
    const tables = master();
    tables[0].rows[0].tracking = { status: '已完成' };
    const { plan, rollover } = planRollover({ source: 'm.xlsx', notice, tables, fixes: [], warnings: [] }, {
      year: 2024,
      dropFinished: true,
      registry: { version: 1, leaders: [], units: [{ name: '资源规划局', aliases: ['资规局'], abbreviations: [], kind: 'department', years: [], renamedFrom: [] }] },
    });
    expect(rollover.counts).toMatchObject({ dropped: 1, namesMapped: 1 });
    const sheet = plan.sheets.find((s) => s.name === '主要工作');
    expect(sheet?.columns.map((c) => c.header)).toContain('上年编号');
    expect(sheet?.rows).toHaveLength(4);
    const fixes = plan.sheets.find((s) => s.name === '修订记录');
    expect(planRollover({ source: 'm.xlsx', notice, tables: [...master(), { ...makeTasksTable(), year: 2021 }], fixes: [], warnings: [] }, { year: 2024 }).rollover.tables.map((t) => t.rows.length)).toEqual([5, 4]);
    expect(fixes?.rows.some((r) => r.some((v) => String(v).includes('资源规划局')) && r.includes('rollover-name-registry'))).toBe(true);
  });
});
