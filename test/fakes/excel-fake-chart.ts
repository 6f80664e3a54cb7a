/** Worksheet charts of the recording Excel fake: charts.add, the title and setPosition. */
import { formatRange, parseRange, stripSheetPrefix } from '../../src/core';
import { FakeContext, FakeProxy } from './excel-fake-core';
import { FakeOfficeError, type FakeChart, type FakeSheet } from './excel-fake-model';
import type { FakeRange, RangeTarget } from './excel-fake-range';

const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Pie', 'Line', 'ColumnStacked', 'BarStacked']);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

type ChartTarget = { sheet: FakeSheet; chart: FakeChart };

class FakeChartProxy extends FakeProxy<ChartTarget> {
  readonly title: { text: string };

  constructor(ctx: FakeContext, resolve: () => ChartTarget | undefined, label: string) {
    super(ctx, resolve, label);
    const set = (text: string) => this.set('title.text', text, (t) => {
      t.chart.title = text;
    });
    this.title = {
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', "The property 'text' is not available.");
      },
      set text(text: string) {
        set(text);
      },
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.call('setPosition', (t) => {
      const start = parseRange(stripSheetPrefix(String(startCell)));
      t.chart.position = formatRange({ ...start, rows: 1, cols: 1 }) + (endCell ? `:${formatRange({ ...parseRange(stripSheetPrefix(endCell)), rows: 1, cols: 1 })}` : '');
    }, startCell);
  }
}

/** `worksheet.charts` for one fake worksheet. */
export function createChartCollection(ctx: FakeContext, sheet: () => FakeSheet, label: string): { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChartProxy } {
  return {
    add: (type, source, seriesBy = 'Auto') => {
      ctx.requireApi(1, 'charts.add');
      let made: ChartTarget | undefined;
      ctx.enqueue(`${label}.charts`, 'add', 'call', () => {
        if (!CHART_TYPES.has(type) || !SERIES_BY.has(seriesBy)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid: ${type}, ${seriesBy}`);
        const target = sheet();
        const src = (source as unknown as { target(): RangeTarget }).target();
        const chart: FakeChart = { type, source: `${src.sheet.name}!${formatRange(src.rect)}`, seriesBy };
        target.charts.push(chart);
        made = { sheet: target, chart };
      }, type);
      return new FakeChartProxy(ctx, () => made, `${label}.chart(${type})`);
    },
  };
}
