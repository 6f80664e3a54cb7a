/** The add-in path: plan → WriteOps → a host → used ranges → the same records (readRecordsFromUsedRanges). */
import { createMemoryHost } from '../../host/memory.host';
import { planToOps } from '../../host/plan-to-ops';
import { isFenjieWorkbook, readRecordsFromUsedRanges } from '../fenjie-workbook.reader';
import { buildWorkbookPlan } from '../workbook.planner';
import type { UsedRange } from '../../sheet/used-range';
import { makeResult, makeTask } from './sample-records';

async function drawAndRead(plan: ReturnType<typeof buildWorkbookPlan>) {
  const host = createMemoryHost();
  await host.apply(planToOps(plan));
  const ranges: UsedRange[] = [];
  for (const sheet of await host.listSheets()) ranges.push(await host.readUsedRange(sheet.name));
  return { ranges, state: await host.readState() };
}

describe('readRecordsFromUsedRanges', () => {
  it('reads the records a host drew from the plan, with ids, tracking and inherited fields', async () => {
    const input = makeResult(7, 4);
    input.tables[0].rows[2] = makeTask(2, { tracking: { status: '推进中', progress: 35, deadline: '2023-09-30', latest: '=1+1', updated: '2023-07-01' } });
    const { ranges, state } = await drawAndRead(buildWorkbookPlan({ results: [input] }));
    expect(isFenjieWorkbook(ranges)).toBe(true);
    const book = readRecordsFromUsedRanges(ranges, state, 'host');
    const withIds = input.tables.map((t) => ({ ...t, rows: t.rows.map((r, i) => ({ ...r, id: `2023-${t.kind === 'tasks' ? 'T' : 'P'}-${String(i + 1).padStart(3, '0')}` })) }));
    expect(book.result.tables).toEqual(withIds);
    expect(book.positions[0]).toMatchObject({ sheet: '主要工作', rows: [2, 3, 4, 5, 6, 7, 8] });
    expect(book.result.fixes).toEqual(input.fixes);
  });

  it('reads fixes back by their 代码 column, and from 规则 in workbooks written before it (issue 11 defect 8)', async () => {
    const input = makeResult(3, 0);
    input.fixes = [{ table: 0, row: 1, field: 'leaders', from: '张  顺', to: '张顺', rule: 'unpad-name' }];
    const { ranges, state } = await drawAndRead(buildWorkbookPlan({ results: [input] }));
    const fixes = ranges.find((r) => r.sheet === '修订记录') as UsedRange;
    expect(fixes.values[0].slice(-2)).toEqual(['规则', '代码']);
    expect(fixes.values[1].slice(-2)).toEqual(['去除名称中的空格', 'unpad-name']);
    expect(readRecordsFromUsedRanges(ranges, state).result.fixes).toEqual(input.fixes);
    const old = { ...fixes, values: fixes.values.map((row, i) => [...row.slice(0, -2), i === 0 ? '规则' : 'unpad-name']) };
    expect(readRecordsFromUsedRanges(ranges.map((r) => (r === fixes ? old : r)), state).result.fixes).toEqual(input.fixes);
  });

  it("finds the header under a unit copy's instructions and ignores extra columns", () => {
    const range: UsedRange = {
      sheet: '发改委',
      address: 'B1:F5',
      values: [
        ['请填写进展状态等列', '', '', '', ''],
        ['', '', '', '', ''],
        ['本单位职责', '编号', '项目', '内容和要求', '进展状态'],
        ['牵头', '2023-T-004', '项目4', '内容', '已完成'],
        ['', '', '', '', ''],
      ],
      merges: [],
    };
    const book = readRecordsFromUsedRanges([range]);
    expect(book.result.tables).toHaveLength(1);
    expect(book.result.tables[0]).toMatchObject({ kind: 'tasks', year: 2023, title: '2023年政府各项主要工作分解落实表' });
    expect(book.result.tables[0].rows[0]).toMatchObject({ id: '2023-T-004', item: '项目4', tracking: { status: '已完成' } });
    expect(book.positions[0].rows).toEqual([4]);
    expect(book.positions[0].columns).toMatchObject({ id: 'C', item: 'D', status: 'F' });
  });

  it('keeps a 完成时限 in words (长期坚持) without a warning, and still warns on one that tries to name a date (regression: a 长期坚持 from the notice was read back as unreadable, and collect refused it)', () => {
    const range: UsedRange = {
      sheet: '主要工作',
      address: 'A1:F4',
      values: [
        ['编号', '项目', '内容和要求', '进展状态', '完成时限', '更新日期'],
        ['2023-T-001', 'a', 'b', '推进中', '长期坚持', ''],
        ['2023-T-002', 'a', 'c', '推进中', '持续推进', '常态化'],
        ['2023-T-003', 'a', 'd', '推进中', '6月底', ''],
      ],
      merges: [],
    };
    const book = readRecordsFromUsedRanges([range]);
    expect(book.result.tables[0].rows.map((r) => r.tracking?.deadline)).toEqual(['长期坚持', '持续推进', '6月底']);
    expect(book.result.warnings.map((w) => [w.code, w.field, w.value])).toEqual([
      ['tracking-unreadable', 'updated', '常态化'],
      ['tracking-unreadable', 'deadline', '6月底'],
    ]);
  });

  it('reads tracking typed by hand and reports what it cannot read', () => {
    const range: UsedRange = {
      sheet: '主要工作',
      address: 'A1:G3',
      values: [
        ['编号', '项目', '内容和要求', '进展状态', '完成进度', '完成时限', '更新日期'],
        ['2023-T-001', 'a', 'b', '进行中', '45', '2023年6月30日', '45107'],
        ['2023-T-002', 'a', 'c', '差不多', '很多', '年底', ''],
      ],
      merges: [],
    };
    const book = readRecordsFromUsedRanges([range]);
    const [first, second] = book.result.tables[0].rows;
    expect(first.tracking).toEqual({ status: '推进中', progress: 45, deadline: '2023-06-30', updated: '2023-06-30' });
    expect(second.tracking).toEqual({ deadline: '年底' });
    expect(book.result.warnings.map((w) => [w.code, w.field])).toEqual([
      ['tracking-unreadable', 'status'],
      ['tracking-unreadable', 'progress'],
      ['tracking-unreadable', 'deadline'],
    ]);
  });

  it('is not fooled by a sheet without the id column', () => {
    const range: UsedRange = { sheet: 'Sheet1', address: 'A1:C2', values: [['门类', '项目', '内容和要求'], ['x', 'y', 'z']], merges: [] };
    expect(isFenjieWorkbook([range])).toBe(false);
    expect(isFenjieWorkbook(new Uint8Array([1, 2, 3]))).toBe(false);
  });
});
