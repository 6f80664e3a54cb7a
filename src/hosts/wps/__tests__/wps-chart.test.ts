import type { ChartPlan, WriteOp } from '../../../core/index';
import { createFakeEtApplication, type FakeEtOptions } from '../../../../test/fakes/et-application.fake';
import { createWpsHost } from '../wps.host';

function setup(options: FakeEtOptions = {}) {
  const fake = createFakeEtApplication(options);
  const host = createWpsHost({ Application: fake.Application, ApiEvent: fake.ApiEvent });
  return { fake, host };
}

function chartOps(chart: ChartPlan): WriteOp[] {
  return [
    { op: 'addSheet', sheet: '统计' },
    { op: 'writeValues', sheet: '统计', start: 'A1', values: [['类别', '名称', '主要工作', '民生实事'], ['进展状态', '未开始', 3, 1], ['进展状态', '已完成', 2, 0]] },
    { op: 'addChart', sheet: '统计', chart },
    { op: 'freeze', sheet: '统计', rows: 1, cols: 0 },
  ];
}

const COLUMN: ChartPlan = { kind: 'column', title: '按进展状态统计', dataRange: 'B1:D3', anchor: 'I2' };

describe('WPS host: addChart', () => {
  it('adds a ChartObject at the anchor cell with source data, clustered column type and title', async () => {
    const { fake, host } = setup();
    const report = await host.apply(chartOps(COLUMN));
    expect(report.degraded).toEqual([]);
    const [chart] = fake.sheet('统计').charts;
    expect(fake.sheet('统计').charts).toHaveLength(1);
    expect(chart.source).toEqual({ sheet: '统计', rect: { row: 1, col: 2, rows: 3, cols: 3 } });
    expect(chart.plotBy).toBe(2);
    expect(chart.chartType).toBe(51);
    expect(chart.title).toBe('按进展状态统计');
    // I2: eight default columns to the left, one default row above.
    expect(chart.left).toBeCloseTo(8 * 8.43 * 5.7, 1);
    expect(chart.top).toBe(13.5);
    expect(chart.width).toBeGreaterThan(0);
  });

  it.each<[ChartPlan['kind'], number]>([
    ['bar', 57],
    ['pie', 5],
  ])('maps kind %s to ChartType %d', async (kind, type) => {
    const { fake, host } = setup({ withEnum: true });
    await host.apply(chartOps({ ...COLUMN, kind }));
    expect(fake.sheet('统计').charts.map((c) => c.chartType)).toEqual([type]);
  });

  it('degrades instead of failing the batch when ChartObjects.Add throws; later ops still run', async () => {
    const { fake, host } = setup({ failWhen: (call) => call.method === 'ChartObjects.Add' });
    const report = await host.apply(chartOps(COLUMN));
    expect(report.applied).toBe(4);
    expect(report.degraded).toHaveLength(1);
    expect(report.degraded[0]).toMatchObject({ op: 'addChart', sheet: '统计' });
    expect(report.degraded[0].message).toContain('按进展状态统计');
    expect(fake.sheet('统计').freeze).toEqual({ rows: 1, cols: 0 });
    expect(fake.sheet('统计').valueAt('C2')).toBe(3);
  });

  it('degrades when the build has no ChartObjects, and says so in its capabilities', async () => {
    const { fake, host } = setup({ noCharts: true });
    expect((await host.getCapabilities()).charts).toBe(false);
    const report = await host.apply(chartOps(COLUMN));
    expect(report.degraded.map((d) => d.op)).toEqual(['addChart']);
    expect(fake.sheet('统计').charts).toEqual([]);
  });

  it('rejects a chart with a bad anchor before changing anything', async () => {
    const { fake, host } = setup();
    await expect(host.apply(chartOps({ ...COLUMN, anchor: 'I' }))).rejects.toMatchObject({ code: 'host-invalid-op' });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    expect((await host.getCapabilities()).charts).toBe(true);
  });
});
