/**
 * Turns the XML events of word/document.xml into grids. Streaming on purpose: a 50,000-row
 * document never becomes a DOM, only the cells' text is kept.
 *
 * Word's structure: w:tbl → w:tr (w:trPr/w:tblHeader, w:gridBefore/w:gridAfter) → w:tc
 * (w:tcPr/w:gridSpan, w:vMerge) → w:p → w:r → w:t. Wrappers (w:sdt, w:ins, w:hyperlink,
 * w:smartTag, w:customXml, w:fldSimple) are transparent; deleted text and old revision
 * properties are skipped.
 */
import type { DocumentGrids, Grid, GridCell, GridRow } from '../grid/grid.model';
import type { Finding } from '../model/records.model';
import { readAttribute } from './xml-tokenizer';
import { checkGridBudgets, checkRowColumns, GridTally, READ_BUDGETS } from './read-budgets.rules';
import { ElementKinds, isOn, K, toCount, trimmed, type ElementKind } from './docx-elements.rules';

export const WORDML_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

export interface DocxGridBuilder {
  /** `attrs()` gives the tag's raw attribute text (see xml-tokenizer's readAttribute). */
  onOpen(name: string, attrs: () => string): void;
  onClose(name: string): void;
  onText(text: string): void;
  finish(): DocumentGrids;
}

/** The warning both Word readers give for a nested table (its text is flattened into the cell). */
export function createNestedTableWarning(table: number, row: number): Finding {
  return {
    code: 'nested-table',
    severity: 'warning',
    message: `第 ${table + 1} 个表格第 ${row + 1} 行的单元格内含有嵌套表格，其文字已并入该单元格。`,
    messageEn: `Table ${table + 1}, row ${row + 1}: a cell holds a nested table; its text was merged into the cell.`,
    table,
    row,
  };
}

class DocxGrids implements DocxGridBuilder {
  private prefix: string | null = null; // the prefix bound to WordprocessingML, found on the root
  private skip = 0;
  private depth = 0;
  private inRun = 0;
  private inText = false;
  private inParagraph = false;
  private text = '';
  private grid: Grid | null = null;
  private row: GridRow | null = null;
  private cell: GridCell | null = null;
  private gridAfter = 0;
  /** Grid columns of the row being read (cells, spans, gridBefore/gridAfter): bounded by READ_BUDGETS. */
  private rowColumns = 0;
  private readonly tally = new GridTally();
  private rowDeleted = false;
  /** Characters given to cells since the last cell opened (at least the open cell's): over the budget, the grids get checked. */
  private cellChars = 0;
  private longCell = false;
  private warnedCell: GridCell | null = null;
  private before: string[] = [];
  private readonly grids: Grid[] = [];
  private readonly paragraphs: string[] = [];
  private readonly warnings: Finding[] = [];
  // Tag names repeat millions of times in a long document: each is classified once (docx-elements.rules.ts).
  private kinds = new ElementKinds('w');

  private valName = 'w:val';

  /** The element's w:val (the only attribute read). */
  private val(attrs: string): string | undefined {
    return readAttribute(attrs, this.valName) ?? (this.prefix === 'w' ? undefined : readAttribute(attrs, 'w:val'));
  }

  private findPrefix(attrs: string): void {
    this.prefix = 'w';
    for (const m of attrs.matchAll(/\sxmlns(?::([^\s=]+))?\s*=\s*["']([^"']*)["']/g)) {
      if (WORDML_NAMESPACES.includes(m[2])) {
        this.prefix = m[1] ?? '';
        break;
      }
    }
    this.kinds = new ElementKinds(this.prefix);
    this.valName = this.prefix ? `${this.prefix}:val` : 'val';
  }

  private endParagraph(): void {
    // The text is a slice of a decoded chunk of up to megabytes; copying it lets that chunk go.
    const text = this.text.length > 12 ? (' ' + this.text).slice(1) : this.text;
    if (this.depth > 0) {
      const { cell } = this;
      // A one-paragraph cell (most) gets an array of one: a first push reserves 17 slots.
      if (cell && cell.paragraphs.length === 0) cell.paragraphs = [text];
      else cell?.paragraphs.push(text);
      if ((this.cellChars += text.length) > READ_BUDGETS.cellChars) this.longCell = true;
    } else if (text.trim() !== '') {
      this.paragraphs.push(text);
      this.before.push(text);
    }
    this.text = '';
  }

  private openTable(): void {
    this.depth++;
    if (this.depth === 1) {
      this.grid = { rows: [], before: this.before, origin: { index: this.grids.length } };
      this.before = [];
    } else if (this.cell && this.grid) {
      this.cell.nestedTable = true;
      if (this.warnedCell !== this.cell) {
        this.warnedCell = this.cell;
        this.warnings.push(createNestedTableWarning(this.grid.origin.index, this.grid.rows.length));
      }
    }
  }

  private openRowOrCell(kind: ElementKind): void {
    if (kind === K.tr) {
      this.row = { cells: [] };
      this.gridAfter = 0;
      this.rowColumns = 0;
      this.rowDeleted = false;
    } else if (this.row) {
      this.cell = { paragraphs: [] };
      this.cellChars = 0;
      this.row.cells.push(this.cell);
      this.addColumns(1);
    }
  }

