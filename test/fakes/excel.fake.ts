/**
 * A recording fake of the Excel JavaScript object model, enough for the Office host adapter:
 * Excel.run (with RunOptions), context.sync counting and payload sizes, worksheets, ranges
 * (values, numberFormat, text, format, merge, getMergedAreasOrNullObject), tables, data
 * validation, conditional formats, notes/comments, freeze panes, suspend calculation/screen,
 * runtime.enableEvents and onChanged. Writes follow Excel's parsing rules (see excel-fake-model).
 */
import { formatRange, isValidSheetName, parseRange } from '../../src/core';
import { FakeContext, FakeProxy, dispatchChange, type FakeShared, type Recorder } from './excel-fake-core';
import { FakeOfficeError, keyOf, newSheet, parseWrite, type FakeSheet, type FakeWorkbookData } from './excel-fake-model';
import { FakeEventSource, FakeWorksheet, findSheet, target } from './excel-fake-sheet';

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
        return shared.data.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
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
