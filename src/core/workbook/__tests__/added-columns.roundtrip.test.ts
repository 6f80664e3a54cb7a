/**
 * Issue 10: 序号 of a task table, 时间节点 and the source's extra columns go into the workbook and
 * come back, through split, collect and rollover, from a fixture of another city's layout
 * (test/fixtures/families/f8-extra-columns, scripts/make-family-fixtures.ts).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { AnyRecord, ParsedTable, ParseResult } from '../../model/records.model';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { buildWorkbookPlan } from '../workbook.planner';
import { readFenjieInput, readInput } from '../../flows/read-input.flow';
import { planSplit } from '../../flows/split.flow';
import { planCollect, readReturns } from '../../flows/collect.flow';
import { planRollover } from '../../flows/rollover.flow';
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';

const DIR = path.join(__dirname, '../../../../test/fixtures/families');

async function readFamily(name: string): Promise<ParseResult> {
  return (await readInput(new Uint8Array(readFileSync(path.join(DIR, name))), name)).result;
}

/** The fields issue 10 adds (plus what identifies the record), as a comparable value. A sheet has one 序号 column: a row of a table without one reads back null. */
function added(tables: ParsedTable[]): unknown[] {
  return tables.flatMap((t) => (t.rows as AnyRecord[]).map((r) => ({ kind: t.kind, content: r.content, no: r.no ?? null, milestones: r.milestones, extra: r.extra })));
}

async function roundTrip(result: ParseResult) {
  const plan = buildWorkbookPlan({ results: [result] });
  const bytes = await writeXlsx(plan);
  return { plan, bytes, back: await readFenjieInput(bytes, 'book.xlsx') };
}

describe.each(['f8-extra-columns.docx', 'f8-extra-columns.xlsx'])('%s → workbook → read back', (file) => {
  it('keeps 序号, 时间节点 and every extra column, in the sheet and in the records', async () => {
    const parsed = await readFamily(file);
    expect(added(parsed.tables).filter((r) => (r as { extra?: unknown }).extra).length).toBeGreaterThan(0);
    const { plan, back } = await roundTrip(parsed);
    const tasks = plan.sheets.find((s) => s.role === 'tasks')!;
    const headers = tasks.columns.map((c) => c.header);
    expect(headers.slice(0, 4)).toEqual(['编号', '年度', '序号', '门类']);
    expect(headers.slice(headers.indexOf('相关单位') + 1, headers.indexOf('进展状态'))).toEqual(['时间节点', '资金来源', '备注']);
    const projects = plan.sheets.find((s) => s.role === 'projects')!;
    expect(projects.columns.map((c) => c.header)).toContain('投资额（万元）');
    expect(added(back.result.tables)).toEqual(added(parsed.tables));
    // The notice's 完成时限 fills the column: none in this fixture's tasks, so no deadline is invented.
    expect(back.result.tables.flatMap((t) => t.rows as AnyRecord[]).filter((r) => r.tracking?.deadline)).toEqual([]);
  });

  it('split: unit files show the columns read-only; collect merges back without losing them and refuses a unit’s edit of them', async () => {
    const { back } = await roundTrip(await readFamily(file));
    const units = [...planSplit(back.result.tables, { source: 'book.xlsx', createdAt: 'now' })];
    const unit = units.find((u) => u.unit === '区教育局')!;
    const sheet = unit.plan.sheets.find((s) => s.role === 'tasks')!;
    const col = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    expect(sheet.columns.filter((c) => ['no', 'milestones', 'extra:资金来源', 'extra:备注'].includes(c.key)).map((c) => [c.header, !!c.editable])).toEqual([
      ['序号', false], ['时间节点', false], ['资金来源', false], ['备注', false],
    ]);
    sheet.rows[0][col('status')] = '推进中';
    sheet.rows[0][col('extra:资金来源')] = '社会资本';
    const { returns } = await readReturns([{ name: unit.fileName, bytes: await writeXlsx(unit.plan) }]);
    const { plan, collect } = planCollect(back, returns);
    expect(collect.applied.map((a) => a.field)).toEqual(['status']);
    expect(collect.findings.filter((f) => f.code === 'collect-protected-changed').map((f) => [f.field, f.value])).toEqual([['extra', '备注：含改扩建；资金来源：社会资本']]);
    const merged = await readFenjieInput(await writeXlsx(plan), 'merged.xlsx');
    expect(added(merged.result.tables)).toEqual(added(back.result.tables));
  });

  it('rollover carries 序号, 时间节点 and extra columns into next year', async () => {
    const { back } = await roundTrip(await readFamily(file));
    const next = planRollover(back.result, { year: 2024 });
    const bytes = await writeXlsx(next.plan);
    const again = await readFenjieInput(bytes, 'next.xlsx');
    expect(again.result.tables.flatMap((t) => t.rows as AnyRecord[]).every((r) => r.id?.startsWith('2024-'))).toBe(true);
    expect(added(again.result.tables)).toEqual(added(back.result.tables));
  });
});

