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

export const WORDML_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** Elements whose whole content is not document text. */
const SKIPPED = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'rt', 'txbxContent',
  'tcPrChange', 'trPrChange', 'tblPrChange', 'tblGridChange', 'pPrChange', 'rPrChange', 'sectPrChange',
]);

export interface DocxGridBuilder {
  /** `attrs()` gives the tag's raw attribute text (see xml-tokenizer's readAttribute). */
  onOpen(name: string, attrs: () => string): void;
  onClose(name: string): void;
  onText(text: string): void;
  finish(): DocumentGrids;
}

function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(false|0|off)$/i.test(value);
}

function toCount(value: string | undefined): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 0;
}

export function createDocxGridBuilder(): DocxGridBuilder {
  let prefix: string | null = null; // the prefix bound to WordprocessingML, found on the root
  let skip = 0;
  let depth = 0;
  let inRun = 0;
  let inText = false;
  let inParagraph = false;
  let text = '';
  let grid: Grid | null = null;
  let row: GridRow | null = null;
  let cell: GridCell | null = null;
  let gridAfter = 0;
  let rowDeleted = false;
  let warnedCell: GridCell | null = null;
  const grids: Grid[] = [];
  const paragraphs: string[] = [];
  const warnings: Finding[] = [];
  let before: string[] = [];

  const attr = (attrs: string, local: string): string | undefined =>
    readAttribute(attrs, prefix ? `${prefix}:${local}` : local) ?? (prefix === 'w' ? undefined : readAttribute(attrs, `w:${local}`));

  // Tag names repeat millions of times in a long document: look them up instead of slicing.
  const localNames = new Map<string, string | null>();
  function localName(name: string): string | null {
    const known = localNames.get(name);
    if (known !== undefined) return known;
    const colon = name.indexOf(':');
    const local = prefix === null || (colon < 0 ? '' : name.slice(0, colon)) === prefix ? name.slice(colon + 1) : null;
    if (prefix !== null && localNames.size < 2000) localNames.set(name, local);
    return local;
  }

  function findPrefix(attrs: string): void {
    for (const m of attrs.matchAll(/\sxmlns(?::([^\s=]+))?\s*=\s*["']([^"']*)["']/g)) {
      if (WORDML_NAMESPACES.includes(m[2])) {
        prefix = m[1] ?? '';
        return;
      }
    }
    prefix = 'w';
  }

  function endParagraph(): void {
    // The text is a slice of a decoded chunk of up to megabytes; copying it lets that chunk go.
    if (text.length > 12) text = (' ' + text).slice(1);
    if (depth > 0) {
      cell?.paragraphs.push(text);
    } else if (text.trim() !== '') {
      paragraphs.push(text);
      before.push(text);
    }
    text = '';
  }

  function emptyCells(n: number): GridCell[] {
    return Array.from({ length: n }, () => ({ paragraphs: [] }));
  }

  function openTable(): void {
    depth++;
    if (depth === 1) {
      grid = { rows: [], before, origin: { index: grids.length } };
      before = [];
    } else if (cell && grid) {
      cell.nestedTable = true;
      if (warnedCell !== cell) {
        warnedCell = cell;
        warnings.push({
          code: 'nested-table',
          severity: 'warning',
          message: `第 ${grid.origin.index + 1} 个表格第 ${grid.rows.length + 1} 行的单元格内含有嵌套表格，其文字已并入该单元格。`,
          messageEn: `Table ${grid.origin.index + 1}, row ${grid.rows.length + 1}: a cell holds a nested table; its text was merged into the cell.`,
          table: grid.origin.index,
          row: grid.rows.length,
        });
      }
    }
  }

  function openTableProperty(name: string, attrsOf: () => string): void {
    const attrs = name === 'tr' || name === 'tc' ? '' : attrsOf();
    if (name === 'tr') {
      row = { cells: [] };
      gridAfter = 0;
      rowDeleted = false;
    } else if (name === 'tc' && row) {
      cell = { paragraphs: [] };
      row.cells.push(cell);
    } else if (name === 'tblHeader' && row && isOn(attr(attrs, 'val'))) {
      row.isHeader = true;
    } else if (name === 'gridBefore' && row) {
      row.cells.push(...emptyCells(toCount(attr(attrs, 'val'))));
    } else if (name === 'gridAfter' && row) {
      gridAfter = toCount(attr(attrs, 'val'));
    } else if (name === 'gridSpan' && cell) {
      const span = toCount(attr(attrs, 'val'));
      if (span > 1) cell.colSpan = span;
    } else if (name === 'hMerge' && cell && row && attr(attrs, 'val') !== 'restart' && row.cells.length > 1) {
      // Legacy horizontal merge (older Word, WPS): the continuing cell widens the one before it.
      row.cells.pop();
      const first = row.cells[row.cells.length - 1];
      first.colSpan = (first.colSpan ?? 1) + (cell.colSpan ?? 1);
      cell = { paragraphs: [] }; // keeps its (empty) text out of the row
    } else if (name === 'cellDel' && cell && row) {
      row.cells.pop();
      cell = null;
    } else if (name === 'vMerge' && cell) {
      cell.vMerge = attr(attrs, 'val') === 'restart' ? 'restart' : 'continue';
    }
  }

  function onOpen(qname: string, attrs: () => string): void {
    if (skip > 0) {
      skip++;
      return;
    }
    if (prefix === null) findPrefix(attrs());
    const name = localName(qname);
    if (name === null) {
      if (qname.endsWith(':Fallback')) skip = 1; // mc:Fallback repeats mc:Choice
      return;
    }
    if (SKIPPED.has(name)) {
      // A tracked deletion in w:trPr deletes the whole row; w:cellDel in w:tcPr the cell.
      if (name === 'del' && depth === 1 && row && !cell) rowDeleted = true;
      skip = 1;
      return;
    }
    switch (name) {
      case 't':
        inText = true;
        return;
      case 'r':
        inRun++;
        return;
      case 'p':
        inParagraph = true;
        text = '';
        return;
      case 'tab':
        if (inRun > 0) text += '\t';
        return;
      case 'br':
      case 'cr':
        if (inRun > 0 && inParagraph) endParagraph();
        return;
      case 'noBreakHyphen':
        if (inRun > 0) text += '-';
        return;
      case 'tbl':
        openTable();
        return;
      default:
        if (depth === 1) openTableProperty(name, attrs);
    }
  }

  function onClose(tagName: string): void {
    if (skip > 0) {
      skip--;
      return;
    }
    const name = localName(tagName);
    if (name === 't') inText = false;
    else if (name === 'r') inRun = Math.max(0, inRun - 1);
    else if (name === 'p' && inParagraph) {
      endParagraph();
      inParagraph = false;
    } else if (depth === 1 && name === 'tc') cell = null;
    else if (depth === 1 && name === 'tr' && row) {
      row.cells.push(...emptyCells(gridAfter));
      if (row.cells.length > 0 && !rowDeleted) grid?.rows.push(row);
      row = null;
    } else if (name === 'tbl' && depth > 0) {
      depth--;
      if (depth === 0 && grid) {
        grids.push(grid);
        grid = null;
        row = null;
        cell = null;
      }
    }
  }

  function onText(chunk: string): void {
    if (inText && skip === 0) text += chunk;
  }

  function finish(): DocumentGrids {
    return { format: 'docx', grids, paragraphs, warnings };
  }

  return { onOpen, onClose, onText, finish };
}
