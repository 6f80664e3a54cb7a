/**
 * Writing a value block into ET. Values go as 2-D `Value2` arrays (never cell by cell). Because
 * ET parses strings written into a General cell the way it parses typing ('=…' becomes a formula,
 * '007' the number 7), every run of string cells gets NumberFormat '@' first. Dates go as serial
 * numbers with a date format; formulas are written afterwards through `Formula`, per column run.
 */
import { DATE_FORMAT, formulaText, isoDateToSerial, TEXT_FORMAT, type CellValue, type FormulaValue, formatRange, type RangeRect } from '../../core/index';
import type { EtWorksheetLike } from './wps-api';

/** Rows per Value2 call; keeps each call small enough for the pane to stay responsive. */
export const ROWS_PER_CHUNK = 2000;

type Kind = 'text' | 'date' | 'formula' | 'other';

function kindOf(value: CellValue): Kind {
  if (typeof value === 'string') return 'text';
  if (value && typeof value === 'object') return 'formula' in value ? 'formula' : 'date';
  return 'other';
}

function toRaw(value: CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return 'date' in value ? isoDateToSerial(value.date) : '';
  return value;
}

/** Vertical runs of one kind inside column `c` of the block: [firstRow, rowCount] pairs. */
function runsOf(values: CellValue[][], c: number, kind: Kind): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let r = 0; r <= values.length; r++) {
    const hit = r < values.length && kindOf(values[r][c]) === kind;
    if (hit && start < 0) start = r;
    if (!hit && start >= 0) {
      runs.push([start, r - start]);
      start = -1;
    }
  }
  return runs;
}

/** Horizontal strips of whole columns that are runs of `kind` from the first to the last row. */
function formatRuns(ws: EtWorksheetLike, origin: RangeRect, values: CellValue[][], kind: Kind, numberFormat: string): void {
  const width = values[0]?.length ?? 0;
  const full: number[] = [];
  for (let c = 0; c < width; c++) {
    const runs = runsOf(values, c, kind);
    if (runs.length === 1 && runs[0][1] === values.length) {
      full.push(c);
      continue;
    }
    for (const [row, rows] of runs) ws.Range(formatRange({ row: origin.row + row, col: origin.col + c, rows, cols: 1 })).NumberFormat = numberFormat;
  }
  // Adjacent whole columns share one call.
  for (let i = 0; i < full.length; ) {
    let j = i;
    while (j + 1 < full.length && full[j + 1] === full[j] + 1) j++;
    ws.Range(formatRange({ row: origin.row, col: origin.col + full[i], rows: values.length, cols: j - i + 1 })).NumberFormat = numberFormat;
    i = j + 1;
  }
}

function writeFormulas(ws: EtWorksheetLike, origin: RangeRect, values: CellValue[][]): void {
  const width = values[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    for (const [row, rows] of runsOf(values, c, 'formula')) {
      const block = values.slice(row, row + rows).map((r) => {
        return [formulaText(r[c] as FormulaValue)];
      });
      const range = ws.Range(formatRange({ row: origin.row + row, col: origin.col + c, rows, cols: 1 }));
      range.Formula = rows === 1 ? block[0][0] : block;
    }
  }
}

/** Writes one chunk of rows: formats first, then one Value2 call, then formulas. */
function writeChunk(ws: EtWorksheetLike, origin: RangeRect, values: CellValue[][]): void {
  const width = values[0]?.length ?? 0;
  if (width === 0) return;
  formatRuns(ws, origin, values, 'text', TEXT_FORMAT);
  formatRuns(ws, origin, values, 'date', DATE_FORMAT);
  const range = ws.Range(formatRange({ row: origin.row, col: origin.col, rows: values.length, cols: width }));
  const raw = values.map((row) => row.map(toRaw));
  range.Value2 = values.length === 1 && width === 1 ? raw[0][0] : raw;
  writeFormulas(ws, origin, values);
}

/** Writes the block in chunks of ROWS_PER_CHUNK rows; returns the rectangle written. */
export function writeValueBlock(ws: EtWorksheetLike, start: RangeRect, rows: CellValue[][]): RangeRect {
  // Short rows are padded with empty cells, as the other hosts do.
  const width = rows.reduce((m, row) => Math.max(m, row.length), 0);
  const values = rows.map((row) => (row.length === width ? row : [...row, ...new Array<CellValue>(width - row.length).fill(null)]));
  for (let offset = 0; offset < values.length; offset += ROWS_PER_CHUNK) {
    writeChunk(ws, { ...start, row: start.row + offset }, values.slice(offset, offset + ROWS_PER_CHUNK));
  }
  return { row: start.row, col: start.col, rows: values.length, cols: values[0]?.length ?? 0 };
}