describe('added columns', () => {
  it('appear only with data: the 2023 seed’s sheets keep their columns', () => {
    const plan = buildWorkbookPlan({ results: [parseSeed(SEED_2023)] });
    expect(plan.sheets.find((s) => s.role === 'tasks')!.columns.map((c) => c.header)).toEqual([
      '编号', '年度', '门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位', '进展状态', '完成进度', '完成时限', '最新进展', '更新日期',
    ]);
  });

  it('an extra header that names a fenjie column is written with （原表） and reads back under its own name', async () => {
    const base = await readFamily('f8-extra-columns.xlsx');
    const tasks = base.tables[0];
    (tasks.rows[0] as AnyRecord).extra = { ...(tasks.rows[0] as AnyRecord).extra, 状态: '在建', 牵头单位: '区发改局', 时间节点: '另列' };
    const { plan, back } = await roundTrip({ ...base, tables: [tasks] });
    const headers = plan.sheets.find((s) => s.role === 'tasks')!.columns.map((c) => c.header);
    expect(headers).toEqual(expect.arrayContaining(['状态（原表）', '牵头单位（原表）', '时间节点（原表）', '进展状态']));
    const first = back.result.tables[0].rows[0] as AnyRecord;
    expect(first.extra).toEqual({ 资金来源: '区级财政', 状态: '在建', 牵头单位: '区发改局', 时间节点: '另列' });
    expect(first.tracking?.status).toBeUndefined();
    expect(first.leadUnits).toEqual(['区民政局']);
  });

  it('quarter milestones are one 时间节点 cell, 【一季度】… per line, and read back to the same list', async () => {
    const f1 = await readFamily('f1-tasks-other-columns.docx');
    const { plan, back } = await roundTrip(f1);
    const sheet = plan.sheets.find((s) => s.role === 'tasks')!;
    const col = sheet.columns.findIndex((c) => c.key === 'milestones');
    expect(sheet.rows.map((r) => r[col]).filter(Boolean)[0]).toBe('【一季度】完成选址\n【二季度】开工建设\n【三季度】主体完工\n【四季度】投入使用');
    expect(added(back.result.tables)).toEqual(added(f1.tables));
  });

  it('a deadline read from the notice fills 完成时限: the date where it is unambiguous, else the text as written', async () => {
    const f1 = await readFamily('f1-tasks-other-columns.docx');
    const { plan } = await roundTrip(f1);
    const sheet = plan.sheets.find((s) => s.role === 'tasks')!;
    const col = sheet.columns.findIndex((c) => c.key === 'deadline');
    expect(sheet.rows.slice(0, 3).map((r) => r[col])).toEqual([{ date: '2023-12-31' }, { date: '2023-06-30' }, { date: '2023-09-30' }]);
  });
});
