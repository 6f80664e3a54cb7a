/**
 * A fake ET `Range` with VBA semantics: Value2 scalar for one cell and a JS 2-D array for more;
 * strings typed into a non-text cell are parsed the way a user's typing is ('=…' becomes a formula,
 * '12' a number, a leading apostrophe forces text); NumberFormat '@' keeps text as text.
 */
import { formatA1, formatColumn, rectsIntersect, type CellRect } from './et-a1';
import type { EtCommentLike, EtRangeLike, EtValidationLike } from '../../src/hosts/wps/wps-api';
import { createFormatConditions } from './et-format.fake';
import type { FakeCell, FakeEtCore, FakeSheetData } from './et-sheet.fake';

export interface FakeRangeContext {
  core: FakeEtCore;
  data: FakeSheetData;
  worksheet: () => unknown;
  isActive: () => boolean;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Stores what a user typing `input` into this cell would get. */
function storeTyped(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  if (input === undefined || input === null || input === '') {
    delete cell.value;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (cell.numberFormat === '@') cell.value = text;
  else if (text.startsWith("'")) cell.value = text.slice(1);
  else if (NUMERIC.test(text)) cell.value = Number(text);
  else if (/^[=+\-@]/.test(text)) {
    cell.formula = text.startsWith('=') ? text : `=${text}`;
    delete cell.value;
  } else cell.value = text;
}

function serialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function displayText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === undefined) return '';
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value === 'number') {
    const nf = cell.numberFormat ?? 'General';
    if (/y/i.test(nf) && /d/i.test(nf)) return serialToIso(cell.value);
    if (nf.endsWith('%')) return `${Math.round(cell.value * 100)}%`;
  }
  return String(cell.value);
}

/** An object whose properties run the given getter/setter pairs (COM-style property objects). */
export function accessors(defs: Record<string, [() => unknown, (value: unknown) => void]>): object {
  const target = {};
  for (const [key, [get, set]] of Object.entries(defs)) Object.defineProperty(target, key, { get, set, enumerable: true });
  return target;
}

export class FakeRange implements EtRangeLike {
  constructor(readonly ctx: FakeRangeContext, readonly rect: CellRect) {}

  private get data(): FakeSheetData {
    return this.ctx.data;
  }

  private record(method: string): void {
    this.ctx.core.record({ method, sheet: this.data.name, address: formatA1(this.rect) });
  }

  private changed(): void {
    this.ctx.core.emit('SheetChange', [this.ctx.worksheet(), this]);
  }

  /** One value per cell, or the shared value when all cells agree, else null (as VBA does). */
  private uniform<T>(read: (cell: FakeCell | undefined) => T): T | null {
    let first: T | undefined;
    let seen = false;
    let same = true;
    this.data.forEachCell(this.rect, (r, c) => {
      const v = read(this.data.cell(r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) same = false;
    });
    return same ? (first as T) : null;
  }

  private setEach(method: string, write: (cell: FakeCell) => void): void {
    this.record(method);
    this.data.forEachCell(this.rect, (r, c) => write(this.data.ensureCell(r, c)));
  }

  private grid<T>(read: (cell: FakeCell | undefined) => T): T | T[][] {
    if (this.rect.rows === 1 && this.rect.cols === 1) return read(this.data.cell(this.rect.row, this.rect.col));
    const rows: T[][] = [];
    for (let r = 0; r < this.rect.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.rect.cols; c++) row.push(read(this.data.cell(this.rect.row + r, this.rect.col + c)));
      rows.push(row);
    }
    return rows;
  }

