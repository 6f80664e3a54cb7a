/**
 * The `<sheetData>` of one sheet, written row by row into the part as the rows are read from the
 * plan: preamble lines, the header row, the data rows, with each cell's style from its column
 * (and the plan's cell styles laid over it), and row heights for wrapped text.
 */
import { columnLetter, isoDateToSerial, parseRangeAddress, DATE_FORMAT, type CellStylePlan, type CellValue, type SheetPlan } from '../../core/index';
import type { CellFormat, StyleSheet } from './xlsx-styles.builder';
import { ByteSink } from './byte-sink.writer';
import type { SharedStrings } from './xlsx-strings.builder';
import { escapeText } from './xlsx-xml.codec';
import type { PartWriter } from './zip-package.writer';

/** A cell the writer itself places (a chart's anchor note): its text and style. */
export interface ExtraCell {
  text: string;
  style: number;
}

const HEADER_FILL = '#D9E1F2';

/** Where a sheet's rows go (1-based rows). */
export interface SheetGeometry {
  headerRow: number;
  firstDataRow: number;
  lastRow: number;
  lastCol: number;
  /** The rows are drawn as an Excel table. */
  table: boolean;
}

export function sheetGeometry(sheet: SheetPlan, extraCells: Map<number, Map<number, unknown>>): SheetGeometry {
  const preamble = sheet.preamble?.length ?? 0;
  const headerRow = sheet.columns.length > 0 ? preamble + 1 : 0;
  const firstDataRow = headerRow > 0 ? headerRow + 1 : preamble + 1;
  let lastRow = Math.max(preamble, headerRow, sheet.rows.length > 0 ? firstDataRow + sheet.rows.length - 1 : 0);
  let lastCol = Math.max(sheet.columns.length, preamble > 0 ? 1 : 0);
  if (sheet.columns.length === 0) for (const row of sheet.rows) lastCol = Math.max(lastCol, row.length);
  for (const [r, cells] of extraCells) {
    lastRow = Math.max(lastRow, r);
    for (const c of cells.keys()) lastCol = Math.max(lastCol, c);
  }
  return { headerRow, firstDataRow, lastRow, lastCol, table: !!sheet.table && sheet.rows.length > 0 && sheet.columns.length > 0 };
}

interface Overlay {
  font?: CellStylePlan['font'];
  fill?: CellStylePlan['fill'];
}

/** Cell styles by row, then by column (both 1-based); sparse. */
export type Overlays = (Overlay[] | undefined)[];
const PLAIN: CellFormat = {};

/** The plan's cell styles per cell, later styles laid over earlier ones. */
export function collectOverlays(styles: CellStylePlan[]): Overlays {
  const cells: Overlays = [];
  const shared = new Map<string, Overlay>();
  const intern = (o: Overlay): Overlay => {
    const key = JSON.stringify([o.font ?? null, o.fill ?? null]);
    let found = shared.get(key);
    if (!found) shared.set(key, (found = o));
    return found;
  };
  const none: Overlay = {};
  const layered = new Map<Overlay, Map<string, Overlay>>();
  for (const style of styles) {
    if (!style.font && !style.fill) continue;
    const range = parseRangeAddress(style.range);
    if (!range) continue;
    const key = JSON.stringify([style.font ?? null, style.fill ?? null]);
    const over = (old: Overlay): Overlay => {
      let byStyle = layered.get(old);
      if (!byStyle) layered.set(old, (byStyle = new Map()));
      let next = byStyle.get(key);
      if (!next) {
        const font = style.font ? { ...(old.font ?? {}), ...definedOnly(style.font) } : old.font;
        byStyle.set(key, (next = intern({ font, fill: style.fill ?? old.fill })));
      }
      return next;
    };
    for (let r = range.firstRow; r <= range.lastRow; r += 1) {
      const row = cells[r] ?? (cells[r] = []);
      for (let c = range.firstCol; c <= range.lastCol; c += 1) row[c] = over(row[c] ?? none);
    }
  }
  return cells;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rows are at most 409 points high (27 lines of 15 pt): counting further lines changes nothing. */
const MAX_LINES = 28;

/**
 * Lines a text takes in a wrapped column `limit` character cells wide (CJK and full-width forms
 * take two), up to MAX_LINES: the work per cell is bounded, however long the text (a 2 MB cell
 * merged down 2,000 rows is scanned a few hundred characters per row, not 2 MB).
 */
function lineCount(text: string, limit: number): number {
  if (text.length * 2 <= limit && !text.includes('\n')) return 1;
  let lines = 0;
  let w = 0;
  for (let i = 0; i < text.length && lines < MAX_LINES; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines += Math.max(1, Math.ceil(w / limit));
      w = 0;
    } else if (code < 0xdc00 || code > 0xdfff) {
      w += code >= 0x2e80 ? 2 : 1;
      if (w > limit * MAX_LINES) break;
    }
  }
  return lines + Math.max(1, Math.ceil(w / limit));
}

