/**
 * The workbook data behind the recording Excel fake, with Excel's own rules for what a write
 * does: a string written to a cell whose format is not text is parsed the way Excel parses typing
 * ('=…' and '+'/'-'/'@' starts become formulas, '001' becomes 1, '2023-03-01' a date).
 */
import { isoDateToSerial, formatNumber, type RangeRect } from '../../src/core';
import { displayText } from '../../src/core/testing';

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
}

export interface FakeConditionalFormat {
  type: string;
  range: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
  dataBar?: { fillColor?: string; lower?: unknown; upper?: unknown };
  criteria?: unknown;
}

export interface FakeChart {
  type: string;
  /** 'Sheet!A1:D6' */
  source: string;
  seriesBy: string;
  title?: string;
  /** Top-left cell (or 'A1:H20') given to setPosition. */
  position?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  merges: RangeRect[];
  tables: { name: string; range: string; style: string }[];
  validations: { range: string; rule: unknown; errorAlert?: unknown }[];
  conditionalFormats: FakeConditionalFormat[];
  notes: { cell: string; content: string; kind: 'note' | 'comment' }[];
  formats: { range: string; property: string; value: unknown }[];
  columnWidths: Map<number, number>;
  freeze?: { rows: number; cols: number };
  charts: FakeChart[];
}

export interface FakeWorkbookData {
  sheets: FakeSheet[];
  activeId: string;
  selection?: { sheetId: string; address: string };
  nextId: number;
}

export const keyOf = (row: number, col: number): string => `${row},${col}`;

export function newSheet(data: FakeWorkbookData, name: string): FakeSheet {
  const sheet: FakeSheet = {
    id: `{00000000-0001-0000-${String(data.nextId++).padStart(4, '0')}-000000000000}`,
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    notes: [],
    formats: [],
    columnWidths: new Map(),
    charts: [],
  };
  return sheet;
}

/** What Excel stores when a value is written into a cell with the given number format. */
export function parseWrite(input: unknown, numberFormat: string): FakeCell {
  if (input === null || input === undefined || input === '') return { value: null, numberFormat };
  if (typeof input !== 'string') return { value: input as number | boolean, numberFormat };
  if (numberFormat === '@') return { value: input, numberFormat };
  if (input.startsWith('=')) return { value: null, formula: input, numberFormat };
  if (/^[+-]?\d+(\.\d+)?$/.test(input.trim())) return { value: Number(input), numberFormat };
  if (/^[+@-]/.test(input)) return { value: null, formula: `=${input.slice(input.startsWith('@') ? 1 : 0)}`, numberFormat };
  if (/^\d+(\.\d+)?%$/.test(input)) return { value: Number(input.slice(0, -1)) / 100, numberFormat: numberFormat === 'General' ? '0%' : numberFormat };
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return { value: isoDateToSerial(input), numberFormat: numberFormat === 'General' ? 'yyyy-mm-dd' : numberFormat };
  if (/^\d{1,2}\/\d{1,2}$/.test(input)) return { value: 45000, numberFormat: numberFormat === 'General' ? 'm/d' : numberFormat };
  if (/^(TRUE|FALSE)$/i.test(input)) return { value: input.toUpperCase() === 'TRUE', numberFormat };
  return { value: input, numberFormat };
}

/** The text Excel shows for a cell (formulas are not evaluated by the fake: '#FAKE-FORMULA'). */
export function cellText(cell: FakeCell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return '#FAKE-FORMULA';
  if (typeof cell.value === 'number') return formatNumber(cell.value, cell.numberFormat);
  return displayText(cell.value);
}

export function isEmptyCell(cell: FakeCell | undefined): boolean {
  return !cell || ((cell.value === null || cell.value === '') && !cell.formula);
}

/** Bounding box of non-empty cells. */
export function usedRectOf(sheet: FakeSheet): RangeRect | undefined {
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  for (const [key, cell] of sheet.cells) {
    if (isEmptyCell(cell)) continue;
    const [r, c] = key.split(',').map(Number);
    minR = Math.min(minR, r);
    minC = Math.min(minC, c);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }
  return maxR < 0 ? undefined : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
}

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}
