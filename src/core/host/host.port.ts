/**
 * The one host port. Every spreadsheet host (memory, Office.js, WPS) implements it, and one
 * contract suite (test/contract/spreadsheet-host.contract.ts) runs against each adapter.
 * Writes travel as plain operations applied in one batch.
 */
import type { CellValue, ChartPlan, ConditionalFormatPlan, Fill, FontStyle } from '../workbook/plan.model';

/** Sheet-relative A1 address, e.g. 'A1' or 'B2:F40'. */
export type A1 = string;

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
  | { op: 'setFormat'; sheet: string; range: A1; format: FormatSpec }
  | { op: 'setNote'; sheet: string; cell: A1; text: string }
  | { op: 'merge'; sheet: string; range: A1 }
  | { op: 'unmerge'; sheet: string; range: A1 }
  | { op: 'freeze'; sheet: string; rows: number; cols: number }
  /** A chart over `chart.dataRange` of the same sheet; hosts that cannot draw it report it as degraded. */
  | { op: 'addChart'; sheet: string; chart: ChartPlan }
  | { op: 'activate'; sheet: string };

export interface ApplyOptions {
  /** Called with the share done (0..1) while a long batch runs. */
  onProgress?: (done: number) => void;
}

export interface ApplyReport {
  applied: number;
  /** Things the host could not do as asked and did another way (e.g. no ListObject in WPS). */
  degraded: { op: WriteOp['op']; sheet?: string; message: string; messageEn: string }[];
}

/** A merged area in a used range, 0-based offsets relative to the range's top-left cell. */
export interface MergedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface UsedRange {
  sheet: string;
  /** Address of the range, e.g. 'A1:F40'; 'A1' for an empty sheet. */
  address: A1;
  /** Display text of each cell ('' when empty); line breaks inside a cell kept as '\n'. */
  values: string[][];
  merges: MergedArea[];
}

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface ChangeEvent {
  sheet: string;
  /** The changed range, e.g. 'E12' or 'E12:E14'. */
  address: A1;
}

export interface HostCapabilities {
  /** Excel table objects (ListObject); WPS may lack them. */
  tables: boolean;
  conditionalFormats: boolean;
  dataBars: boolean;
  listValidation: boolean;
  notes: boolean;
  veryHiddenSheets: boolean;
  changeEvents: boolean;
  /** False when the host cannot read merged areas back (Excel before ExcelApi 1.13); readUsedRange then reports none. */
  mergedAreas?: boolean;
  /** Charts (addChart); absent means unknown, treated as available. */
  charts?: boolean;
  /** Free text such as 'ExcelApi 1.14' or 'WPS 12.1'. */
  version?: string;
}

/** Workbook state the add-in keeps in the workbook itself (a very hidden sheet). */
export interface WorkbookState {
  planVersion?: number;
  registryChoice?: string;
  dismissedFindings?: string[];
  [key: string]: unknown;
}

export interface SpreadsheetHost {
  readonly kind: 'memory' | 'office' | 'wps';
  getCapabilities(): Promise<HostCapabilities>;
  /** Applies the whole batch, or throws a FenjieError before changing anything it can check up front. */
  apply(ops: WriteOp[], options?: ApplyOptions): Promise<ApplyReport>;
  listSheets(): Promise<SheetInfo[]>;
  getActiveSheet(): Promise<string>;
  readUsedRange(sheet: string): Promise<UsedRange>;
  select(sheet: string, range: A1): Promise<void>;
  /** Listens for user edits (the host's own writes are not reported). Returns an unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  readState(): Promise<WorkbookState>;
  writeState(state: WorkbookState): Promise<void>;
}
