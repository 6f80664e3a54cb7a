/**
 * The memory host: a full in-memory SpreadsheetHost for unit tests, the CLI-free e2e harness and
 * the contract suite. Batches are checked first and applied to a copy, so a failing batch leaves
 * the workbook unchanged. `simulateUserEdit` stands in for a person typing (it fires onChange;
 * apply() never does).
 */
import { FenjieError } from '../errors';
import type { CellValue } from '../sheet/cell-value';
import type { ChartPlan, ConditionalFormatPlan } from '../sheet/sheet-style';
import type { A1, UsedRange } from '../sheet/used-range';
import type { ApplyOptions, ApplyReport, ChangeEvent, HostCapabilities, SheetInfo, SpreadsheetHost } from './host.port';
import type { FormatSpec, WriteOp } from '../sheet/write-op';
import type { WorkbookState } from '../sheet/workbook-state';
import { formatRange, parseRange, rangesIntersect } from '../sheet/a1';
import { checkBatch } from './batch-check';
import { STATE_SHEET, cellsToState, planStateOps } from '../sheet/workbook-state';
import {
  applyOp, columnWidthsRecord, createSheet, findSheet, readText, readValues, usedRect, writeBlock, type Degraded, type MemoryBook, type Visibility,
  type MemorySheet,
} from './memory-workbook';

export interface MemorySheetInit {
  name: string;
  visibility?: Visibility;
  /** Values from A1 (or from `start`). */
  values?: CellValue[][];
  start?: A1;
  merges?: A1[];
}

export interface MemoryHostInit {
  /** Defaults to one empty sheet 'Sheet1'. */
  sheets?: MemorySheetInit[];
  activeSheet?: string;
  /** Switch capabilities off to exercise the degraded paths. */
  capabilities?: Partial<HostCapabilities>;
  state?: WorkbookState;
}

export interface MemorySheetSnapshot {
  name: string;
  visibility: Visibility;
  /** Used range address ('A1' when empty). */
  address: A1;
  /** Display text from A1 to the used range's bottom-right corner. */
  text: string[][];
  /** Raw values (formulas as {formula}) over the same area as `text`. */
  values: CellValue[][];
  merges: A1[];
  tables: { name: string; range: A1; style?: string }[];
  validations: { range: A1; list: string[]; strict: boolean }[];
  conditionalFormats: ConditionalFormatPlan[];
  formats: { range: A1; format: FormatSpec }[];
  notes: Record<A1, string>;
  columnWidths: Record<string, number>;
  freeze?: { rows: number; cols: number };
  charts: ChartPlan[];
}

export interface MemorySnapshot {
  activeSheet: string;
  selection?: { sheet: string; range: A1 };
  sheets: MemorySheetSnapshot[];
}

export interface MemoryHost extends SpreadsheetHost {
  readonly kind: 'memory';
  snapshot(): MemorySnapshot;
  /** A person typing into the sheet: writes the value(s) and fires onChange. */
  simulateUserEdit(sheet: string, address: A1, value: CellValue | CellValue[][]): void;
  /** How many apply() batches ran (for tests counting round trips). */
  readonly applyCount: number;
  /** Tests: the op with this index (0-based, counted over all later batches) throws host-failed, once. */
  failAtOperation(index: number): void;
  /** Ops applied so far (the unit failAtOperation counts in). */
  readonly operationCount: number;
}

const DEFAULT_CAPABILITIES: HostCapabilities = {
  tables: true,
  conditionalFormats: true,
  dataBars: true,
  listValidation: true,
  notes: true,
  veryHiddenSheets: true,
  changeEvents: true,
  charts: true,
  version: 'memory',
};

function initialBook(init: MemoryHostInit): MemoryBook {
  const sheets = (init.sheets?.length ? init.sheets : [{ name: 'Sheet1' }]).map((s) => {
    const sheet = createSheet(s.name, s.visibility ?? 'visible');
    if (s.values?.length) writeBlock(sheet, s.start ?? 'A1', s.values, false);
    sheet.merges = (s.merges ?? []).map(parseRange);
    return sheet;
  });
  const active = init.activeSheet ?? sheets.find((s) => s.visibility === 'visible')?.name ?? sheets[0].name;
  return { sheets, active };
}

function sheetInfos(book: MemoryBook): SheetInfo[] {
  return book.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
}

function snapshotSheet(sheet: MemoryBook['sheets'][number]): MemorySheetSnapshot {
  const used = usedRect(sheet);
  const area = used ? { row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols } : undefined;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    address: used ? formatRange(used) : 'A1',
    text: area ? readText(sheet, area) : [],
    values: area ? readValues(sheet, area) : [],
    merges: sheet.merges.map(formatRange),
    tables: structuredClone(sheet.tables),
    validations: structuredClone(sheet.validations),
    conditionalFormats: structuredClone(sheet.conditionalFormats),
    formats: structuredClone(sheet.formats),
    notes: Object.fromEntries(sheet.notes),
    columnWidths: columnWidthsRecord(sheet),
    charts: structuredClone(sheet.charts),
    ...(sheet.freeze ? { freeze: { ...sheet.freeze } } : {}),
  };
}

