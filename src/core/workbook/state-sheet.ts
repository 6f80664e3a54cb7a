/** The state sheet as the .xlsx writer draws it: the state chunks as preamble rows from A1, very hidden. */
import { STATE_SHEET, stateToCells, type WorkbookState } from '../sheet/workbook-state';
import type { SheetPlan } from './plan.model';

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
