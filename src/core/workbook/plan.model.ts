/**
 * The workbook layout as data. The core builds a WorkbookPlan; each writer draws it:
 * the .xlsx writer (src/writers/xlsx) directly, the Excel and WPS hosts through `WriteOp`s.
 */
import type { Finding } from '../model/records.model';
import type { CellValue } from '../sheet/cell-value';
import type { ChartPlan, ConditionalFormatPlan, Fill, FontStyle } from '../sheet/sheet-style';

export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'list';

export interface ColumnPlan {
  /** Record field or tracking key this column holds (stable, used to read the sheet back). */
  key: string;
  header: string;
  /** Width in characters. */
  width: number;
  kind: ColumnKind;
  wrap?: boolean;
  /** For kind 'list': the dropdown values. */
  list?: string[];
  /** Editable by units in distributed workbooks (tracking columns). */
  editable?: boolean;
  numberFormat?: string;
}

export interface ListValidationPlan {
  range: string;
  list: string[];
  /** Reject values outside the list (true) or only warn (false). */
  strict: boolean;
}

export interface CellStylePlan {
  /** Sheet-relative A1 address of one cell or a range. */
  range: string;
  font?: FontStyle;
  fill?: Fill;
  note?: string;
}

export type SheetRole =
  | 'tasks'
  | 'projects'
  | 'fixes'
  | 'findings'
  | 'registry'
  | 'assignments'
  | 'matrix'
  | 'stats'
  | 'instructions'
  | 'state'
  | 'other';

export interface SheetPlan {
  name: string;
  role: SheetRole;
  /** Rows of text above the table (title, instructions); the table starts below them. */
  preamble?: string[];
  /** When set, the rows are drawn as an Excel table (ListObject) with this name. */
  table?: { name: string; style?: string };
  columns: ColumnPlan[];
  rows: CellValue[][];
  freeze?: { rows: number; cols: number };
  validations?: ListValidationPlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  cellStyles?: CellStylePlan[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** Protect the sheet, leaving only editable columns unlocked. */
  protect?: boolean;
  /** Charts over the sheet's own cells, drawn after its values. */
  charts?: ChartPlan[];
}

/** Where one input table's records sit in the workbook. */
export interface RecordTableLayout {
  /** Index of the table in the flattened list of every input's tables (results[0].tables, then results[1]...). */
  table: number;
  kind: 'tasks' | 'projects';
  sheet: string;
  /** 1-based sheet row of the table's record 0; record i is on row firstRow + i. */
  firstRow: number;
  rows: number;
}

export interface WorkbookLayout {
  tables: RecordTableLayout[];
  /** Column letter per column key, per sheet name. */
  columns: Record<string, Record<string, string>>;
}

export interface WorkbookPlan {
  /** Plan format version, stored in the workbook state. */
  version: number;
  sheets: SheetPlan[];
  /** Where the input records are (set by buildWorkbookPlan). */
  layout?: WorkbookLayout;
  /** The input findings with `cell` set to their workbook address. */
  findings?: Finding[];
}
