/**
 * The `<sheetData>` of one sheet, written row by row into the part as the rows are read from the
 * plan: preamble lines, the header row, the data rows, with each cell's style from its column
 * (and the plan's cell styles laid over it), and row heights for wrapped text.
 */
import { columnLetter, isoDateToSerial, parseRangeAddress, DATE_FORMAT, type CellStylePlan, type CellValue, type SheetPlan } from '../../core/index';
import type { CellFormat, StyleSheet } from './xlsx-styles.builder';
import type { StringTable } from './xlsx-strings.builder';
import { escapeText } from './xlsx-xml.codec';
import type { PartWriter } from './zip-package.writer';

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

export function sheetGeometry(sheet: SheetPlan, extraCells: Map<number, Map<number, string>>): SheetGeometry {
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

/** Lines a text takes in a wrapped column `limit` character cells wide (CJK and full-width forms take two). */
function lineCount(text: string, limit: number): number {
  if (text.length * 2 <= limit && !text.includes('\n')) return 1;
  let lines = 0;
  let w = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines += Math.max(1, Math.ceil(w / limit));
      w = 0;
    } else if (code < 0xdc00 || code > 0xdfff) w += code >= 0x2e80 ? 2 : 1;
  }
  return lines + Math.max(1, Math.ceil(w / limit));
}

/** Estimated height of a wrapped row, since Excel does not autofit rows of a file when opening it. */
function rowHeight(row: CellValue[], wrapped: { i: number; width: number }[]): number {
  let lines = 1;
  for (const { i, width } of wrapped) {
    const value = row[i];
    if (typeof value === 'string' && value.length > 0) lines = Math.max(lines, lineCount(value, width * 1.1));
  }
  return lines > 1 ? Math.min(409, lines * 15 + 3) : 0;
}

interface Formats {
  header: CellFormat[];
  data: CellFormat[];
  date: CellFormat[];
}

function columnFormats(sheet: SheetPlan, geometry: SheetGeometry): Formats {
  const data = sheet.columns.map((c): CellFormat => ({ vertical: 'top', wrap: c.wrap === true, numberFormat: c.numberFormat, locked: sheet.protect && c.editable ? false : undefined }));
  const header = sheet.columns.map((): CellFormat => (geometry.table ? { vertical: 'top', wrap: true } : { vertical: 'top', wrap: true, font: { bold: true }, fill: { color: HEADER_FILL } }));
  return { header, data, date: data.map((f) => ({ ...f, numberFormat: f.numberFormat ?? DATE_FORMAT })) };
}

export class SheetCells {
  private readonly letters: string[] = [];
  private readonly formats: Formats;
  private readonly ids: { header: number[]; data: number[]; date: number[] };
  private readonly overlayIds = new Map<Overlay, Map<CellFormat, number>>();
  private readonly wrapped: { i: number; width: number }[];
  /** ` s="N"` of each column's data cells. */
  private readonly dataAttr: string[];

