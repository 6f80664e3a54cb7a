/** Reads from the workbook: sheet list, used range text with merged areas, the state sheet. */
import { STATE_SHEET, cellsToState, formatRange, parseRange, rangesIntersect, stripSheetPrefix, type MergedArea, type SheetInfo, type UsedRange, type WorkbookState } from '../../core';
import type { OfficeFeatures } from './office-capabilities';

const VISIBILITY: Record<string, SheetInfo['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** Queues the sheet list; read `items` after the next sync. */
export function queueSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  return sheets;
}

export function toSheetInfos(sheets: Excel.WorksheetCollection): SheetInfo[] {
  return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] ?? 'visible' }));
}

/** "'a,b'!A1:B2,Sheet1!C3" → its areas (commas inside a quoted sheet name are not separators). */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      areas.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) areas.push(current.trim());
  return areas;
}

function isBlank(text: string[][]): boolean {
  return text.every((row) => row.every((cell) => cell === ''));
}

/** Merged areas as offsets relative to the used range, clipped to it. */
export function relativeMerges(usedAddress: string, areaAddresses: string[]): MergedArea[] {
  const used = parseRange(stripSheetPrefix(usedAddress));
  return areaAddresses
    .map((a) => parseRange(stripSheetPrefix(a)))
    .filter((m) => rangesIntersect(m, used))
    .map((m) => {
      const row = Math.max(m.row, used.row);
      const col = Math.max(m.col, used.col);
      return {
        row: row - used.row,
        col: col - used.col,
        rows: Math.min(m.row + m.rows, used.row + used.rows) - row,
        cols: Math.min(m.col + m.cols, used.col + used.cols) - col,
      };
    });
}

/** One sync: the used range's display text and its merged areas (ExcelApi 1.13). */
export async function readUsedRangeIn(context: Excel.RequestContext, sheet: string, features: OfficeFeatures): Promise<UsedRange> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.load('name');
  const used = worksheet.getUsedRange(true);
  used.load('address,text');
  const merged = features.has('mergedAreas') ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load('address');
  await context.sync();
  const text = used.text.map((row) => row.map((cell) => String(cell ?? '').replace(/\r\n?/g, '\n')));
  if (isBlank(text)) return { sheet: worksheet.name, address: 'A1', values: [['']], merges: [] };
  const areas = merged && !merged.isNullObject ? splitAreas(merged.address) : [];
  const address = stripSheetPrefix(used.address);
  return { sheet: worksheet.name, address, values: text, merges: relativeMerges(address, areas) };
}

/** Cells read per sync when a used range is too big for one response. */
const CHUNK_CELLS = 20000;

/**
 * The slow path for a used range whose text passes Excel's 5 MB response limit: its address and
 * merged areas first, then the text in row chunks, one sync each.
 */
export async function readUsedRangeChunked(run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>, sheet: string, features: OfficeFeatures): Promise<UsedRange> {
  const head = await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.load('name');
    const used = worksheet.getUsedRange(true);
    used.load('address');
    const merged = features.has('mergedAreas') ? used.getMergedAreasOrNullObject() : undefined;
    merged?.load('address');
    await context.sync();
    return { name: worksheet.name, address: stripSheetPrefix(used.address), areas: merged && !merged.isNullObject ? splitAreas(merged.address) : [] };
  });
  const rect = parseRange(head.address);
  const perChunk = Math.max(1, Math.floor(CHUNK_CELLS / rect.cols));
  const text: string[][] = [];
  for (let first = 0; first < rect.rows; first += perChunk) {
    const rows = Math.min(perChunk, rect.rows - first);
    const part = await run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(formatRange({ ...rect, row: rect.row + first, rows }));
      range.load('text');
      await context.sync();
      return range.text;
    });
    for (const row of part) text.push(row.map((cell) => String(cell ?? '').replace(/\r\n?/g, '\n')));
  }
  return { sheet: head.name, address: head.address, values: text, merges: relativeMerges(head.address, head.areas) };
}

/** Two syncs: does the state sheet exist, then its column A. */
export async function readStateIn(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  sheet.load('name');
  await context.sync();
  if (sheet.isNullObject) return {};
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  if (used.isNullObject) return {};
  return cellsToState(used.values.map((row) => [row[0]]));
}
