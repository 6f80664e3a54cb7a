/**
 * Workbook state: the JSON the add-in keeps in the workbook itself, in the very hidden sheet
 * _fenjie_state, from A1 down column A in chunks (a cell holds at most 32,767 characters). The
 * .xlsx writer, the memory host, Excel and WPS all write it through `planStateOps`, so a file
 * written by any of them reads back in the others.
 */
import { FenjieError } from '../errors';
import { formatRange } from './a1';
import { SHEET_NAMES } from './sheet-names';
import type { WriteOp } from './write-op';

/** Workbook state the add-in keeps in the workbook itself (a very hidden sheet). */
export interface WorkbookState {
  planVersion?: number;
  registryChoice?: string;
  dismissedFindings?: string[];
  [key: string]: unknown;
}

/** The very hidden sheet holding the workbook state (the .xlsx writer, Excel and WPS agree on it). */
export const STATE_SHEET = SHEET_NAMES.state;
/** Excel's cell text limit is 32,767 characters; longer state JSON continues down column A. */
export const STATE_CHUNK = 32000;
/** Rows of column A cleared before a new state is written (64 MB of JSON at most). */
export const STATE_MAX_ROWS = 2000;

/** State JSON as column-A cells (one cell unless the JSON is longer than a cell can hold). */
export function stateToCells(state: WorkbookState): string[][] {
  const json = JSON.stringify(state);
  const cells: string[][] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) cells.push([json.slice(i, i + STATE_CHUNK)]);
  if (cells.length > STATE_MAX_ROWS) {
    throw new FenjieError('host-state-too-large', '工作簿状态过大，无法保存', 'The workbook state is too large to be stored', { details: { chunks: cells.length } });
  }
  return cells.length ? cells : [['{}']];
}

/** Reads state back from column-A cells; an empty sheet gives {}. */
export function cellsToState(cells: readonly (readonly unknown[])[]): WorkbookState {
  const json = cells.map((row) => (row[0] === null || row[0] === undefined ? '' : String(row[0]))).join('');
  if (!json.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as WorkbookState) : {};
  } catch (cause) {
    throw new FenjieError('host-state-corrupt', '工作簿中保存的状态无法读取', 'The state stored in the workbook cannot be read', { cause });
  }
}

/** Joins the column-A texts back into the state; null when there is none. */
export function decodeStateCells(cells: readonly string[]): WorkbookState | null {
  if (!cells.some((c) => c.trim().length > 0)) return null;
  return cellsToState(cells.map((c) => [c]));
}

/**
 * The one way every host writes the state: (add the sheet | clear column A), write the chunks,
 * hide it. `existing` is the state sheet as the host lists it, or null when there is none.
 */
export function planStateOps(state: WorkbookState, existing: { visibility: 'visible' | 'hidden' | 'veryHidden' } | null): WriteOp[] {
  const ops: WriteOp[] = existing
    ? [{ op: 'clearRange', sheet: STATE_SHEET, range: formatRange({ row: 0, col: 0, rows: STATE_MAX_ROWS, cols: 1 }) }]
    : [{ op: 'addSheet', sheet: STATE_SHEET }];
  ops.push({ op: 'writeValues', sheet: STATE_SHEET, start: 'A1', values: stateToCells(state) });
  if (existing?.visibility !== 'veryHidden') ops.push({ op: 'setSheetVisibility', sheet: STATE_SHEET, visibility: 'veryHidden' });
  return ops;
}
