/**
 * Writes travel as plain operations applied in one batch: the memory host, Excel and WPS each
 * apply a WriteOp[] (see host/host.port.ts); the planner produces them from a WorkbookPlan.
 */
import type { CellValue } from './cell-value';
import type { ChartPlan, ConditionalFormatPlan, Fill, FontStyle } from './sheet-style';
import type { A1 } from './used-range';

export interface FormatSpec {
  font?: FontStyle;
  fill?: Fill;
  wrap?: boolean;
  numberFormat?: string;
  /** Column width in characters, applied to every column of the range. */
  columnWidth?: number;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'center' | 'bottom';
}

export type WriteOp =
  | { op: 'addSheet'; sheet: string }
  | { op: 'deleteSheet'; sheet: string }
  | { op: 'renameSheet'; sheet: string; to: string }
  | { op: 'copySheet'; sheet: string; to: string }
  | { op: 'setSheetVisibility'; sheet: string; visibility: 'visible' | 'hidden' | 'veryHidden' }
  /** A 2-D block written at `start` (top-left). Strings are always written as text, never as formulas. */
  | { op: 'writeValues'; sheet: string; start: A1; values: CellValue[][] }
  | { op: 'clearRange'; sheet: string; range: A1 }
  | { op: 'createTable'; sheet: string; range: A1; name: string; style?: string }
  | { op: 'setListValidation'; sheet: string; range: A1; list: string[]; strict: boolean }
  | { op: 'addConditionalFormat'; sheet: string; rule: ConditionalFormatPlan }
  /** Removes the conditional formats on `range` (before redrawing them: addConditionalFormat only adds). */
  | { op: 'clearConditionalFormats'; sheet: string; range: A1 }
  | { op: 'setFormat'; sheet: string; range: A1; format: FormatSpec }
  | { op: 'setNote'; sheet: string; cell: A1; text: string }
  | { op: 'merge'; sheet: string; range: A1 }
  | { op: 'unmerge'; sheet: string; range: A1 }
  | { op: 'freeze'; sheet: string; rows: number; cols: number }
  /** A chart over `chart.dataRange` of the same sheet; hosts that cannot draw it report it as degraded. */
  | { op: 'addChart'; sheet: string; chart: ChartPlan }
  | { op: 'activate'; sheet: string };
