import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { createMemoryHost } from '../../host/memory.host';
import { mergeReturns, planCollect, planCollectOps, readReturns } from '../collect.flow';
import { readHostRecords } from '../host-records.flow';
import { planSplit } from '../split.flow';
import { writePlan } from '../write-plan.flow';
import { readFenjieInput } from '../read-input.flow';

async function masterAndUnitFile() {
  const seed = parseSeed(SEED_2023);
  const masterBytes = await writeXlsx(buildWorkbookPlan({ results: [seed] }));
  const master = await readFenjieInput(masterBytes, 'm.xlsx');
  const unit = [...planSplit(master.result.tables, { source: 'm.xlsx', createdAt: 'now' })][0];
  return { master, unit, unitBytes: await writeXlsx(unit.plan) };
}

describe('collect flow', () => {
  it('regression (collect-unreadable built twice): an unreadable return is one finding, listed first, the rest merged', async () => {
    const { master, unit, unitBytes } = await masterAndUnitFile();
    const { returns, problems } = await readReturns([
      { name: 'bad.xlsx', bytes: new Uint8Array([1, 2, 3]) },
      { name: unit.fileName, bytes: unitBytes },
    ]);
    expect(problems.map((p) => [p.code, p.file])).toEqual([['collect-unreadable', 'bad.xlsx']]);
    expect(returns.map((r) => r.fileName)).toEqual([unit.fileName]);
    const { plan, collect } = planCollect(master, returns, problems);
    expect(collect.findings[0].code).toBe('collect-unreadable');
    expect(plan.sheets.some((s) => s.name === '汇总记录')).toBe(true);
  });

  it('the pane applies the merged values into the open workbook at the records’ cells', async () => {
    const { master, unit } = await masterAndUnitFile();
    // The unit fills in a status for its first task.
    const sheet = unit.plan.sheets.find((s) => s.role === 'tasks' || s.role === 'projects')!;
    const statusCol = sheet.columns.findIndex((c) => c.key === 'status');
    sheet.rows[0][statusCol] = '推进中';
    const { returns } = await readReturns([{ name: unit.fileName, bytes: await writeXlsx(unit.plan) }]);
    const host = createMemoryHost();
    await writePlan(host, buildWorkbookPlan({ results: [master.result], state: master.state ?? {} }));
    const data = await readHostRecords(host);
    const merged = mergeReturns(data.tables, returns);
    expect(merged.applied).toHaveLength(1);
    const { ops, report } = planCollectOps(data.layout, data.ids, merged);
    await host.apply(ops);
    await writePlan(host, report);
    const after = await readHostRecords(host);
    const id = merged.applied[0].id;
    const row = after.tables.flatMap((t) => [...t.rows] as { id?: string; tracking?: { status?: string } }[]).find((r) => r.id === id);
    expect(row?.tracking?.status).toBe('推进中');
  });

  it('records per value which return it came from: unit, file, the file\'s digest and the time of collect, in 汇总记录 (issue 17 audit trail)', async () => {
    const { master, unit } = await masterAndUnitFile();
    const sheet = unit.plan.sheets.find((s) => s.role === 'tasks' || s.role === 'projects')!;
    sheet.rows[0][sheet.columns.findIndex((c) => c.key === 'status')] = '推进中';
    const bytes = await writeXlsx(unit.plan);
    const { returns } = await readReturns([{ name: unit.fileName, bytes }]);
    const { createHash } = await import('crypto');
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    expect(returns[0].digest).toBe(digest);
    const { plan, collect } = planCollect(master, returns, [], { collectedAt: '2024-05-06T07:08:09.000Z' });
    expect(collect.applied).toEqual([expect.objectContaining({ unit: unit.unit, file: unit.fileName, digest, to: '推进中' })]);
    expect(collect.files[0]).toMatchObject({ file: unit.fileName, digest });
    // The merged workbook, read back: the row of the applied value carries the trail.
    const back = await readFenjieInput(await writeXlsx(plan), 'merged.xlsx');
    expect(back.result.tables.length).toBeGreaterThan(0);
    const report = plan.sheets.find((s) => s.name === '汇总记录')!;
    const headers = report.columns.map((c) => c.header);
    const row = report.rows.find((r) => r[headers.indexOf('代码')] === 'collect-applied')!;
    expect([row[headers.indexOf('单位')], row[headers.indexOf('文件')], row[headers.indexOf('文件摘要')], row[headers.indexOf('收回时间')]]).toEqual([
      expect.stringContaining(unit.unit), unit.fileName, digest, '2024-05-06 07:08:09',
    ]);
    expect(headers[headers.length - 1]).toBe('代码');
  });
});
