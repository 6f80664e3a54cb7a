/** Fonts, fills, conditional formats and charts: the vocabulary plans and write operations share. */

export interface Fill {
  /** '#RRGGBB' */
  color: string;
}

export interface FontStyle {
  color?: string;
  bold?: boolean;
  italic?: boolean;
}

/** Ranges are sheet-relative A1 addresses such as 'H2:H89'. */
export type ConditionalFormatPlan =
  | { kind: 'equals'; range: string; value: string; fill?: Fill; font?: FontStyle }
  | { kind: 'expression'; range: string; formula: string; fill?: Fill; font?: FontStyle }
  | { kind: 'dataBar'; range: string; color: string; min?: number; max?: number }
  | { kind: 'colorScale'; range: string; minColor: string; midColor?: string; maxColor: string };

/** A chart drawn by the hosts (the .xlsx writer cannot draw charts and leaves them out). */
export interface ChartPlan {
  kind: 'column' | 'bar' | 'pie';
  title: string;
  /** Sheet-relative A1 range: header row on top, categories in the first column, one series per further column. */
  dataRange: string;
  /** Top-left cell the chart is placed at, e.g. 'I2'. */
  anchor: string;
}
