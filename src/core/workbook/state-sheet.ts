/**
 * The workbook state (WorkbookState JSON) lives in the very hidden sheet _fenjie_state, from A1
 * down column A in chunks (a cell holds at most 32,767 characters). The chunking is shared with
 * the hosts (host/cell-values), so a file written here reads back in Excel and WPS.
 */
import type { WorkbookState } from '../host/host.port';
import { STATE_SHEET, cellsToState, stateToCells } from '../host/cell-values';
import type { SheetPlan } from './plan.model';

/** Joins the column-A cells back into the state; null when there is none. */
export function decodeStateCells(cells: readonly string[]): WorkbookState | null {
  if (!cells.some((c) => c.trim().length > 0)) return null;
  return cellsToState(cells.map((c) => [c]));
}

/** The state sheet: the chunks as preamble rows from A1, no table, very hidden. */
export function planStateSheet(state: WorkbookState): SheetPlan {
  return {
    name: STATE_SHEET,
    role: 'state',
    preamble: stateToCells(state).map((row) => row[0]),
    columns: [],
    rows: [],
    visibility: 'veryHidden',
  };
}
