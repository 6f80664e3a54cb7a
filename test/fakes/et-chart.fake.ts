/** ChartObjects of the fake ET worksheet: Add(left, top, width, height).Chart with source, type and title. */
import type { EtChartLike, EtChartObjectLike, EtChartObjectsLike, EtRangeLike } from '../../src/hosts/wps/wps-api';
import { FakeRange } from './et-range.fake';
import type { FakeChartData, FakeEtCore, FakeSheetData } from './et-sheet.fake';

export type { FakeChartData };


/** xlColumnClustered, xlBarClustered, xlPie, xlLine, xlColumnStacked. */
const CHART_TYPES = new Set([51, 57, 5, 4, 52]);

function chartOf(core: FakeEtCore, sheet: FakeSheetData, chart: FakeChartData): EtChartLike {
  return {
    SetSourceData(source: EtRangeLike, plotBy?: number) {
      core.record({ method: 'Chart.SetSourceData', sheet: sheet.name });
      if (!(source instanceof FakeRange)) throw new Error('fake ET: SetSourceData needs a Range');
      chart.source = { sheet: source.ctx.data.name, rect: { ...source.rect } };
      chart.plotBy = plotBy;
    },
    get ChartType() {
      return chart.chartType ?? 51;
    },
    set ChartType(type: number) {
      core.record({ method: 'Chart.ChartType', sheet: sheet.name });
      if (!CHART_TYPES.has(type)) throw new Error(`fake ET: bad ChartType ${type}`);
      chart.chartType = type;
    },
    get HasTitle() {
      return chart.hasTitle;
    },
    set HasTitle(v: boolean) {
      chart.hasTitle = v;
    },
    get ChartTitle() {
      // As in Excel: the title object exists only while HasTitle is true.
      if (!chart.hasTitle) throw new Error('fake ET: the chart has no title');
      return {
        get Text() {
          return chart.title ?? '';
        },
        set Text(text: string) {
          chart.title = text;
        },
      };
    },
  };
}

export function createChartObjects(core: FakeEtCore, sheet: FakeSheetData): EtChartObjectsLike {
  const wrap = (chart: FakeChartData): EtChartObjectLike => ({ Chart: chartOf(core, sheet, chart) });
  return {
    get Count() {
      return sheet.charts.length;
    },
    Item(index: number | string) {
      const chart = typeof index === 'number' ? sheet.charts[index - 1] : undefined;
      if (!chart) throw new Error(`fake ET: no ChartObject ${index}`);
      return wrap(chart);
    },
    Add(left: number, top: number, width: number, height: number) {
      core.record({ method: 'ChartObjects.Add', sheet: sheet.name });
      if (![left, top, width, height].every((n) => Number.isFinite(n)) || width <= 0 || height <= 0) throw new Error('fake ET: bad chart size');
      const chart: FakeChartData = { left, top, width, height, hasTitle: false };
      sheet.charts.push(chart);
      return wrap(chart);
    },
  };
}
