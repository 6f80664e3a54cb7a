/** Range, format, data validation and conditional format proxies of the recording Excel fake. */
import { formatRange, parseRange, workbookAddress, rangesIntersect, stripSheetPrefix, type RangeRect } from '../../src/core';
import { FakeContext, FakeProxy } from './excel-fake-core';
import { FakeOfficeError, cellText, isEmptyCell, keyOf, parseWrite, type FakeConditionalFormat, type FakeSheet } from './excel-fake-model';

export interface RangeTarget {
  sheet: FakeSheet;
  rect: RangeRect;
}

/** The input grid, with Excel's broadcast of a 1×1 array (or a single value) to every cell. */
function checkShape(value: unknown, rect: RangeRect): unknown[][] {
  const single = !Array.isArray(value) ? value : value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : undefined;
  if (single !== undefined) return Array.from({ length: rect.rows }, () => new Array(rect.cols).fill(single));
  if (!Array.isArray(value) || value.length !== rect.rows || !value.every((r) => Array.isArray(r) && r.length === rect.cols))
    throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  return value as unknown[][];
}

function eachCell(rect: RangeRect, fn: (row: number, col: number, r: number, c: number) => void): void {
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) fn(rect.row + r, rect.col + c, r, c);
}

/** Nested property bag whose assignments are recorded on the sheet (range.format.font.color = …). */
function recordingBag(ctx: FakeContext, label: string, prefix: string, resolve: () => RangeTarget, onSet?: (t: RangeTarget, prop: string, v: unknown) => void, nested: string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const children = Object.fromEntries(nested.map((n) => [n, recordingBag(ctx, label, `${prefix}.${n}`, resolve, onSet)]));
  return new Proxy(values, {
    get: (_t, prop: string) => (prop in children ? children[prop] : values[prop]),
    set: (_t, prop: string, value) => {
      values[prop] = value;
      ctx.enqueue(label, `${prefix}.${prop}`, 'set', () => {
        const target = resolve();
        target.sheet.formats.push({ range: formatRange(target.rect), property: `${prefix}.${prop}`, value });
        onSet?.(target, `${prefix}.${prop}`, value);
      }, value);
      return true;
    },
  });
}

