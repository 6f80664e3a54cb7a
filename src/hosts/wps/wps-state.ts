/**
 * Workbook state in the very hidden sheet `_fenjie_state`, cell A1 holding the JSON, as the Excel
 * adapter keeps it, so a workbook moved between Excel and WPS keeps its state. JSON longer than one
 * cell holds continues in A2, A3, … (read back by joining column A).
 */
import { cellsToState, stateToCells, STATE_SHEET, type WorkbookState } from '../../core/index';
import { formatA1 } from './a1-address';
import { resolveEtEnum, type EtApplicationLike, type EtWorksheetLike } from './wps-api';
import { addSheetAtEnd, workbookOf } from './wps-ops';
import { toGrid } from './wps-read';

export { STATE_SHEET };

export function findStateSheet(app: EtApplicationLike): EtWorksheetLike | undefined {
  const sheets = workbookOf(app).Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    if (ws.Name === STATE_SHEET) return ws;
  }
  return undefined;
}

export function readStateFrom(app: EtApplicationLike): WorkbookState {
  const ws = findStateSheet(app);
  if (!ws) return {};
  const used = ws.UsedRange;
  if (used.Column !== 1) return {};
  const grid = toGrid(used.Value2, used.Rows.Count, used.Columns.Count);
  return cellsToState(grid);
}

/** Writes the state; creates the very hidden sheet on first use. */
export function writeStateTo(app: EtApplicationLike, state: WorkbookState): void {
  const chunks = stateToCells(state);
  let ws = findStateSheet(app);
  if (!ws) {
    ws = addSheetAtEnd(app, STATE_SHEET);
    ws.Visible = resolveEtEnum(app, 'xlSheetVeryHidden');
  } else {
    ws.UsedRange.Clear();
  }
  const range = ws.Range(formatA1({ row: 1, col: 1, rows: chunks.length, cols: 1 }));
  range.NumberFormat = '@';
  range.Value2 = chunks.length === 1 ? chunks[0][0] : chunks;
}
