/**
 * The data behind the fake ET Application: cells, merges, validations, format conditions of
 * each sheet, plus the shared call log and event bus. Kept apart from the COM-shaped objects
 * (et-range.fake.ts, et-application.fake.ts) so tests can inspect plain data.
 */
import { formatA1, parseA1, rectsIntersect, type CellRect } from './et-a1';

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: number;
  fontColor?: number;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  hAlign?: number;
  vAlign?: number;
  comment?: string;
}

export interface FakeValidation {
  rect: CellRect;
  type: number;
  alertStyle?: number;
  operator?: number;
  formula1?: string;
}

export interface FakeCondition {
  rect: CellRect;
  type: number;
  operator?: number;
  formula1?: string;
  interiorColor?: number;
  fontColor?: number;
  bold?: boolean;
  barColor?: number;
  minPoint?: { type: number; value?: number };
  maxPoint?: { type: number; value?: number };
  scale?: { type: number; value?: number; color?: number }[];
}

/** A chart object of the fake worksheet (et-chart.fake.ts draws the COM shape over it). */
export interface FakeChartData {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Source sheet name and rectangle, once SetSourceData ran. */
  source?: { sheet: string; rect: CellRect };
  plotBy?: number;
  chartType?: number;
  hasTitle: boolean;
  title?: string;
}

export interface FakeCall {
  method: string;
  sheet?: string;
  address?: string;
}

export interface FakeEtOptions {
  /** Initial sheet names (default ['Sheet1']). */
  sheets?: string[];
  /** ListObjects.Add throws, as in some WPS builds. */
  listObjectsThrow?: boolean;
  /** Range('A1,C3') (union addresses) refused, to test the per-area fallback. */
  noUnionRanges?: boolean;
  /** Worksheet.ListObjects missing altogether (older builds). */
  noListObjects?: boolean;
  /** FormatConditions.AddDatabar / AddColorScale missing. */
  noDatabar?: boolean;
  /** Worksheet.ChartObjects missing (builds without charts in the JS API). */
  noCharts?: boolean;
  /** Expose Application.Enum (true: the standard values; object: these values). */
  withEnum?: boolean | Record<string, number>;
  /** 'sync' fires SheetChange inside the write (VBA-like); 'deferred' after a macrotask. */
  eventDelivery?: 'sync' | 'deferred';
  /** When true, EnableEvents = false silences SheetChange; WPS builds differ, so default false. */
  honourEnableEvents?: boolean;
  /** Throw from a mutating call when this returns true (to test failures midway). */
  failWhen?: (call: FakeCall) => boolean;
  /** Which task pane factory spellings exist. */
  taskpaneSpelling?: 'CreateTaskPane' | 'CreateTaskpane' | 'both' | 'none';
  build?: string;
}

export class FakeSheetData {
  visible = -1;
  readonly cells = new Map<string, FakeCell>();
  merges: CellRect[] = [];
  validations: FakeValidation[] = [];
  conditions: FakeCondition[] = [];
  listObjects: { name: string; rect: CellRect; style?: unknown }[] = [];
  charts: FakeChartData[] = [];
  autoFilter?: CellRect;
  readonly columnWidths = new Map<number, number>();
  freeze?: { rows: number; cols: number };
  selection?: CellRect;

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensureCell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Test helper: the stored value of one cell by A1 address. */
  valueAt(a1: string): string | number | boolean | undefined {
    const r = parseA1(a1);
    return this.cell(r.row, r.col)?.value;
  }

  cellAt(a1: string): FakeCell | undefined {
    const r = parseA1(a1);
    return this.cell(r.row, r.col);
  }

  mergeContaining(row: number, col: number): CellRect | undefined {
    return this.merges.find((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols);
  }

  forEachCell(rect: CellRect, fn: (row: number, col: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) fn(r, c);
  }

  /** Bounding box of cells holding a value or formula, and of merged areas. */
  usedRect(): CellRect {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const grow = (row: number, col: number, rows = 1, cols = 1) => {
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row + rows - 1);
      right = Math.max(right, col + cols - 1);
    };
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      const [row, col] = key.split(',').map(Number);
      grow(row, col);
    }
    for (const m of this.merges) grow(m.row, m.col, m.rows, m.cols);
    if (bottom === 0) return { row: 1, col: 1, rows: 1, cols: 1 };
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  clone(name: string): FakeSheetData {
    const copy = new FakeSheetData(name);
    for (const [key, cell] of this.cells) copy.cells.set(key, { ...cell });
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.validations = this.validations.map((v) => ({ ...v }));
    copy.conditions = this.conditions.map((c) => ({ ...c }));
    copy.charts = this.charts.map((c) => ({ ...c }));
    for (const [col, width] of this.columnWidths) copy.columnWidths.set(col, width);
    copy.freeze = this.freeze ? { ...this.freeze } : undefined;
    return copy;
  }

  removeIntersecting<T extends { rect: CellRect }>(items: T[], rect: CellRect): T[] {
    return items.filter((item) => !rectsIntersect(item.rect, rect));
  }

  describe(rect: CellRect): string {
    return formatA1(rect);
  }
}

type Listener = (...args: unknown[]) => void;

/** Shared state of one fake: call log, failure injection and the SheetChange bus. */
export class FakeEtCore {
  readonly calls: FakeCall[] = [];
  /** Worksheet.Range(...) lookups, reads included: what a round trip to WPS costs. */
  rangeLookups = 0;
  readonly listeners = new Map<string, Listener[]>();
  enableEvents = true;
  /** While > 0, calls are not logged (a union range logs its one call, not one per area). */
  muted = 0;

  constructor(readonly options: FakeEtOptions) {}

  /** Logs a mutating call, throwing first when the test asked this call to fail. */
  record(call: FakeCall): void {
    if (this.muted > 0) return;
    if (this.options.failWhen?.(call)) throw new Error(`injected failure in ${call.method} ${call.sheet ?? ''} ${call.address ?? ''}`.trim());
    this.calls.push(call);
  }

  emit(name: string, args: unknown[], fromUser = false): void {
    if (!fromUser && this.options.honourEnableEvents && !this.enableEvents) return;
    const fire = () => {
      for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
    };
    if (this.options.eventDelivery === 'deferred') setTimeout(fire, 0);
    else fire();
  }
}