export class FakeRange extends FakeProxy<RangeTarget> {
  readonly format: Record<string, unknown>;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormatProxy; clearAll: () => void };

  constructor(ctx: FakeContext, resolve: () => RangeTarget | undefined, label: string) {
    super(ctx, resolve, label);
    this.format = recordingBag(ctx, label, 'format', () => this.target(), (t, prop, v) => {
      if (prop === 'format.columnWidth') for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths.set(c, v as number);
    }, ['font', 'fill']);
    this.dataValidation = new FakeDataValidation(ctx, () => this.target(), label);
    this.conditionalFormats = {
      add: (type: string) => {
        ctx.requireApi(6, 'conditionalFormats.add');
        const cf: FakeConditionalFormat = { type, range: '' };
        this.call('conditionalFormats.add', (t) => {
          cf.range = formatRange(t.rect);
          t.sheet.conditionalFormats.push(cf);
        }, type);
        return new FakeConditionalFormatProxy(ctx, cf, label);
      },
      // Excel trims a rule that reaches outside the range; the fake keeps only rules wholly outside it.
      clearAll: () => {
        ctx.requireApi(6, 'conditionalFormats.clearAll');
        this.call('conditionalFormats.clearAll', (t) => {
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !rangesIntersect(parseRange(cf.range), t.rect));
        });
      },
    };
  }

  protected override readProps(t: RangeTarget): Record<string, unknown> {
    const values: unknown[][] = [];
    const text: string[][] = [];
    const numberFormat: string[][] = [];
    for (let r = 0; r < t.rect.rows; r++) {
      values.push([]);
      text.push([]);
      numberFormat.push([]);
      for (let c = 0; c < t.rect.cols; c++) {
        const cell = t.sheet.cells.get(keyOf(t.rect.row + r, t.rect.col + c));
        values[r].push(cell?.formula ? 0 : (cell?.value ?? ''));
        text[r].push(cellText(cell));
        numberFormat[r].push(cell?.numberFormat ?? 'General');
      }
    }
    return { address: workbookAddress(t.sheet.name, formatRange(t.rect)), values, text, numberFormat, rowCount: t.rect.rows, columnCount: t.rect.cols };
  }

  get address(): string { return this.get('address'); }
  get text(): string[][] { return this.get('text'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(value: unknown[][]) {
    this.set('values', value, (t) => {
      const rows = checkShape(value, t.rect);
      eachCell(t.rect, (row, col, r, c) => {
        const key = keyOf(row, col);
        t.sheet.cells.set(key, parseWrite(rows[r][c], t.sheet.cells.get(key)?.numberFormat ?? 'General'));
      });
      this.context.noteChange(t.sheet.id, formatRange(t.rect));
    });
  }
  get numberFormat(): string[][] { return this.get('numberFormat'); }
  set numberFormat(value: string[][]) {
    this.set('numberFormat', value, (t) => {
      const rows = checkShape(value, t.rect);
      eachCell(t.rect, (row, col, r, c) => {
        const key = keyOf(row, col);
        const cell = t.sheet.cells.get(key) ?? { value: null, numberFormat: 'General' };
        t.sheet.cells.set(key, { ...cell, numberFormat: String(rows[r][c]) });
      });
    });
  }

  clear(_applyTo?: string): void {
    this.call('clear', (t) => {
      eachCell(t.rect, (row, col) => t.sheet.cells.delete(keyOf(row, col)));
      this.context.noteChange(t.sheet.id, formatRange(t.rect));
    });
  }
  merge(across = false): void {
    this.call('merge', (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !rangesIntersect(m, t.rect));
      if (across) for (let r = 0; r < t.rect.rows; r++) t.sheet.merges.push({ ...t.rect, row: t.rect.row + r, rows: 1 });
      else t.sheet.merges.push({ ...t.rect });
    });
  }
  unmerge(): void {
    this.call('unmerge', (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !rangesIntersect(m, t.rect));
    });
  }
  select(): void {
    this.call('select', (t) => {
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a hidden sheet.');
      const data = this.context.shared.data;
      data.activeId = t.sheet.id;
      data.selection = { sheetId: t.sheet.id, address: formatRange(t.rect) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi(13, 'getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      const areas = t.sheet.merges.filter((m) => rangesIntersect(m, t.rect));
      return areas.length ? { sheet: t.sheet, areas } : undefined;
    }, `${this.label}.mergedAreas`).asNullable();
  }
}

export class FakeRangeAreas extends FakeProxy<{ sheet: FakeSheet; areas: RangeRect[] }> {
  protected override readProps(t: { sheet: FakeSheet; areas: RangeRect[] }): Record<string, unknown> {
    const items = t.areas.map((a) => ({ address: workbookAddress(t.sheet.name, formatRange(a)) }));
    return { areas: { items }, areaCount: items.length, address: items.map((i) => i.address).join(',') };
  }
  get areas(): { items: { address: string }[] } { return this.get('areas'); }
  get areaCount(): number { return this.get('areaCount'); }
  get address(): string { return this.get('address'); }
}

export class FakeDataValidation extends FakeProxy<RangeTarget> {
  constructor(ctx: FakeContext, resolve: () => RangeTarget | undefined, label: string) {
    super(ctx, resolve, `${label}.dataValidation`);
  }
  set rule(rule: unknown) {
    this.context.requireApi(8, 'dataValidation');
    this.set('rule', rule, (t) => {
      const range = formatRange(t.rect);
      t.sheet.validations = t.sheet.validations.filter((v) => v.range !== range);
      t.sheet.validations.push({ range, rule });
    });
  }
  set errorAlert(alert: unknown) {
    this.set('errorAlert', alert, (t) => {
      const found = t.sheet.validations.find((v) => v.range === formatRange(t.rect));
      if (found) found.errorAlert = alert;
    });
  }
  clear(): void {
    this.context.requireApi(8, 'dataValidation');
    this.call('clear', (t) => {
      t.sheet.validations = t.sheet.validations.filter((v) => !rangesIntersect(parseRange(v.range), t.rect));
    });
  }
}

/** cf.cellValue.format.fill.color = … style assignments, recorded on the conditional format. */
function cfBag(ctx: FakeContext, label: string, path: string, apply: (path: string, value: unknown) => void, nested: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  return new Proxy(values, {
    get: (_t, prop: string) => {
      if (prop in nested) return cfBag(ctx, label, `${path}.${prop}`, apply, nested[prop] as Record<string, unknown>);
      return values[prop];
    },
    set: (_t, prop: string, value) => {
      values[prop] = value;
      ctx.enqueue(label, `${path}.${prop}`, 'set', () => apply(`${path}.${prop}`, value), value);
      return true;
    },
  });
}

const FORMAT_SHAPE = { format: { fill: {}, font: {} }, rule: {} };

export class FakeConditionalFormatProxy {
  readonly cellValue: Record<string, unknown>;
  readonly custom: Record<string, unknown>;
  readonly dataBar: Record<string, unknown>;
  readonly colorScale: Record<string, unknown>;
  constructor(ctx: FakeContext, cf: FakeConditionalFormat, label: string) {
    const apply = (path: string, value: unknown): void => {
      if (path.endsWith('fill.color')) cf.fill = value as string;
      else if (path.endsWith('font.color')) cf.fontColor = value as string;
      else if (path.endsWith('positiveFormat.fillColor')) cf.dataBar = { ...cf.dataBar, fillColor: value as string };
      else if (path.endsWith('lowerBoundRule')) cf.dataBar = { ...cf.dataBar, lower: value };
      else if (path.endsWith('upperBoundRule')) cf.dataBar = { ...cf.dataBar, upper: value };
      else if (path.endsWith('criteria')) cf.criteria = value;
      else if (path.endsWith('rule') || path.endsWith('rule.formula')) cf.rule = path.endsWith('formula') ? { formula: value } : value;
    };
    this.cellValue = cfBag(ctx, label, 'cellValue', apply, FORMAT_SHAPE);
    this.custom = cfBag(ctx, label, 'custom', apply, FORMAT_SHAPE);
    this.dataBar = cfBag(ctx, label, 'dataBar', apply, { positiveFormat: {} });
    this.colorScale = cfBag(ctx, label, 'colorScale', apply, {});
  }
}

/** worksheet.getRanges('A1,C3:D4'): a format set once applies to every area. */
export class FakeRangeAreasWritable {
  readonly format: Record<string, unknown>;
  constructor(ctx: FakeContext, resolve: () => RangeTarget[], label: string) {
    const targets = () => resolve();
    const formats: Record<string, unknown>[] = [];
    this.format = new Proxy({}, {
      get: (_t, prop: string) => {
        if (prop !== 'font' && prop !== 'fill') return undefined;
        return new Proxy({}, { set: (_x, sub: string, value) => (record(`format.${prop}.${sub}`, value), true) });
      },
      set: (_t, prop: string, value) => (record(`format.${prop}`, value), true),
    });
    function record(property: string, value: unknown): void {
      formats.push({ property, value });
      ctx.enqueue(label, property, 'set', () => {
        for (const t of targets()) t.sheet.formats.push({ range: formatRange(t.rect), property, value });
      }, value);
    }
  }
}

export function rangeTarget(sheet: FakeSheet, address: string): RangeTarget {
  return { sheet, rect: parseRange(stripSheetPrefix(address)) };
}

export { isEmptyCell };
