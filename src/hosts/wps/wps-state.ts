/**
 * Workbook state in the very hidden sheet `_fenjie_state`, cell A1 holding the JSON, as the Excel
 * adapter keeps it, so a workbook moved between Excel and WPS keeps its state. JSON longer than one
 * cell holds continues in A2, A3, … (read back by joining column A).
 */
import { FenjieError, type WorkbookState } from '../../core/index';
import { formatA1 } from './a1-address';
import { resolveEtEnum, type EtApplicationLike, type EtWorksheetLike } from './wps-api';
import { addSheetAtEnd, workbookOf } from './wps-ops';
import { toGrid } from './wps-read';

export const STATE_SHEET = '_fenjie_state';
/** Characters of JSON per cell (under the 32,767 limit, with room to spare). */
export const STATE_CHUNK = 30000;

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
  const grid = toGrid(used.Value2, used.Rows.Count, used.Columns.Count);
  const firstColumn = used.Column === 1 ? grid.map((row) => row[0]) : [];
  const text = firstColumn.map((v) => (v === undefined || v === null ? '' : String(v))).join('');
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as WorkbookState;
    throw new Error('state is not a JSON object');
  } catch (error) {
    throw new FenjieError('host-state-invalid', `工作簿状态（${STATE_SHEET} 表）已损坏，无法读取`, `Workbook state (sheet ${STATE_SHEET}) is damaged`, { cause: error });
  }
}

/** Writes the state; creates the very hidden sheet on first use. */
export function writeStateTo(app: EtApplicationLike, state: WorkbookState): void {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) chunks.push(json.slice(i, i + STATE_CHUNK));
  if (chunks.length === 0) chunks.push('{}');
  let ws = findStateSheet(app);
  if (!ws) {
    ws = addSheetAtEnd(app, STATE_SHEET);
    ws.Visible = resolveEtEnum(app, 'xlSheetVeryHidden');
  } else {
    ws.UsedRange.Clear();
  }
  const range = ws.Range(formatA1({ row: 1, col: 1, rows: chunks.length, cols: 1 }));
  range.NumberFormat = '@';
  range.Value2 = chunks.length === 1 ? chunks[0] : chunks.map((c) => [c]);
}
