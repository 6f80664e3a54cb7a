/**
 * addChart in ET: ChartObjects().Add at the anchor cell, SetSourceData over the data range,
 * the chart type and the title. Any failure is reported as degraded: a missing chart costs the
 * user a picture, not data, so it must not stop the batch midway.
 */
import type { WriteOp } from '../../core/index';
import { resolveEtEnum, type EtApplicationLike, type EtWorksheetLike } from './wps-api';
import type { FormatContext } from './wps-format';

type AddChartOp = Extract<WriteOp, { op: 'addChart' }>;

/** Default chart size in points (about 8 columns × 18 rows of a default sheet). */
const CHART_WIDTH = 480;
const CHART_HEIGHT = 288;

function chartTypeOf(app: EtApplicationLike, kind: AddChartOp['chart']['kind']): number {
  return resolveEtEnum(app, kind === 'bar' ? 'xlBarClustered' : kind === 'pie' ? 'xlPie' : 'xlColumnClustered');
}

export function addChart(ctx: FormatContext, ws: EtWorksheetLike, op: AddChartOp): void {
  try {
    if (typeof ws.ChartObjects !== 'function') throw new Error('ChartObjects is missing');
    const anchor = ws.Range(op.chart.anchor);
    const chart = ws.ChartObjects().Add(Number(anchor.Left ?? 0), Number(anchor.Top ?? 0), CHART_WIDTH, CHART_HEIGHT).Chart;
    chart.SetSourceData(ws.Range(op.chart.dataRange), resolveEtEnum(ctx.app, 'xlColumns'));
    chart.ChartType = chartTypeOf(ctx.app, op.chart.kind);
    chart.HasTitle = true;
    chart.ChartTitle.Text = op.chart.title;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.degrade({
      op: 'addChart',
      sheet: op.sheet,
      message: `此版本 WPS 无法插入图表（${reason}），已跳过「${op.chart.title}」`,
      messageEn: `This WPS could not insert a chart (${reason}); "${op.chart.title}" was skipped`,
    });
  }
}
