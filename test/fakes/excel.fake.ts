/**
 * A recording fake of the Excel JavaScript object model, enough for the Office host adapter:
 * Excel.run (with RunOptions), context.sync counting and payload sizes, worksheets, ranges
 * (values, numberFormat, text, format, merge, getMergedAreasOrNullObject), tables, data
 * validation, conditional formats, notes/comments, freeze panes, suspend calculation/screen,
 * runtime.enableEvents and onChanged. Writes follow Excel's parsing rules (see excel-fake-model).
 */
import { formatRange, isValidSheetName, parseRange, stripSheetPrefix } from '../../src/core';
import { FakeContext, FakeProxy, dispatchChange, type FakeEvent, type FakeShared, type Recorder } from './excel-fake-core';
import { FakeOfficeError, keyOf, newSheet, parseWrite, usedRectOf, type FakeSheet, type FakeWorkbookData } from './excel-fake-model';
import { FakeRange, FakeRangeAreasWritable, type RangeTarget } from './excel-fake-range';

function target(sheet: FakeSheet, address: string): RangeTarget {
  try {
    return { sheet, rect: parseRange(stripSheetPrefix(address)) };
  } catch {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
}

function findSheet(data: FakeWorkbookData, key: string): FakeSheet | undefined {
  const lower = String(key).toLowerCase();
  return data.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
}

function visibleCount(data: FakeWorkbookData): number {
  return data.sheets.filter((s) => s.visibility === 'Visible').length;
}

class FakeEventSource {
  constructor(private readonly ctx: FakeContext, private readonly sheetId: () => string | undefined) {}
  add(handler: (e: FakeEvent) => unknown): { context: FakeContext; remove: () => void } {
    const shared = this.ctx.shared;
    const entry = { sheetId: this.sheetId(), handler };
    this.ctx.requireApi(this.sheetId() === undefined ? 9 : 7, 'onChanged');
    this.ctx.enqueue('onChanged', 'add', 'call', () => shared.handlers.push(entry));
    return {
      context: this.ctx,
      remove: () => {
        this.ctx.enqueue('onChanged', 'remove', 'call', () => {
          shared.handlers = shared.handlers.filter((h) => h !== entry);
        });
      },
    };
  }
}

class FakeTable extends FakeProxy<{ sheet: FakeSheet; index: number }> {
  set name(name: string) {
    this.set('name', name, (t) => {
      const all = this.context.shared.data.sheets.flatMap((s) => s.tables.map((tb) => tb.name.toLowerCase()));
      if (all.includes(name.toLowerCase())) throw new FakeOfficeError('InvalidArgument', `A table named ${name} already exists.`);
      t.sheet.tables[t.index].name = name;
    });
  }
  set style(style: string) {
    this.set('style', style, (t) => {
      t.sheet.tables[t.index].style = style;
    });
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> {
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTable };
  readonly freezePanes: Record<string, (arg?: unknown) => void>;
  readonly notes: { add: (cell: string, content: string) => void };
  readonly onChanged: FakeEventSource;

  constructor(ctx: FakeContext, resolve: () => FakeSheet | undefined, label: string) {
    super(ctx, resolve, label);
    const data = ctx.shared.data;
    this.tables = {
      add: (address, _hasHeaders) => {
        let made: { sheet: FakeSheet; index: number } | undefined;
        this.call('tables.add', (sheet) => {
          const t = target(sheet, address);
          sheet.tables.push({ name: `Table${data.nextId++}`, range: formatRange(t.rect), style: 'TableStyleMedium2' });
          made = { sheet, index: sheet.tables.length - 1 };
        }, address);
        return new FakeTable(ctx, () => made, `${label}.table(${address})`);
      },
    };
    const freeze = (rows: number, cols: number) => (sheet: FakeSheet) => {
      sheet.freeze = rows || cols ? { rows, cols } : undefined;
    };
    this.freezePanes = {
      freezeRows: (n) => (ctx.requireApi(7, 'freezePanes'), this.call('freezePanes.freezeRows', freeze(Number(n), 0), n)),
      freezeColumns: (n) => (ctx.requireApi(7, 'freezePanes'), this.call('freezePanes.freezeColumns', freeze(0, Number(n)), n)),
      freezeAt: (at) => {
        ctx.requireApi(7, 'freezePanes');
        const rect = parseRange(stripSheetPrefix(String(at)));
        this.call('freezePanes.freezeAt', freeze(rect.rows, rect.cols), at);
      },
      unfreeze: () => this.call('freezePanes.unfreeze', freeze(0, 0)),
    };
    this.notes = {
      add: (cell, content) => {
        ctx.requireApi(18, 'notes.add');
        this.call('notes.add', (sheet) => {
          sheet.notes.push({ cell: formatRange(target(sheet, cell).rect), content, kind: 'note' });
        }, content);
      },
    };
    this.onChanged = new FakeEventSource(ctx, () => resolve()?.id);
  }

  protected override readProps(t: FakeSheet): Record<string, unknown> {
    return { name: t.name, id: t.id, visibility: t.visibility, position: this.context.shared.data.sheets.indexOf(t) };
  }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.set('name', name, (sheet) => {
      const clash = findSheet(this.context.shared.data, name);
      if (!isValidSheetName(name)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name: ${name}`);
      if (clash && clash !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      sheet.name = name;
    });
  }
  get id(): string { return this.get('id'); }
  get visibility(): string { return this.get('visibility'); }
  set visibility(v: string) {
    this.set('visibility', v, (sheet) => {
      const data = this.context.shared.data;
      if (v !== 'Visible' && sheet.visibility === 'Visible' && visibleCount(data) <= 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      sheet.visibility = v as FakeSheet['visibility'];
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => target(this.target(), address), `${this.label}!${address}`);
  }
  getRanges(address: string): FakeRangeAreasWritable {
    this.context.requireApi(9, 'getRanges');
    this.context.enqueue(this.label, 'getRanges', 'call', () => undefined, address);
    return new FakeRangeAreasWritable(this.context, () => address.split(',').map((a) => target(this.target(), a.trim())), `${this.label}!${address.slice(0, 40)}`);
  }
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: usedRectOf(sheet) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    }, `${this.label}.usedRange`);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      const rect = usedRectOf(sheet);
      return rect ? { sheet, rect } : undefined;
    }, `${this.label}.usedRangeOrNull`).asNullable();
  }
  delete(): void {
    this.call('delete', (sheet) => {
      const data = this.context.shared.data;
      if (sheet.visibility === 'Visible' && visibleCount(data) <= 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      data.sheets = data.sheets.filter((s) => s !== sheet);
      if (data.activeId === sheet.id) data.activeId = data.sheets.find((s) => s.visibility === 'Visible')?.id ?? '';
    });
  }
  copy(_position?: string, _relativeTo?: unknown): FakeWorksheet {
    this.context.requireApi(7, 'worksheet.copy');
    let made: FakeSheet | undefined;
    this.call('copy', (sheet) => {
      const data = this.context.shared.data;
      const copy = structuredClone(sheet);
      Object.assign(copy, { id: newSheet(data, '').id, name: `${sheet.name.slice(0, 27)} (2)`, tables: [], visibility: 'Visible' });
      data.sheets.splice(data.sheets.indexOf(sheet) + 1, 0, copy);
      made = copy;
    });
    return new FakeWorksheet(this.context, () => made, `${this.label}.copy`);
  }
  activate(): void {
    this.call('activate', (sheet) => {
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.context.shared.data.activeId = sheet.id;
    });
  }
}

class FakeWorksheetCollection extends FakeProxy<FakeWorkbookData> {
  readonly onChanged: FakeEventSource;
  private itemProxies: FakeWorksheet[] | undefined;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.shared.data, 'worksheets');
    this.onChanged = new FakeEventSource(ctx, () => undefined);
  }
  override load(_props?: unknown): this {
    this.context.enqueue('worksheets', 'load', 'load', () => {
      this.itemProxies = this.context.shared.data.sheets.map((s) => {
        const proxy = new FakeWorksheet(this.context, () => s, `worksheets(${s.name})`);
        (proxy as unknown as { loaded: Map<string, unknown> }).loaded.set('name', s.name);
        (proxy as unknown as { loaded: Map<string, unknown> }).loaded.set('id', s.id);
        (proxy as unknown as { loaded: Map<string, unknown> }).loaded.set('visibility', s.visibility);
        return proxy;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available; load and sync first.");
    return this.itemProxies;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.shared.data, key), `worksheets(${key})`);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.getItem(key).asNullable();
  }
  getActiveWorksheet(): FakeWorksheet {
    const data = this.context.shared.data;
    return new FakeWorksheet(this.context, () => data.sheets.find((s) => s.id === data.activeId), 'activeWorksheet');
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.call('add', (data) => {
      if (!isValidSheetName(name)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name: ${name}`);
      if (findSheet(data, name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      made = newSheet(data, name);
      data.sheets.push(made);
    }, name);
    return new FakeWorksheet(this.context, () => made, `worksheets.add(${name})`);
  }
}

class FakeRuntime extends FakeProxy<FakeShared> {
  protected override readProps(t: FakeShared): Record<string, unknown> {
    return { enableEvents: t.enableEvents };
  }
  get enableEvents(): boolean { return this.get('enableEvents'); }
  set enableEvents(on: boolean) {
    this.context.requireApi(8, 'runtime.enableEvents');
    this.set('enableEvents', on, (shared) => {
      shared.enableEvents = on;
    });
  }
}

function makeContext(shared: FakeShared) {
  const ctx = new FakeContext(shared);
  const workbook = {
    worksheets: new FakeWorksheetCollection(ctx),
    tables: {
      load: () => ctx.enqueue('workbook.tables', 'load', 'load', () => undefined),
      get items() {
        return shared.data.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })));
      },
    },
    comments: {
      add: (cell: string, content: string) => {
        ctx.requireApi(10, 'comments.add');
        ctx.enqueue('workbook.comments', 'add', 'call', () => {
          const bang = cell.lastIndexOf('!');
          const sheet = findSheet(shared.data, cell.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"));
          if (!sheet) throw new FakeOfficeError('ItemNotFound', `No sheet for ${cell}`);
          sheet.notes.push({ cell: formatRange(target(sheet, cell).rect), content, kind: 'comment' });
        }, content);
      },
    },
  };
  const application = {
    suspendApiCalculationUntilNextSync: () => {
      ctx.requireApi(6, 'suspendApiCalculationUntilNextSync');
      ctx.enqueue('application', 'suspendApiCalculationUntilNextSync', 'call', () => undefined);
      ctx.calcSuspended = true;
    },
    suspendScreenUpdatingUntilNextSync: () => {
      ctx.requireApi(9, 'suspendScreenUpdatingUntilNextSync');
      ctx.enqueue('application', 'suspendScreenUpdatingUntilNextSync', 'call', () => undefined);
    },
    calculate: (type: string) => ctx.enqueue('application', 'calculate', 'call', () => undefined, type),
  };
  Object.assign(workbook, { application });
  return Object.assign(ctx, { workbook, application, runtime: new FakeRuntime(ctx, () => shared, 'runtime') });
}

