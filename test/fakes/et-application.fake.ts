/**
 * A fake WPS ET `Application` that behaves like the VBA object model the adapter talks to:
 * synchronous calls, 1-based collections with `.Item(i | name)` and `.Count`, `Range(a1)`, sheet
 * visibility as XlSheetVisibility numbers, freeze panes through `ActiveWindow`, SheetChange events
 * through `ApiEvent.AddApiEventListener`. Used by the unit tests, the contract suite and (bundled)
 * by the browser e2e test. Plain TypeScript, no Node imports, so it bundles for the browser.
 *
 * Value2 convention (documented in src/hosts/wps/wps-api.ts): a multi-cell range reads and writes
 * a JS 2-D array `rows[r][c]`; one cell reads as a scalar; an empty cell reads as undefined.
 */
import { parseA1, type CellRect } from './et-a1';
import { ET_ENUM_FALLBACK, type EtApiEventLike, type EtApplicationLike, type EtChartObjectsLike, type EtCustomTaskpaneLike, type EtListObjectLike, type EtListObjectsLike, type EtWindowLike, type EtWorksheetLike, type EtWorksheetsLike } from '../../src/hosts/wps/wps-api';
import { createChartObjects } from './et-chart.fake';
import { FakeMultiRange } from './et-multirange.fake';
import { accessors, FakeRange } from './et-range.fake';
import { FakeEtCore, FakeSheetData, type FakeEtOptions } from './et-sheet.fake';

export type { FakeEtOptions, FakeCall } from './et-sheet.fake';
export { FakeSheetData } from './et-sheet.fake';

const BAD_NAME = /[[\]:*?/\\]/;

class FakeWorksheet implements EtWorksheetLike {
  constructor(private readonly app: FakeEtApplication, readonly data: FakeSheetData) {}

  get Name(): string {
    return this.data.name;
  }
  set Name(name: string) {
    this.app.core.record({ method: 'Worksheet.Name', sheet: this.data.name });
    if (!name || name.length > 31 || BAD_NAME.test(name)) throw new Error(`fake ET: invalid sheet name ${name}`);
    const clash = this.app.sheets.find((s) => s !== this.data && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`fake ET: a sheet named ${name} exists`);
    this.data.name = name;
  }
  get Visible(): number {
    return this.data.visible;
  }
  set Visible(v: number | boolean) {
    this.app.core.record({ method: 'Worksheet.Visible', sheet: this.data.name });
    const value = v === true ? -1 : v === false ? 0 : Number(v);
    if (![-1, 0, 2].includes(value)) throw new Error(`fake ET: bad Visible ${String(v)}`);
    if (value !== -1 && this.app.sheets.filter((s) => s.visible === -1 && s !== this.data).length === 0) {
      throw new Error('fake ET: cannot hide the last visible sheet');
    }
    this.data.visible = value;
    if (value !== -1 && this.app.active === this.data) this.app.active = this.app.sheets.find((s) => s.visible === -1) ?? this.data;
  }
  get Index(): number {
    return this.app.sheets.indexOf(this.data) + 1;
  }
  Range(address: string): FakeRange {
    this.app.core.rangeLookups++;
    if (address.includes(',')) {
      if (this.app.core.options.noUnionRanges) throw new Error(`fake ET: union addresses not supported (${address})`);
      if (address.length > 255) throw new Error('fake ET: Range address longer than 255 characters');
      return new FakeMultiRange(address.split(',').map((part) => this.rangeOf(parseA1(part))), address);
    }
    return this.rangeOf(parseA1(address));
  }
  rangeOf(rect: CellRect): FakeRange {
    return new FakeRange({ core: this.app.core, data: this.data, worksheet: () => this, isActive: () => this.app.active === this.data }, rect);
  }
  get AutoFilterMode(): boolean {
    return this.data.autoFilter !== undefined;
  }
  get UsedRange(): FakeRange {
    return this.rangeOf(this.data.usedRect());
  }
  get ListObjects(): EtListObjectsLike | undefined {
    if (this.app.core.options.noListObjects) return undefined;
    const app = this.app;
    const data = this.data;
    const wrap = (lo: { name: string; style?: unknown }): EtListObjectLike => ({
      get Name() {
        return lo.name;
      },
      set Name(v: string) {
        lo.name = v;
      },
      get TableStyle() {
        return lo.style;
      },
      set TableStyle(v: unknown) {
        lo.style = v;
      },
    });
    return {
      get Count() {
        return data.listObjects.length;
      },
      Item(index: number | string) {
        const lo = typeof index === 'number' ? data.listObjects[index - 1] : data.listObjects.find((l) => l.name === index);
        if (!lo) throw new Error(`fake ET: no ListObject ${index}`);
        return wrap(lo);
      },
      Add(_type?: number, source?: unknown) {
        app.core.record({ method: 'ListObjects.Add', sheet: data.name });
        if (app.core.options.listObjectsThrow) throw new Error('该版本不支持此功能 (ListObjects.Add)');
        const rect = source instanceof FakeRange ? source.rect : parseA1(String(source));
        const lo = { name: `表${app.nextTable++}`, rect };
        data.listObjects.push(lo);
        return wrap(lo);
      },
    };
  }
  get ChartObjects(): (() => EtChartObjectsLike) | undefined {
    if (this.app.core.options.noCharts) return undefined;
    return () => createChartObjects(this.app.core, this.data);
  }
  Activate(): boolean {
    if (this.data.visible !== -1) throw new Error('fake ET: cannot activate a hidden sheet');
    this.app.active = this.data;
    return true;
  }
  Delete(): boolean {
    this.app.core.record({ method: 'Worksheet.Delete', sheet: this.data.name });
    if (this.app.DisplayAlerts !== false) this.app.alertsShown++;
    if (this.data.visible === -1 && this.app.sheets.filter((s) => s.visible === -1).length === 1) throw new Error('fake ET: cannot delete the last visible sheet');
    this.app.sheets.splice(this.app.sheets.indexOf(this.data), 1);
    if (this.app.active === this.data) this.app.active = this.app.sheets.find((s) => s.visible === -1) ?? this.app.sheets[0];
    return true;
  }
  Copy(before?: EtWorksheetLike, after?: EtWorksheetLike): void {
    this.app.core.record({ method: 'Worksheet.Copy', sheet: this.data.name });
    let n = 2;
    while (this.app.sheets.some((s) => s.name.toLowerCase() === `${this.data.name} (${n})`.toLowerCase())) n++;
    const copy = this.data.clone(`${this.data.name} (${n})`);
    copy.visible = -1;
    this.app.insertSheet(copy, before, after);
  }
}

