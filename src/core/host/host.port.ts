/**
 * The one host port. Every spreadsheet host (memory, Office.js, WPS) implements it, and one
 * contract suite (test/contract/spreadsheet-host.contract.ts) runs against each adapter.
 * Writes travel as plain operations applied in one batch.
 */
import type { A1, UsedRange } from '../sheet/used-range';
import type { WorkbookState } from '../sheet/workbook-state';
import type { WriteOp } from '../sheet/write-op';

export interface ApplyOptions {
  /** Called with the share done (0..1) while a long batch runs. */
  onProgress?: (done: number) => void;
}

export interface ApplyReport {
  applied: number;
  /** Things the host could not do as asked and did another way (e.g. no ListObject in WPS). */
  degraded: { op: WriteOp['op']; sheet?: string; message: string; messageEn: string }[];
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