export interface ExcelFakeOptions {
  /** Highest ExcelApi 1.x supported (default 14, Office 2021 LTSC). */
  apiMinor?: number;
  sheets?: { name: string; values?: unknown[][]; merges?: string[]; visibility?: FakeSheet['visibility'] }[];
}

export function createExcelFake(options: ExcelFakeOptions = {}) {
  const data: FakeWorkbookData = { sheets: [], activeId: '', nextId: 1 };
  for (const init of options.sheets ?? [{ name: 'Sheet1' }]) {
    const sheet = newSheet(data, init.name);
    sheet.visibility = init.visibility ?? 'Visible';
    init.values?.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && sheet.cells.set(keyOf(r, c), parseWrite(v, 'General'))));
    sheet.merges = (init.merges ?? []).map((m) => parseRange(m));
    data.sheets.push(sheet);
  }
  data.activeId = data.sheets[0].id;
  const recorder: Recorder = { runs: 0, runOptions: [], syncs: 0, syncPayloads: [], calls: [], unsynced: 0, suspendedSyncs: 0 };
  const shared: FakeShared = { data, recorder, apiMinor: options.apiMinor ?? 14, enableEvents: true, handlers: [] };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<T>;
    recorder.runs++;
    recorder.runOptions.push(typeof a === 'function' ? undefined : a);
    // Excel.run(existingContext, batch) continues on that context (used to remove event handlers).
    const ctx = a instanceof FakeContext ? a : makeContext(shared);
    try {
      return await batch(ctx);
    } finally {
      recorder.unsynced += ctx.queue.length;
    }
  }

  const Office = {
    context: { requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(String(version ?? '1.1').split('.')[1] ?? 0) <= shared.apiMinor } },
  };

  return {
    Excel: { run },
    Office,
    data,
    recorder,
    shared,
    sheet: (name: string) => findSheet(data, name),
    /** A person typing: Excel raises onChanged only while events are enabled. */
    simulateUserEdit(sheetName: string, address: string, value: string): void {
      const sheet = findSheet(data, sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const { rect } = target(sheet, address);
      const key = keyOf(rect.row, rect.col);
      sheet.cells.set(key, parseWrite(value, sheet.cells.get(key)?.numberFormat ?? 'General'));
      if (shared.enableEvents) dispatchChange(shared, sheet.id, formatRange({ ...rect, rows: 1, cols: 1 }), 'Local');
    },
    resetCounts(): void {
      Object.assign(recorder, { runs: 0, runOptions: [], syncs: 0, syncPayloads: [], calls: [], unsynced: 0, suspendedSyncs: 0 });
    },
  };
}

export type ExcelFake = ReturnType<typeof createExcelFake>;
