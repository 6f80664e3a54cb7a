import { STATUSES } from '../../model/records.model';
import type { ChartPlan } from '../../sheet/sheet-style';
import type { WorkbookPlan } from '../../workbook/plan.model';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { makeResult } from '../../workbook/__tests__/sample-records';
import { checkBatch } from '../batch-check';
import type { WriteOp } from '../../sheet/write-op';
import { createMemoryHost } from '../memory.host';
import { planToOps } from '../plan-to-ops';

const CHART: ChartPlan = { kind: 'column', title: '按进展状态统计', dataRange: 'A1:B3', anchor: 'D2' };

function chartPlan(): WorkbookPlan {
  return {
    version: 1,
    sheets: [
      {
        name: '统计',
        role: 'stats',
        columns: [
          { key: 'name', header: '名称', width: 10, kind: 'text' },
          { key: 'n', header: '数量', width: 8, kind: 'number' },
        ],
        rows: [['未开始', 2], ['已完成', 1]],
        freeze: { rows: 1, cols: 1 },
        charts: [CHART],
      },
    ],
  };
}

describe('addChart: plan, batch check and memory host', () => {
  it('planToOps emits the chart after the values, formats and freeze of its sheet', () => {
    const ops = planToOps(chartPlan());
    const names = ops.map((o) => o.op);
    const chartAt = names.indexOf('addChart');
    expect(chartAt).toBeGreaterThan(names.indexOf('writeValues'));
    expect(chartAt).toBeGreaterThan(names.lastIndexOf('setFormat'));
    expect(chartAt).toBeGreaterThan(names.indexOf('freeze'));
    expect(ops[chartAt]).toEqual({ op: 'addChart', sheet: '统计', chart: CHART });
    expect(names.filter((n) => n === 'addChart')).toHaveLength(1);
  });

  it('planToOps emits no chart op for sheets without charts', () => {
    const plan = chartPlan();
    delete plan.sheets[0].charts;
    expect(planToOps(plan).some((o) => o.op === 'addChart')).toBe(false);
  });

  it.each<[string, Partial<ChartPlan>]>([
    ['a bad data range', { dataRange: 'A1:' }],
    ['a bad anchor', { anchor: 'here' }],
    ['an unknown kind', { kind: 'radar' as ChartPlan['kind'] }],
  ])('checkBatch rejects a chart with %s', (_label, change) => {
    const ops: WriteOp[] = [{ op: 'addChart', sheet: 'S', chart: { ...CHART, ...change } }];
    expect(() => checkBatch(ops, [{ name: 'S', visibility: 'visible' }])).toThrow(expect.objectContaining({ code: 'host-invalid-op' }));
  });

  it('checkBatch rejects a chart on a missing sheet and accepts a good one', () => {
    const sheets = [{ name: 'S', visibility: 'visible' as const }];
    expect(() => checkBatch([{ op: 'addChart', sheet: 'T', chart: CHART }], sheets)).toThrow(expect.objectContaining({ code: 'host-invalid-op' }));
    expect(() => checkBatch([{ op: 'addChart', sheet: 'S', chart: CHART }], sheets)).not.toThrow();
  });

  it('the memory host records the chart in its snapshot, or degrades without the capability', async () => {
    const host = createMemoryHost();
    expect((await host.apply(planToOps(chartPlan()))).degraded).toEqual([]);
    expect(host.snapshot().sheets.find((s) => s.name === '统计')?.charts).toEqual([CHART]);
    const without = createMemoryHost({ capabilities: { charts: false } });
    const report = await without.apply(planToOps(chartPlan()));
    expect(report.degraded.map((d) => d.op)).toEqual(['addChart']);
    expect(without.snapshot().sheets.find((s) => s.name === '统计')?.charts).toEqual([]);
  });
});

describe('the 统计 sheet chart', () => {
  const plan = buildWorkbookPlan({ results: [makeResult()], today: '2023-07-01' });
  const stats = plan.sheets.find((s) => s.role === 'stats');

  it('is one column chart over the status block, right of the table', () => {
    expect(stats?.charts).toHaveLength(1);
    const chart = stats?.charts?.[0] as ChartPlan;
    expect(chart.kind).toBe('column');
    expect(chart.title).toBeTruthy();
    // Header row, then one row per status and the 未填写 row, in columns 名称..民生实事.
    const statusRows = stats?.rows.filter((r) => r[0] === '进展状态') ?? [];
    expect(statusRows.map((r) => r[1])).toEqual([...STATUSES, '未填写']);
    expect(chart.dataRange).toBe(`B1:D${statusRows.length + 1}`);
    expect(stats?.columns.slice(1, 4).map((c) => c.header)).toEqual(['名称', '主要工作', '民生实事']);
    expect(chart.anchor).toBe(`${String.fromCharCode(65 + (stats?.columns.length ?? 0) + 1)}2`);
  });

  it('is drawn by the memory host with the rest of the plan', async () => {
    const host = createMemoryHost();
    const report = await host.apply(planToOps(plan));
    expect(report.degraded.filter((d) => d.op === 'addChart')).toEqual([]);
    expect(host.snapshot().sheets.find((s) => s.name === stats?.name)?.charts).toHaveLength(1);
  });
});