  constructor(
    private readonly sheet: SheetPlan,
    private readonly geometry: SheetGeometry,
    private readonly styles: StyleSheet,
    private readonly strings: StringTable,
    private readonly overlays: Overlays,
    private readonly extras: Map<number, Map<number, string>>,
  ) {
    for (let c = 1; c <= geometry.lastCol; c += 1) this.letters.push(columnLetter(c));
    this.formats = columnFormats(sheet, geometry);
    this.ids = { header: this.formats.header.map((f) => styles.cell(f)), data: this.formats.data.map((f) => styles.cell(f)), date: this.formats.date.map((f) => styles.cell(f)) };
    this.wrapped = sheet.columns.map((c, i) => ({ i, width: Math.max(c.width - 1, 4), wrap: c.wrap })).filter((c) => c.wrap);
    this.dataAttr = this.ids.data.map((id) => (id ? ` s="${id}"` : ''));
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

  private cell(row: number, col: number, value: CellValue, kind: 'plain' | 'header' | 'data'): string {
    const ref = `${this.letters[col]}${row}`;
    const isDate = value !== null && typeof value === 'object' && 'date' in value;
    const group = kind === 'header' ? 'header' : isDate ? 'date' : 'data';
    const base = kind === 'plain' ? undefined : this.formats[group][col];
    const s = this.styleOf(row, col, base, kind === 'plain' ? 0 : this.ids[group][col] ?? 0);
    const style = s ? ` s="${s}"` : '';
    if (value === null || value === undefined) return s !== (kind === 'data' ? this.ids.data[col] : 0) ? `<c r="${ref}"${style}/>` : '';
    return this.valueXml(ref, style, value);
  }

  private valueXml(ref: string, style: string, value: Exclude<CellValue, null>): string {
    if (typeof value === 'string') return this.strings.cell(ref, style, value);
    if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
    if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
    if ('formula' in value) {
      const f = `<f>${escapeText(value.formula.replace(/^=/, ''))}</f>`;
      if (value.result === undefined) return `<c r="${ref}"${style}>${f}</c>`;
      return typeof value.result === 'number' ? `<c r="${ref}"${style}>${f}<v>${value.result}</v></c>` : `<c r="${ref}"${style} t="str">${f}<v>${escapeText(value.result)}</v></c>`;
    }
    if ('date' in value) {
      const serial = /^\d{4}-\d{2}-\d{2}/.test(value.date) ? isoDateToSerial(value.date) : null;
      return serial === null ? this.strings.cell(ref, style, value.date) : `<c r="${ref}"${style}><v>${serial}</v></c>`;
    }
    return '';
  }

  private rowXml(row: number, values: CellValue[], kind: 'plain' | 'header' | 'data', height: number): string {
    const extra = this.extras.get(row);
    let body = '';
    if (extra) {
      const count = Math.max(values.length, ...extra.keys());
      for (let c = 0; c < count; c += 1) body += extra.get(c + 1) ?? this.cell(row, c, c < values.length ? values[c] : null, kind);
    } else if (kind === 'data' && this.overlays[row] === undefined) {
      // The common case, kept lean: a data row without extra cells or cell styles.
      for (let c = 0; c < values.length; c += 1) {
        const value = values[c];
        if (value === null || value === undefined) continue;
        body += typeof value === 'string' ? this.strings.cell(this.letters[c] + row, this.dataAttr[c], value) : this.cell(row, c, value, kind);
      }
    } else {
      for (let c = 0; c < values.length; c += 1) body += this.cell(row, c, values[c], kind);
    }
    if (!body && !height) return '';
    return `<row r="${row}"${height ? ` ht="${height}" customHeight="1"` : ''}>${body}</row>`;
  }

  /** Writes `<sheetData>…</sheetData>` into the part, a piece at a time. */
  write(part: PartWriter): void {
    const { sheet, geometry } = this;
    let buf = '<sheetData>';
    const push = (xml: string): void => {
      buf += xml;
      if (buf.length >= 1 << 16) {
        part.write(buf);
        buf = '';
      }
    };
    (sheet.preamble ?? []).forEach((line, i) => push(this.rowXml(i + 1, [line], 'plain', 0)));
    if (geometry.headerRow > 0) push(this.rowXml(geometry.headerRow, sheet.columns.map((c) => c.header), 'header', 0));
    const kind = sheet.columns.length > 0 ? 'data' : 'plain';
    const wrapped = this.wrapped.length > 0;
    for (let i = 0; i < sheet.rows.length; i += 1) {
      const values = sheet.rows[i];
      push(this.rowXml(geometry.firstDataRow + i, values, kind, wrapped ? rowHeight(values, this.wrapped) : 0));
    }
    const after = [...this.extras.keys()].filter((r) => r >= geometry.firstDataRow + sheet.rows.length).sort((a, b) => a - b);
    for (const r of after) push(this.rowXml(r, [], 'plain', 0));
    part.write(`${buf}</sheetData>`);
  }
}