/** Estimated height of a wrapped row, since Excel does not autofit rows of a file when opening it. */
function rowHeight(row: CellValue[], wrapped: { i: number; width: number }[]): number {
  let lines = 1;
  for (const { i, width } of wrapped) {
    const value = row[i];
    // A CJK character is about two widths of '0' (lineCount counts it as 2): no head-room assumed.
    if (typeof value === 'string' && value.length > 0) lines = Math.max(lines, lineCount(value, width));
  }
  // One spare line on long cells: an estimate too low would clip the row's last line.
  return lines > 1 ? Math.min(409, (lines + (lines > 4 ? 1 : 0)) * 15 + 3) : 0;
}

interface Formats {
  header: CellFormat[];
  data: CellFormat[];
  date: CellFormat[];
}

function columnFormats(sheet: SheetPlan): Formats {
  const data = sheet.columns.map((c): CellFormat => ({ vertical: 'top', wrap: c.wrap === true, numberFormat: c.numberFormat, locked: sheet.protect && c.editable ? false : undefined }));
  // Explicit fill and bold, table or not: LibreOffice and WPS do not draw the table style's header.
  const header = sheet.columns.map((): CellFormat => ({ vertical: 'top', wrap: true, font: { bold: true }, fill: { color: HEADER_FILL } }));
  return { header, data, date: data.map((f) => ({ ...f, numberFormat: f.numberFormat ?? DATE_FORMAT })) };
}

export class SheetCells {
  private readonly letters: string[] = [];
  private readonly formats: Formats;
  private readonly ids: { header: number[]; data: number[]; date: number[] };
  private readonly overlayIds = new Map<Overlay, Map<CellFormat, number>>();
  private readonly wrapped: { i: number; width: number }[];
  /** Taken once: each use of a core name goes through the CLI's lazy index getter. */
  private readonly toSerial = isoDateToSerial;

  constructor(
    private readonly sheet: SheetPlan,
    private readonly geometry: SheetGeometry,
    private readonly styles: StyleSheet,
    private readonly strings: SharedStrings,
    private readonly overlays: Overlays,
    private readonly extras: Map<number, Map<number, ExtraCell>>,
  ) {
    for (let c = 1; c <= geometry.lastCol; c += 1) this.letters.push(columnLetter(c));
    this.formats = columnFormats(sheet);
    this.ids = { header: this.formats.header.map((f) => styles.cell(f)), data: this.formats.data.map((f) => styles.cell(f)), date: this.formats.date.map((f) => styles.cell(f)) };
    this.wrapped = sheet.columns.map((c, i) => ({ i, width: Math.max(c.width - 1, 4), wrap: c.wrap })).filter((c) => c.wrap);
  }

  /** The `s` of column c's data cells (0-based), for `<col style>`. */
  columnStyle(c: number): number {
    return this.ids.data[c] ?? 0;
  }

  private styleOf(row: number, col: number, base: CellFormat | undefined, baseId: number): number {
    const overlay = this.overlays[row]?.[col + 1];
    if (!overlay) return baseId;
    const from = base ?? PLAIN;
    let byBase = this.overlayIds.get(overlay);
    if (!byBase) this.overlayIds.set(overlay, (byBase = new Map()));
    let id = byBase.get(from);
    if (id === undefined) {
      const font = overlay.font ? { ...(from.font ?? {}), ...overlay.font } : from.font;
      byBase.set(from, (id = this.styles.cell({ ...from, font, fill: overlay.fill ?? from.fill })));
    }
    return id;
  }

  /** `<c r="B7" s="3"` — the open start tag of a cell. */
  private open(sink: ByteSink, row: number, col: number, style: number): void {
    sink.ascii('<c r="');
    sink.ascii(this.letters[col]);
    sink.num(row);
    if (style) {
      sink.ascii('" s="');
      sink.num(style);
    }
    sink.ascii('"');
  }

  private text(sink: ByteSink, row: number, col: number, style: number, text: string): void {
    // = + - @ first: Excel would make the text a live formula on F2, Enter; quotePrefix keeps it text.
    const first = text.charCodeAt(0);
    this.open(sink, row, col, first === 61 || first === 43 || first === 45 || first === 64 ? this.styles.quoted(style) : style);
    sink.ascii(' t="s"><v>');
    sink.num(this.strings.id(text));
    sink.ascii('</v></c>');
  }