  private openTableProperty(kind: ElementKind, attrs: string): void {
    if (kind === K.tblHeader || kind === K.gridBefore || kind === K.gridAfter) this.openRowProperty(kind, attrs);
    else this.openCellProperty(kind, attrs);
  }

  private openRowProperty(kind: ElementKind, attrs: string): void {
    const { row } = this;
    if (!row) return;
    if (kind === K.tblHeader && isOn(this.val(attrs))) row.isHeader = true;
    else if (kind === K.gridBefore) {
      const n = toCount(this.val(attrs));
      this.addColumns(n);
      for (let i = 0; i < n; i++) row.cells.push({ paragraphs: [] });
    } else if (kind === K.gridAfter) {
      this.addColumns(toCount(this.val(attrs)) - this.gridAfter);
      this.gridAfter = toCount(this.val(attrs));
    }
  }

  /** Counts grid columns as they are created: a flood of gridBefore or gridSpan is refused, not built. */
  private addColumns(n: number): void {
    this.rowColumns += n;
    checkRowColumns(this.rowColumns, this.grid?.origin.index ?? this.grids.length, this.grid?.rows.length ?? 0);
  }

  private openCellProperty(kind: ElementKind, attrs: string): void {
    const { row, cell } = this;
    if (!cell) return;
    if (kind === K.gridSpan) {
      const span = toCount(this.val(attrs));
      if (span > 1) {
        this.addColumns(span - (cell.colSpan ?? 1));
        cell.colSpan = span;
      }
    } else if (kind === K.hMerge && row && this.val(attrs) !== 'restart' && row.cells.length > 1) {
      // Legacy horizontal merge (older Word, WPS): the continuing cell widens the one before it.
      row.cells.pop();
      const first = row.cells[row.cells.length - 1];
      first.colSpan = (first.colSpan ?? 1) + (cell.colSpan ?? 1);
      this.cell = { paragraphs: [] }; // keeps its (empty) text out of the row
      this.cellChars = 0;
    } else if (kind === K.cellDel && row) {
      row.cells.pop();
      this.cell = null;
    } else if (kind === K.vMerge) {
      cell.vMerge = this.val(attrs) === 'restart' ? 'restart' : 'continue';
    }
  }

  onOpen(qname: string, attrs: () => string): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    if (this.prefix === null) this.findPrefix(attrs());
    const kind = this.kinds.of(qname);
    switch (kind) {
      case K.other:
      case K.foreign:
        return;
      case K.fallback: // mc:Fallback repeats mc:Choice
      case K.skipped:
        this.skip = 1;
        return;
      case K.del:
        // A tracked deletion in w:trPr deletes the whole row (w:cellDel in w:tcPr, the cell).
        if (this.depth === 1 && this.row && !this.cell) this.rowDeleted = true;
        this.skip = 1;
        return;
      default:
        this.openContent(kind, attrs);
    }
  }

  private openContent(kind: ElementKind, attrs: () => string): void {
    switch (kind) {
      case K.t:
        this.inText = true;
        return;
      case K.r:
        this.inRun++;
        return;
      case K.p:
        this.inParagraph = true;
        this.text = '';
        return;
      case K.tab:
        if (this.inRun > 0) this.text += '\t';
        return;
      case K.br:
        if (this.inRun > 0 && this.inParagraph) this.endParagraph();
        return;
      case K.noBreakHyphen:
        if (this.inRun > 0) this.text += '-';
        return;
      case K.tbl:
        this.openTable();
        return;
      default:
        if (this.depth !== 1) return;
        if (kind === K.tr || kind === K.tc) this.openRowOrCell(kind);
        else this.openTableProperty(kind, attrs());
    }
  }

  onClose(tagName: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const kind = this.kinds.of(tagName);
    if (kind === K.t) this.inText = false;
    else if (kind === K.r) this.inRun = Math.max(0, this.inRun - 1);
    else if (kind === K.p && this.inParagraph) {
      this.endParagraph();
      this.inParagraph = false;
    } else if (this.depth === 1 && kind === K.tc) this.cell = null;
    else if (this.depth === 1 && kind === K.tr && this.row) this.closeRow(this.row);
    else if (kind === K.tbl && this.depth > 0) this.closeTable();
  }

  private closeRow(row: GridRow): void {
    for (let i = 0; i < this.gridAfter; i++) row.cells.push({ paragraphs: [] });
    if (row.cells.length > 0 && !this.rowDeleted) {
      this.tally.addRow(this.rowColumns, this.grid?.origin.index ?? 0);
      this.grid?.rows.push(trimmed(row));
    }
    this.row = null;
  }

  private closeTable(): void {
    this.depth--;
    if (this.depth === 0 && this.grid) {
      this.grids.push(this.grid);
      this.grid = null;
      this.row = null;
      this.cell = null;
    }
  }

  onText(chunk: string): void {
    if (this.inText && this.skip === 0) this.text += chunk;
  }

  /**
   * The grids, within every read budget: rows, cells and columns were counted as they were built,
   * and a cell that may be too long gets the full check (document.reader.ts trusts this for .docx).
   */
  finish(): DocumentGrids {
    const doc: DocumentGrids = { format: 'docx', grids: this.grids, paragraphs: this.paragraphs, warnings: this.warnings };
    if (this.longCell) checkGridBudgets(doc);
    return doc;
  }
}

export function createDocxGridBuilder(): DocxGridBuilder {
  return new DocxGrids();
}
