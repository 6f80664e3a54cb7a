import { buildWorkbookPlan } from '../workbook.planner';
import { locateCell } from '../workbook-layout';
import { splitNames, joinNames } from '../names-join';
import { decodeStateCells } from '../../sheet/workbook-state';
import type { FormulaValue } from '../../sheet/cell-value';
import type { SheetPlan } from '../plan.model';
import { makeResult, makeTask } from './sample-records';

function sheet(plan: ReturnType<typeof buildWorkbookPlan>, name: string): SheetPlan {
  const found = plan.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe('buildWorkbookPlan', () => {
  const plan = buildWorkbookPlan({ results: [makeResult()], today: '2023-07-01' });

  it('has the sheets in order, the state sheet very hidden', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['主要工作', '民生实事', '修订记录', '统计', '_fenjie_state']);
    expect(sheet(plan, '_fenjie_state').visibility).toBe('veryHidden');
    expect(sheet(plan, '主要工作').table?.name).toBe('主要工作表');
    expect(sheet(plan, '民生实事').table?.name).toBe('民生实事表');
  });

  it('lays out the task sheet with ids, joined names and tracking columns', () => {
    const tasks = sheet(plan, '主要工作');
    expect(tasks.columns.map((c) => c.header)).toEqual(['编号', '年度', '门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位', '进展状态', '完成进度', '完成时限', '最新进展', '更新日期']);
    expect(tasks.rows[1][0]).toBe('2023-T-002');
    expect(tasks.rows[1][5]).toBe('吴敬宇、郑丙华');
    expect(tasks.freeze).toEqual({ rows: 1, cols: 1 });
    expect(tasks.validations).toEqual([{ range: 'I2:I7', list: ['未启动', '推进中', '已完成', '滞后', '暂缓'], strict: true }]);
    const kinds = (tasks.conditionalFormats ?? []).map((r) => r.kind);
    expect(kinds.filter((k) => k === 'equals')).toHaveLength(5);
    expect(kinds).toContain('dataBar');
    const overdue = (tasks.conditionalFormats ?? []).find((r) => r.kind === 'expression');
    expect(overdue && 'formula' in overdue ? overdue.formula : '').toBe('AND($K2<>"",$K2<TODAY(),$I2<>"已完成")');
  });

  it('heads the 民生实事 task column with the year', () => {
    expect(sheet(plan, '民生实事').columns.map((c) => c.header)).toContain('2023年工作任务');
  });

  it('marks inherited cells grey italic, one style per run and no note per cell (issue 15: 16,784 notes of VML)', () => {
    const styles = sheet(plan, '主要工作').cellStyles ?? [];
    const run = styles.find((s) => s.range.startsWith('C3'));
    expect(run).toEqual({ range: 'C3:C4', font: { color: '#808080', italic: true } });
    expect(styles.find((s) => s.range.startsWith('C2'))).toBeUndefined();
    expect(styles.filter((s) => s.note)).toEqual([]);
  });

  it('lists fixes with their cell, the rule in words and its code last (defect 8: 规则 showed split-names)', () => {
    expect(sheet(plan, '修订记录').rows[0]).toEqual(['sample.txt', '主要工作', '2023-T-002', "'主要工作'!F3", '负责人', '吴敬宇  郑丙华', '吴敬宇、郑丙华', '拆分同行的多个名称', 'split-names']);
  });

  it('counts with COUNTIFS formulas and caches the results', () => {
    const stats = sheet(plan, '统计');
    const total = stats.rows.find((r) => r[1] === '全部') as [string, string, FormulaValue, FormulaValue, FormulaValue];
    expect(total[2].formula).toBe(`COUNTIFS('主要工作'!$A:$A,"?*")-1`);
    expect([total[2].result, total[3].result, total[4].result]).toEqual([6, 3, 9]);
    const unit = stats.rows.find((r) => r[1] === '发改委') as FormulaValue[];
    expect((unit[2] as FormulaValue).formula).toContain(`"*、发改委、*"`);
    expect((unit[2] as FormulaValue).result).toBe(4);
  });

  it('keeps the state with plan version and inherited fields', () => {
    const state = decodeStateCells(sheet(plan, '_fenjie_state').preamble ?? []);
    expect(state?.planVersion).toBe(1);
    expect((state?.inherited as Record<string, string[]>)['2023-T-002']).toEqual(['category']);
  });

  it('locates findings, highlights them and sets finding.cell', () => {
    const p = buildWorkbookPlan({ results: [makeResult()], findings: [{ code: 'leader-unknown', severity: 'error', message: '未知', table: 1, row: 2, field: 'leaders' }] });
    expect(p.findings?.[0].cell).toBe("'民生实事'!H4");
    expect(locateCell(p, 0, 11, 'content')).toBeNull();
    expect(locateCell(p, 0, 4, 'content')).toBe("'主要工作'!E6");
    expect(sheet(p, '民生实事').cellStyles?.find((s) => s.range === 'H4')?.fill?.color).toBe('#FF9999');
  });

  it('writes text that starts with = + - @ as plain strings', () => {
    const risky = ['=SUM(A1)', '+1', '-2', '@x'];
    const p = buildWorkbookPlan({ results: [{ ...makeResult(0, 0), tables: [{ kind: 'tasks', title: null, year: 2023, rows: risky.map((c, i) => makeTask(i, { content: c })) }] }] });
    expect(sheet(p, '主要工作').rows.map((r) => r[4])).toEqual(risky);
  });

  it('keeps ids unique across inputs of the same year', () => {
    const p = buildWorkbookPlan({ results: [makeResult(2, 0), makeResult(2, 0)] });
    expect(sheet(p, '主要工作').rows.map((r) => r[0])).toEqual(['2023-T-001', '2023-T-002', '2023-T-001-2', '2023-T-002-2']);
  });

  it('numbers a row added without an id after the highest id of its table', () => {
    const result = makeResult(3, 0);
    result.tables[0].rows = [makeTask(0, { id: '2023-T-007' }), makeTask(1), makeTask(2, { id: '2023-T-002' })];
    expect(sheet(buildWorkbookPlan({ results: [result] }), '主要工作').rows.map((r) => r[0])).toEqual(['2023-T-007', '2023-T-008', '2023-T-002']);
  });

  it('appends extra sheets before the state sheet', () => {
    const extra: SheetPlan = { name: '名录', role: 'registry', columns: [{ key: 'a', header: 'A', width: 5, kind: 'text' }], rows: [] };
    expect(buildWorkbookPlan({ results: [makeResult()], extraSheets: [extra] }).sheets.map((s) => s.name).slice(-2)).toEqual(['名录', '_fenjie_state']);
  });
});

describe('names', () => {
  it('splits on 、 outside brackets only', () => {
    expect(splitNames('发改委、各镇（区、街道）、海关')).toEqual(['发改委', '各镇（区、街道）', '海关']);
    expect(splitNames(joinNames(['a', 'b(c、d)']))).toEqual(['a', 'b(c、d)']);
    expect(splitNames('')).toEqual([]);
  });
});