  private cell(sink: ByteSink, row: number, col: number, value: CellValue, kind: 'plain' | 'header' | 'data'): void {
    const isDate = value !== null && typeof value === 'object' && 'date' in value;
    const group = kind === 'header' ? 'header' : isDate ? 'date' : 'data';
    const base = kind === 'plain' ? undefined : this.formats[group][col];
    const s = this.styleOf(row, col, base, kind === 'plain' ? 0 : this.ids[group][col] ?? 0);
    if (value === null || value === undefined) {
      // An empty cell is written only when its style differs from its column's.
      if (s !== (kind === 'data' ? this.ids.data[col] : 0)) {
        this.open(sink, row, col, s);
        sink.ascii('/>');
      }
      return;
    }
    if (typeof value === 'string') this.text(sink, row, col, s, value);
    else this.value(sink, row, col, s, value);
  }

  private value(sink: ByteSink, row: number, col: number, s: number, value: Exclude<CellValue, null | string>): void {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return;
      this.open(sink, row, col, s);
      sink.ascii('><v>');
      sink.num(value);
      sink.ascii('</v></c>');
    } else if (typeof value === 'boolean') {
      this.open(sink, row, col, s);
      sink.ascii(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
    } else if ('formula' in value) {
      this.open(sink, row, col, s);
      const f = `<f>${escapeText(value.formula.replace(/^=/, ''))}</f>`;
      if (value.result === undefined) sink.text(`>${f}</c>`);
      else if (typeof value.result === 'number') sink.text(`>${f}<v>${value.result}</v></c>`);
      else sink.text(` t="str">${f}<v>${escapeText(value.result)}</v></c>`);
    } else if ('date' in value) {
      const serial = /^\d{4}-\d{2}-\d{2}/.test(value.date) ? this.toSerial(value.date) : null;
      if (serial === null) {
        this.text(sink, row, col, s, value.date);
        return;
      }
      this.open(sink, row, col, s);
      sink.ascii('><v>');
      sink.num(serial);
      sink.ascii('</v></c>');
    }
  }

  private row(sink: ByteSink, row: number, values: CellValue[], kind: 'plain' | 'header' | 'data', height: number): void {
    const start = sink.position;
    const flushes = sink.flushes;
    sink.ascii('<row r="');
    sink.num(row);
    if (height) {
      // No customHeight: the height is an estimate, which LibreOffice and WPS re-fit to the text on opening
      // (a custom height is kept as is and clips a row the estimate got wrong).
      sink.ascii('" ht="');
      sink.num(height);
    }
    sink.ascii('">');
    const cellsFrom = sink.position;
    const extra = this.extras.get(row);
    if (extra) {
      const count = Math.max(values.length, ...extra.keys());
      for (let c = 0; c < count; c += 1) {
        const own = extra.get(c + 1);
        if (own) this.text(sink, row, c, own.style, own.text);
        else this.cell(sink, row, c, c < values.length ? values[c] : null, kind);
      }
    } else if (kind === 'data' && this.overlays[row] === undefined) {
      // The common case, kept lean: a data row without extra cells or cell styles.
      const ids = this.ids.data;
      for (let c = 0; c < values.length; c += 1) {
        const value = values[c];
        if (value === null || value === undefined) continue;
        if (typeof value === 'string') this.text(sink, row, c, ids[c], value);
        else this.cell(sink, row, c, value, kind);
      }
    } else {
      for (let c = 0; c < values.length; c += 1) this.cell(sink, row, c, values[c], kind);
    }
    // A row with no cells and no height is left out, unless its start tag has already been handed on.
    if (sink.position === cellsFrom && !height && sink.flushes === flushes) sink.rewind(start);
    else sink.ascii('</row>');
  }

  /** Writes `<sheetData>…</sheetData>` into the part, straight into bytes. */
  write(part: PartWriter): void {
    const { sheet, geometry } = this;
    const sink = new ByteSink((bytes) => part.writeBytes(bytes));
    sink.ascii('<sheetData>');
    (sheet.preamble ?? []).forEach((line, i) => this.row(sink, i + 1, [line], 'plain', 0));
    if (geometry.headerRow > 0) this.row(sink, geometry.headerRow, sheet.columns.map((c) => c.header), 'header', 0);
    const kind = sheet.columns.length > 0 ? 'data' : 'plain';
    const wrapped = this.wrapped.length > 0;
    for (let i = 0; i < sheet.rows.length; i += 1) {
      const values = sheet.rows[i];
      this.row(sink, geometry.firstDataRow + i, values, kind, wrapped ? rowHeight(values, this.wrapped) : 0);
    }
    const after = [...this.extras.keys()].filter((r) => r >= geometry.firstDataRow + sheet.rows.length).sort((a, b) => a - b);
    for (const r of after) this.row(sink, r, [], 'plain', 0);
    sink.ascii('</sheetData>');
    sink.flush();
  }
}