class FakeEtApplication implements EtApplicationLike {
  readonly core: FakeEtCore;
  sheets: FakeSheetData[];
  active: FakeSheetData;
  ScreenUpdating = true;
  DisplayAlerts = true;
  alertsShown = 0;
  /** The window's split position; FreezePanes = true freezes there. */
  readonly split = { row: 0, col: 0 };
  nextTable = 1;
  readonly Build: string;
  Enum?: Record<string, number>;
  readonly ApiEvent: EtApiEventLike;
  readonly taskpanes: (EtCustomTaskpaneLike & { url: string; title?: string })[] = [];
  readonly storage = new Map<string, unknown>();
  CreateTaskPane?: (url: string, title?: string) => EtCustomTaskpaneLike;
  CreateTaskpane?: (url: string, title?: string) => EtCustomTaskpaneLike;

  constructor(options: FakeEtOptions) {
    this.core = new FakeEtCore(options);
    this.sheets = (options.sheets ?? ['Sheet1']).map((name) => new FakeSheetData(name));
    this.active = this.sheets[0];
    this.Build = options.build ?? '12.1.0.fake';
    if (options.withEnum) this.Enum = options.withEnum === true ? { ...ET_ENUM_FALLBACK } : options.withEnum;
    const listeners = this.core.listeners;
    this.ApiEvent = {
      AddApiEventListener(name, handler) {
        if (typeof handler !== 'function') throw new Error('fake ET: only function handlers');
        listeners.set(name, [...(listeners.get(name) ?? []), handler]);
      },
      RemoveApiEventListener(name, handler) {
        listeners.set(name, handler ? (listeners.get(name) ?? []).filter((h) => h !== handler) : []);
      },
    };
    const spelling = options.taskpaneSpelling ?? 'CreateTaskPane';
    const create = (url: string, title?: string) => this.createTaskpane(url, title);
    if (spelling === 'CreateTaskPane' || spelling === 'both') this.CreateTaskPane = create;
    if (spelling === 'CreateTaskpane' || spelling === 'both') this.CreateTaskpane = create;
  }

