/**
 * Reading the workbook state from the very hidden sheet `_fenjie_state` (column A, joined). It is
 * written like every host writes it: the batch of the core's planStateOps.
 */
import { cellsToState, STATE_SHEET, type WorkbookState } from '../../core/index';
import type { EtApplicationLike, EtWorksheetLike } from './wps-api';
import { workbookOf } from './wps-ops';
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