function noSheet(name: string): FenjieError {
  return new FenjieError('host-invalid-op', `找不到工作表：${name}`, `No such sheet: ${name}`, { details: { sheet: name } });
}

/** The sheet's used range as a host reports it: text values and the merges clipped to it. */
function readSheetUsedRange(sheet: MemorySheet): UsedRange {
  const used = usedRect(sheet);
  if (!used) return { sheet: sheet.name, address: 'A1', values: [['']], merges: [] };
  const merges = sheet.merges
    .filter((m) => rangesIntersect(m, used))
    .map((m) => {
      const row = Math.max(m.row, used.row);
      const col = Math.max(m.col, used.col);
      const rows = Math.min(m.row + m.rows, used.row + used.rows) - row;
      const cols = Math.min(m.col + m.cols, used.col + used.cols) - col;
      return { row: row - used.row, col: col - used.col, rows, cols };
    });
  return { sheet: sheet.name, address: formatRange(used), values: readText(sheet, used), merges };
}

function readBookState(book: MemoryBook): WorkbookState {
  const sheet = findSheet(book, STATE_SHEET);
  const used = sheet && usedRect(sheet);
  if (!sheet || !used) return {};
  return cellsToState(readValues(sheet, { row: 0, col: 0, rows: used.row + used.rows, cols: 1 }));
}

/** Operations applied so far, and the one a test asked to fail (failure injection for the contract suite). */
interface OperationCounter {
  operations: number;
  failAt: number | null;
}

function applyOpsTo(draft: MemoryBook, ops: WriteOp[], caps: HostCapabilities, counter: OperationCounter, options?: ApplyOptions): Degraded[] {
  const degraded: Degraded[] = [];
  ops.forEach((op, i) => {
    if (counter.failAt !== null && counter.operations === counter.failAt) {
      counter.failAt = null;
      throw new FenjieError('host-failed', `第 ${i + 1} 步失败（测试注入）`, `Step ${i + 1} failed (injected)`, { details: { index: i } });
    }
    counter.operations++;
    const note = applyOp(draft, op, caps);
    if (note) degraded.push(note);
    if (options?.onProgress && (i % 50 === 49 || i === ops.length - 1)) options.onProgress((i + 1) / ops.length);
  });
  return degraded;
}

export function createMemoryHost(init: MemoryHostInit = {}): MemoryHost {
  let book = initialBook(init);
  const caps: HostCapabilities = { ...DEFAULT_CAPABILITIES, ...init.capabilities };
  const listeners = new Set<(event: ChangeEvent) => void>();
  let applyCount = 0;
  const counter: OperationCounter = { operations: 0, failAt: null };

  const sheetOrThrow = (name: string) => findSheet(book, name) ?? (() => { throw noSheet(name); })();

  function applyBatch(ops: WriteOp[], options?: ApplyOptions): ApplyReport {
    checkBatch(ops, sheetInfos(book), book.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name }))));
    const draft = structuredClone(book);
    const degraded = applyOpsTo(draft, ops, caps, counter, options);
    book = draft;
    applyCount++;
    return { applied: ops.length, degraded };
  }

  if (init.state) writeStateSync(init.state);

  function writeStateSync(state: WorkbookState): void {
    const existing = findSheet(book, STATE_SHEET);
    applyBatch(planStateOps(state, existing ?? null));
    applyCount--;
  }

  return {
    kind: 'memory',
    get applyCount() {
      return applyCount;
    },
    get operationCount() {
      return counter.operations;
    },
    failAtOperation(index) {
      counter.failAt = counter.operations + index;
    },
    async getCapabilities() {
      return { ...caps };
    },
    async apply(ops, options) {
      return applyBatch(ops, options);
    },
    async listSheets() {
      return sheetInfos(book);
    },
    getActiveSheet: async () => book.active,
    async readUsedRange(name) {
      return readSheetUsedRange(sheetOrThrow(name));
    },
    async select(name, range) {
      const sheet = sheetOrThrow(name);
      if (sheet.visibility !== 'visible') throw new FenjieError('host-invalid-op', `工作表已隐藏：${name}`, `The sheet is hidden: ${name}`);
      book.active = sheet.name;
      book.selection = { sheet: sheet.name, range: formatRange(parseRange(range)) };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async readState() {
      return readBookState(book);
    },
    async writeState(state) {
      writeStateSync(state);
    },
    snapshot() {
      return {
        activeSheet: book.active,
        ...(book.selection ? { selection: { ...book.selection } } : {}),
        sheets: book.sheets.map(snapshotSheet),
      };
    },
    simulateUserEdit(name, address, value) {
      const sheet = sheetOrThrow(name);
      const values = Array.isArray(value) ? value : [[value]];
      const rect = writeBlock(sheet, formatRange({ ...parseRange(address), rows: 1, cols: 1 }), values, false);
      const event: ChangeEvent = { sheet: sheet.name, address: formatRange(rect) };
      for (const listener of [...listeners]) listener(event);
    },
  };
}
