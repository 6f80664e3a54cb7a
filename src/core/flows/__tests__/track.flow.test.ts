/** Issue 11 defect 9: tracking values the pane cannot read are reported with a suggestion; overdue items listed. */
import { createMemoryHost } from '../../host/memory.host';
import { suggestDate, suggestProgress, suggestStatus, suggestTracking } from '../../workbook/tracking-suggest.rules';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { locateSheetCell } from '../../workbook/workbook-layout';
import { readHostRecords } from '../host-records.flow';
import { reviewTracking } from '../track.flow';
import { writePlan } from '../write-plan.flow';
import { makeSampleResult } from './sample-result';

async function typedHost(cells: Array<[table: number, row: number, field: string, value: string | { date: string }]>) {
  const host = createMemoryHost();
  const plan = buildWorkbookPlan({ results: [makeSampleResult()], today: '2023-06-01' });
  await writePlan(host, plan, { backupSuffix: 's' });
  const read = await readHostRecords(host);
  for (const [table, row, field, value] of cells) {
    const at = locateSheetCell(read.layout, table, row, field);
    if (!at) throw new Error(`no cell for ${field}`);
    host.simulateUserEdit(at.sheet, at.address, value);
  }
  return host;
}

describe('defect 9: tracking values the pane cannot read', () => {
  it('are findings with the cell and a suggestion, not silently ignored (regression: 完成了, 八成, 6月底, 2023年底 dropped)', async () => {
    const host = await typedHost([
      [0, 0, 'status', '完成了'],
      [0, 0, 'progress', '八成'],
      [0, 1, 'deadline', '6月底'],
      [1, 0, 'deadline', '2023年底'],
    ]);
    const read = await readHostRecords(host);
    const review = reviewTracking(read, '2024-01-10');
    expect(review.unreadable.map((f) => [f.field, f.value, f.suggestions?.[0]?.value])).toEqual([
      ['status', '完成了', '已完成'],
      ['progress', '八成', '80%'],
      ['deadline', '6月底', '2023-06-30'],
      ['deadline', '2023年底', '2023-12-31'],
    ]);
    for (const f of review.unreadable) {
      expect(f.cell).toMatch(/^'?(主要工作|民生实事)'?![A-Z]+\d+$/);
      expect(f.message).toContain('建议改为');
    }
    const statusCell = locateSheetCell(read.layout, 0, 0, 'status');
    expect(review.unreadable[0].cell).toContain(statusCell?.address);
  });

  it('count as the 统计 formulas do: a text deadline is never overdue (regression: 2023年底 < today as text counted)', async () => {
    const host = await typedHost([
      [0, 0, 'deadline', '2023年底'],
      [0, 1, 'deadline', { date: '2023-03-01' }],
    ]);
    const review = reviewTracking(await readHostRecords(host), '2024-01-10');
    expect(review.summary.overdue).toBe(1);
    expect(review.overdue).toEqual([expect.objectContaining({ id: '2023-T-002', deadline: '2023-03-01', title: '一般公共预算收入', leadUnits: ['财政局'] })]);
  });

  it('lists nothing for clean sheets', async () => {
    const review = reviewTracking(await readHostRecords(await typedHost([])), '2023-01-01');
    expect(review.unreadable).toEqual([]);
    expect(review.overdue).toEqual([]);
  });
});

describe('tracking suggestions', () => {
  it('reads statuses, progress and dates written in words', () => {
    expect(suggestStatus('完成了')).toBe('已完成');
    expect(suggestStatus('未完成')).toBe('推进中');
    expect(suggestStatus('还没开始')).toBe('未启动');
    expect(suggestStatus('差不多')).toBeNull();
    expect(suggestProgress('八成')).toBe(80);
    expect(suggestProgress('七成半')).toBe(75);
    expect(suggestProgress('百分之六十五')).toBe(65);
    expect(suggestProgress('一半')).toBe(50);
    expect(suggestProgress('很多')).toBeNull();
    expect(suggestDate('6月底', 2023)).toBe('2023-06-30');
    expect(suggestDate('六月底前', 2024)).toBe('2024-06-30');
    expect(suggestDate('2月底', 2024)).toBe('2024-02-29');
    expect(suggestDate('2023年底', null)).toBe('2023-12-31');
    expect(suggestDate('三季度', 2023)).toBe('2023-09-30');
    expect(suggestDate('6月底', null)).toBeNull();
    expect(suggestDate('明天', 2023)).toBeNull();
    expect(suggestTracking('latest', '八成', 2023)).toBeNull();
  });
});