  get EnableEvents(): boolean {
    return this.core.enableEvents;
  }
  set EnableEvents(v: boolean) {
    this.core.enableEvents = v;
  }
  get Workbooks(): { Count: number } {
    return { Count: 1 };
  }
  get ActiveWorkbook() {
    return { Name: '工作簿1', Worksheets: this.worksheets() };
  }
  get ActiveSheet(): FakeWorksheet {
    return new FakeWorksheet(this, this.active);
  }
  get ActiveWindow(): EtWindowLike {
    return accessors({
      FreezePanes: [
        () => this.active.freeze !== undefined,
        (v) => {
          this.core.record({ method: 'Window.FreezePanes', sheet: this.active.name });
          this.active.freeze = v ? { rows: this.split.row, cols: this.split.col } : undefined;
        },
      ],
      SplitRow: [() => this.active.freeze?.rows ?? this.split.row, (v) => void (this.split.row = Number(v))],
      SplitColumn: [() => this.active.freeze?.cols ?? this.split.col, (v) => void (this.split.col = Number(v))],
    }) as EtWindowLike;
  }
  get PluginStorage() {
    return { getItem: (key: string) => this.storage.get(key), setItem: (key: string, value: unknown) => void this.storage.set(key, value) };
  }
  GetTaskPane(id: number): EtCustomTaskpaneLike {
    const pane = this.taskpanes.find((p) => p.ID === id);
    if (!pane) throw new Error(`fake ET: no task pane ${id}`);
    return pane;
  }

  worksheets(): EtWorksheetsLike {
    const find = (index: number | string) => {
      const data = typeof index === 'number' ? this.sheets[index - 1] : this.sheets.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
      if (!data) throw new Error(`fake ET: subscript out of range (${index})`);
      return new FakeWorksheet(this, data);
    };
    return {
      Count: this.sheets.length,
      Item: find,
      Add: (before?: EtWorksheetLike, after?: EtWorksheetLike) => {
        this.core.record({ method: 'Worksheets.Add' });
        let n = this.sheets.length + 1;
        while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
        return this.insertSheet(new FakeSheetData(`Sheet${n}`), before, after);
      },
    };
  }

  /** Inserts before/after the given sheet (default: before the active one) and activates it. */
  insertSheet(data: FakeSheetData, before?: EtWorksheetLike, after?: EtWorksheetLike): FakeWorksheet {
    const anchor = before ?? after;
    const anchorData = anchor instanceof FakeWorksheet ? anchor.data : this.active;
    const at = this.sheets.indexOf(anchorData) + (after && !before ? 1 : 0);
    this.sheets.splice(at, 0, data);
    this.active = data;
    return new FakeWorksheet(this, data);
  }

  private createTaskpane(url: string, title?: string): EtCustomTaskpaneLike & { url: string; title?: string } {
    const pane = { ID: this.taskpanes.length + 1, Visible: false, url, title, DockPosition: 2, Width: 360 };
    this.taskpanes.push(pane);
    return pane;
  }
}

export type FakeEt = ReturnType<typeof createFakeEtApplication>;

/** Builds the fake; `Application` is what the adapter gets, the rest is for tests to look inside. */
export function createFakeEtApplication(options: FakeEtOptions = {}) {
  const app = new FakeEtApplication(options);
  return {
    Application: app as EtApplicationLike,
    ApiEvent: app.ApiEvent,
    core: app.core,
    get calls() {
      return app.core.calls;
    },
    get alertsShown() {
      return app.alertsShown;
    },
    taskpanes: app.taskpanes,
    sheetNames: () => app.sheets.map((s) => s.name),
    sheet(name: string): FakeSheetData {
      const data = app.sheets.find((s) => s.name === name);
      if (!data) throw new Error(`fake ET: no sheet ${name}`);
      return data;
    },
    activeName: () => app.active.name,
    /** A user typing into cells: stores like typing and fires SheetChange regardless of EnableEvents. */
    userEdit(sheet: string, address: string, values: unknown): void {
      const ws = new FakeWorksheet(app, app.sheets.find((s) => s.name === sheet) ?? app.active);
      const range = ws.Range(address);
      const saved = app.core.options.honourEnableEvents;
      app.core.options.honourEnableEvents = false;
      try {
        range.Value2 = values;
      } finally {
        app.core.options.honourEnableEvents = saved;
      }
    },
  };
}