  private writeGrid(method: string, input: unknown, store: (cell: FakeCell, v: unknown) => void): void {
    this.record(method);
    const { rows, cols } = this.rect;
    if (Array.isArray(input)) {
      if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new Error(`fake ET: ${rows}x${cols} range given an array of another shape`);
      }
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = Array.isArray(input) ? (input[r] as unknown[])[c] : input;
        store(this.data.ensureCell(this.rect.row + r, this.rect.col + c), v);
      }
    }
    this.changed();
  }

  get Value2(): unknown {
    return this.grid((cell) => (cell?.formula !== undefined ? 0 : cell?.value));
  }
  set Value2(input: unknown) {
    this.writeGrid('Range.Value2', input, storeTyped);
  }
  get Formula(): unknown {
    return this.grid((cell) => cell?.formula ?? (cell?.value === undefined ? '' : String(cell.value)));
  }
  set Formula(input: unknown) {
    this.writeGrid('Range.Formula', input, storeTyped);
  }
  get Text(): unknown {
    return this.uniform((cell) => displayText(cell));
  }
  get NumberFormat(): unknown {
    return this.uniform((cell) => cell?.numberFormat ?? 'General');
  }
  set NumberFormat(nf: unknown) {
    this.setEach('Range.NumberFormat', (cell) => (cell.numberFormat = String(nf)));
  }
  get Row(): number {
    return this.rect.row;
  }
  get Column(): number {
    return this.rect.col;
  }
  get Rows(): { Count: number } {
    return { Count: this.rect.rows };
  }
  get Columns(): { Count: number } {
    return { Count: this.rect.cols };
  }
  get Count(): number {
    return this.rect.rows * this.rect.cols;
  }
  get Worksheet(): unknown {
    return this.ctx.worksheet();
  }
  /** Points from the sheet's left edge: about 5.7 points per character of column width. */
  get Left(): number {
    let left = 0;
    for (let c = 1; c < this.rect.col; c++) left += (this.data.columnWidths.get(c) ?? 8.43) * 5.7;
    return Math.round(left * 100) / 100;
  }
  /** Points from the sheet's top edge (rows of the default 13.5 points). */
  get Top(): number {
    return (this.rect.row - 1) * 13.5;
  }

  get MergeCells(): boolean | null {
    let merged = 0;
    this.data.forEachCell(this.rect, (r, c) => {
      if (this.data.mergeContaining(r, c)) merged++;
    });
    if (merged === 0) return false;
    return merged === this.rect.rows * this.rect.cols ? true : null;
  }
  get MergeArea(): FakeRange {
    const m = this.data.mergeContaining(this.rect.row, this.rect.col);
    if (!m) return this;
    const inside = this.rect.row + this.rect.rows <= m.row + m.rows && this.rect.col + this.rect.cols <= m.col + m.cols;
    return inside ? new FakeRange(this.ctx, m) : this;
  }
  Merge(): void {
    this.record('Range.Merge');
    this.data.merges = this.data.merges.filter((m) => !rectsIntersect(m, this.rect));
    // Like Excel: only the top-left value survives, and its format spreads over the area.
    const { value: _value, formula: _formula, comment: _comment, ...format } = this.data.cell(this.rect.row, this.rect.col) ?? {};
    this.data.forEachCell(this.rect, (r, c) => {
      if (r !== this.rect.row || c !== this.rect.col) this.data.cells.set(`${r},${c}`, { ...format });
    });
    this.data.merges.push({ ...this.rect });
  }
  UnMerge(): void {
    this.record('Range.UnMerge');
    this.data.merges = this.data.merges.filter((m) => !rectsIntersect(m, this.rect));
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    const cell = (row: number, col: number) => `${columnAbsolute ? '$' : ''}${formatColumn(col)}${rowAbsolute ? '$' : ''}${row}`;
    const first = cell(this.rect.row, this.rect.col);
    if (this.rect.rows === 1 && this.rect.cols === 1) return first;
    return `${first}:${cell(this.rect.row + this.rect.rows - 1, this.rect.col + this.rect.cols - 1)}`;
  }

  get Interior(): { Color: number } {
    return accessors({
      Color: [() => this.uniform((cell) => cell?.fill ?? 0xffffff), (v) => this.setEach('Interior.Color', (cell) => (cell.fill = Number(v)))],
    }) as { Color: number };
  }
  get Font(): { Color: number; Bold: boolean; Italic: boolean } {
    return accessors({
      Color: [() => this.uniform((cell) => cell?.fontColor ?? 0), (v) => this.setEach('Font.Color', (cell) => (cell.fontColor = Number(v)))],
      Bold: [() => this.uniform((cell) => cell?.bold ?? false), (v) => this.setEach('Font.Bold', (cell) => (cell.bold = Boolean(v)))],
      Italic: [() => this.uniform((cell) => cell?.italic ?? false), (v) => this.setEach('Font.Italic', (cell) => (cell.italic = Boolean(v)))],
    }) as { Color: number; Bold: boolean; Italic: boolean };
  }
  get WrapText(): unknown {
    return this.uniform((cell) => cell?.wrap ?? false);
  }
  set WrapText(v: unknown) {
    this.setEach('Range.WrapText', (cell) => (cell.wrap = Boolean(v)));
  }
  get HorizontalAlignment(): unknown {
    return this.uniform((cell) => cell?.hAlign ?? 1);
  }
  set HorizontalAlignment(v: unknown) {
    this.setEach('Range.HorizontalAlignment', (cell) => (cell.hAlign = Number(v)));
  }
  get VerticalAlignment(): unknown {
    return this.uniform((cell) => cell?.vAlign ?? -4107);
  }
  set VerticalAlignment(v: unknown) {
    this.setEach('Range.VerticalAlignment', (cell) => (cell.vAlign = Number(v)));
  }
  get ColumnWidth(): unknown {
    return this.data.columnWidths.get(this.rect.col) ?? 8.43;
  }
  set ColumnWidth(v: unknown) {
    this.record('Range.ColumnWidth');
    for (let c = this.rect.col; c < this.rect.col + this.rect.cols; c++) this.data.columnWidths.set(c, Number(v));
  }

  get Validation(): EtValidationLike {
    return {
      Add: (type: number, alertStyle?: number, operator?: number, formula1?: string) => {
        this.record('Validation.Add');
        if (this.data.validations.some((v) => rectsIntersect(v.rect, this.rect))) throw new Error('fake ET: validation already exists; Delete() it first');
        if (type === 3 && !formula1) throw new Error('fake ET: list validation needs Formula1');
        this.data.validations.push({ rect: { ...this.rect }, type, alertStyle, operator, formula1 });
      },
      Delete: () => {
        this.record('Validation.Delete');
        this.data.validations = this.data.removeIntersecting(this.data.validations, this.rect);
      },
    };
  }

  get FormatConditions() {
    return createFormatConditions(this.ctx.core, this.data, this.rect);
  }

  get Comment(): EtCommentLike | null {
    const cell = this.data.cell(this.rect.row, this.rect.col);
    if (cell?.comment === undefined) return null;
    return {
      Delete: () => {
        this.record('Comment.Delete');
        delete cell.comment;
      },
      Text: () => cell.comment ?? '',
    };
  }
  AddComment(text?: string): EtCommentLike {
    this.record('Range.AddComment');
    const cell = this.data.ensureCell(this.rect.row, this.rect.col);
    if (cell.comment !== undefined) throw new Error('fake ET: the cell already has a comment');
    cell.comment = text ?? '';
    return this.Comment as EtCommentLike;
  }

  AutoFilter(): unknown {
    this.record('Range.AutoFilter');
    this.data.autoFilter = this.data.autoFilter ? undefined : { ...this.rect };
    return true;
  }

  Clear(): unknown {
    this.record('Range.Clear');
    this.data.forEachCell(this.rect, (r, c) => this.data.cells.delete(`${r},${c}`));
    this.data.merges = this.data.merges.filter((m) => !rectsIntersect(m, this.rect));
    this.changed();
    return true;
  }
  ClearContents(): unknown {
    this.record('Range.ClearContents');
    this.data.forEachCell(this.rect, (r, c) => {
      const cell = this.data.cell(r, c);
      if (cell) storeTyped(cell, undefined);
    });
    this.changed();
    return true;
  }
  Select(): unknown {
    if (!this.ctx.isActive()) throw new Error('fake ET: Select on a sheet that is not active');
    this.data.selection = { ...this.rect };
    return true;
  }
}
