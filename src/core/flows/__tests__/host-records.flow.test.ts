import { createMemoryHost } from '../../host/memory.host';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { locateSheetCell } from '../../workbook/workbook-layout';
import { writePlan } from '../write-plan.flow';
import { readHostRecords as readSheetTables } from '../host-records.flow';
import { summariseTracking } from '../track.flow';
import { makeSampleResult } from './sample-result';

async function writtenHost() {
  const host = createMemoryHost();
  const plan = buildWorkbookPlan({ results: [makeSampleResult()], today: '2023-06-01' });
  await writePlan(host, plan, { backupSuffix: 's' });
  return { host, plan };
}

describe('readSheetTables', () => {
  it('reads back the records the plan wrote, at the cells the plan put them', async () => {
    const { host, plan } = await writtenHost();
    const read = await readSheetTables(host);
    expect(read.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', 2023, 2],
      ['projects', 2023, 1],
    ]);
    const [tasks, projects] = read.tables;
    expect(tasks.rows[1]).toMatchObject({ item: '一般公共预算收入', content: '=增长5%', leaders: ['胡卫江', '吴敬宇'], leadUnits: ['财政局'] });
    expect(projects.rows[0]).toMatchObject({ no: 1, name: '幼儿园', leaders: ['倪嘉臻'] });
    expect(read.ids[0]).toEqual(['2023-T-001', '2023-T-002']);
    for (const field of ['leaders', 'content', 'status']) {
      expect(locateSheetCell(read.layout, 0, 1, field)).toEqual(locateSheetCell(plan, 0, 1, field));
    }
  });

  it('sees a status typed into the sheet, and the summary counts it', async () => {
    const { host } = await writtenHost();
    const read = await readSheetTables(host);
    const at = locateSheetCell(read.layout, 0, 0, 'status');
    expect(at).not.toBeNull();
    host.simulateUserEdit(at!.sheet, at!.address, '已完成');
    const deadline = locateSheetCell(read.layout, 1, 0, 'deadline');
    host.simulateUserEdit(deadline!.sheet, deadline!.address, { date: '2023-03-01' });
    const after = await readSheetTables(host);
    expect(after.tables[0].rows[0].tracking?.status).toBe('已完成');
    expect(after.tables[1].rows[0].tracking?.deadline).toBe('2023-03-01');
    expect(summariseTracking(after.tables, '2023-06-01')).toMatchObject({ total: 3, done: 1, open: 2, overdue: 1 });
    expect(summariseTracking(after.tables, '2023-02-01')).toMatchObject({ overdue: 0 });
  });

  it('returns no tables for a workbook without fenjie sheets', async () => {
    const host = createMemoryHost({ sheets: [{ name: '主要工作', values: [['随便写的'], ['内容']] }] });
    await expect(readSheetTables(host)).resolves.toMatchObject({ tables: [] });
  });
});
