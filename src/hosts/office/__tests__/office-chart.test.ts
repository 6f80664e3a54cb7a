import type { ChartPlan, WriteOp } from '../../../core';
import { createExcelFake, type ExcelFake } from '../../../../test/fakes/excel.fake';
import { createOfficeHost } from '../office.host';
import type { OfficeEnv } from '../office-env';

function hostOver(fake: ExcelFake) {
  return createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office, ownWriteQuietMs: 0 });
}

function chartOps(chart: ChartPlan): WriteOp[] {
  return [
    { op: 'addSheet', sheet: '统计' },
    { op: 'writeValues', sheet: '统计', start: 'A1', values: [['类别', '名称', '主要工作', '民生实事'], ['进展状态', '未开始', 3, 1], ['进展状态', '已完成', 2, 0]] },
    { op: 'addChart', sheet: '统计', chart },
  ];
}

describe('office host: addChart', () => {
  it('adds a clustered column chart over the data range in the same Excel.run, titled and placed at the anchor', async () => {
    const fake = createExcelFake();
    const host = hostOver(fake);
    fake.resetCounts();
    const report = await host.apply(chartOps({ kind: 'column', title: '按进展状态统计', dataRange: 'B1:D3', anchor: 'I2' }));
    expect(report.degraded).toEqual([]);
    expect(fake.recorder.runs).toBe(1);
    expect(fake.sheet('统计')?.charts).toEqual([{ type: 'ColumnClustered', source: '统计!B1:D3', seriesBy: 'Columns', title: '按进展状态统计', position: 'I2' }]);
    const members = fake.recorder.calls.map((c) => c.member);
    expect(members.indexOf('add', members.lastIndexOf('values'))).toBeGreaterThan(members.lastIndexOf('values'));
  });

  it.each<[ChartPlan['kind'], string]>([
    ['bar', 'BarClustered'],
    ['pie', 'Pie'],
  ])('maps kind %s to Excel chart type %s', async (kind, type) => {
    const fake = createExcelFake();
    await hostOver(fake).apply(chartOps({ kind, title: 't', dataRange: 'B1:C3', anchor: 'F1' }));
    expect(fake.sheet('统计')?.charts.map((c) => c.type)).toEqual([type]);
  });

  it('reports charts as a capability on every supported Excel', async () => {
    expect((await hostOver(createExcelFake({ apiMinor: 7 })).getCapabilities()).charts).toBe(true);
  });
});
