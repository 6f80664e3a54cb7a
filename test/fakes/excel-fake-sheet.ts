/** Worksheet, table and event proxies of the recording Excel fake. */
import { formatRange, isValidSheetName, parseRange, stripSheetPrefix } from '../../src/core';
import { FakeContext, FakeProxy, type FakeEvent } from './excel-fake-core';
import { FakeOfficeError, newSheet, usedRectOf, type FakeSheet, type FakeWorkbookData } from './excel-fake-model';
import { createChartCollection } from './excel-fake-chart';
import { FakeRange, FakeRangeAreasWritable, type RangeTarget } from './excel-fake-range';

export function target(sheet: FakeSheet, address: string): RangeTarget {
  try {
    return { sheet, rect: parseRange(stripSheetPrefix(address)) };
  } catch {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
}

export function findSheet(data: FakeWorkbookData, key: string): FakeSheet | undefined {
  const lower = String(key).toLowerCase();
  return data.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
}

function visibleCount(data: FakeWorkbookData): number {
  return data.sheets.filter((s) => s.visibility === 'Visible').length;
}

export class FakeEventSource {
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
  readonly charts: ReturnType<typeof createChartCollection>;

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
    this.charts = createChartCollection(ctx, () => this.target(), label);
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

