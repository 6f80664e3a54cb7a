/**
 * Builds grids from the paragraphs of a .doc. In the binary format a cell ends with the mark
 * \x07, a row ends with one more \x07 paragraph flagged as "table terminating" (TTP) that also
 * carries the row's layout (sprmTDefTable: cell boundaries and vertical merges), and paragraphs
 * of nested tables have a table depth (itap) above 1.
 */
import type { DocumentGrids, Grid, GridCell, GridRow } from '../grid/grid.model';
import type { Finding } from '../model/records.model';
import { forEachSprm } from './doc-binary';
import { createNestedTableWarning } from './docx-xml.parser';

export interface DocParagraph {
  /** Text split at line breaks (\x0b), one entry per line. */
  lines: string[];
  /** '\r' ends an ordinary paragraph, '\x07' a cell or (with ttp) a row. */
  mark: '\r' | '\x07';
  grpprl: Uint8Array;
}

interface ParagraphProps {
  inTable: boolean;
  itap: number;
  ttp: boolean;
  innerTtp: boolean;
  header: boolean;
  /** Cell boundaries (twips) and vertical merge per cell, from the row's TTP. */
  centers: number[];
  vMerge: Map<number, number>;
}

const s16 = (g: Uint8Array, o: number): number => ((g[o] | (g[o + 1] << 8)) << 16) >> 16;

function readDefTable(g: Uint8Array, at: number, len: number, props: ParagraphProps): void {
  const n = g[at];
  if (1 + (n + 1) * 2 > len) return;
  props.centers = Array.from({ length: n + 1 }, (_, i) => s16(g, at + 1 + i * 2));
  const tcs = at + 1 + (n + 1) * 2;
  for (let i = 0; i < n && tcs + (i + 1) * 20 <= at + len; i++) {
    const vertMerge = (g[tcs + i * 20] >> 5) & 3;
    if (vertMerge) props.vMerge.set(i, vertMerge);
  }
}

export function readParagraphProps(g: Uint8Array): ParagraphProps {
  const props: ParagraphProps = { inTable: false, itap: 0, ttp: false, innerTtp: false, header: false, centers: [], vMerge: new Map() };
  forEachSprm(g, (sprm, at, len) => {
    if (sprm === 0x2416) props.inTable = g[at] !== 0; // sprmPFInTable
    else if (sprm === 0x2417) props.ttp = g[at] !== 0; // sprmPFTtp
    else if (sprm === 0x6649) props.itap = g[at] | (g[at + 1] << 8); // sprmPItap
    else if (sprm === 0x244c) props.innerTtp = g[at] !== 0; // sprmPFInnerTtp
    else if (sprm === 0x3404) props.header = g[at] !== 0; // sprmTTableHeader
    else if (sprm === 0xd608) readDefTable(g, at, len, props); // sprmTDefTable
    else if (sprm === 0xd62b && len >= 3) props.vMerge.set(g[at + 1], g[at + 2]); // sprmTVertMerge
  });
  if (props.inTable && props.itap === 0) props.itap = 1;
  if (props.itap > 0) props.inTable = true;
  return props;
}

/** Column spans for rows with fewer cells than the widest row, from the cell boundaries. */
function applySpans(grid: Grid, centers: number[][]): void {
  const widest = centers.reduce((best, c, i) => (c.length > centers[best].length ? i : best), 0);
  const full = centers[widest] ?? [];
  const columns = full.length - 1;
  grid.rows.forEach((row, r) => {
    const c = centers[r];
    if (!c || c.length - 1 !== row.cells.length || row.cells.length >= columns) return;
    const spans = row.cells.map((_, k) => 1 + full.filter((x) => x > c[k] + 20 && x < c[k + 1] - 20).length);
    if (spans.reduce((a, b) => a + b, 0) !== columns) return;
    row.cells.forEach((cell, k) => {
      if (spans[k] > 1) cell.colSpan = spans[k];
    });
  });
}

export function buildDocGrids(paragraphs: Iterable<DocParagraph>): DocumentGrids {
  const grids: Grid[] = [];
  const outside: string[] = [];
  const warnings: Finding[] = [];
  let before: string[] = [];
  let grid: Grid | null = null;
  let centers: number[][] = [];
  let row: GridRow = { cells: [] };
  let cell: GridCell = { paragraphs: [] };

  function closeTable(): void {
    if (!grid) return;
    const cells = cell.paragraphs.length > 0 ? [...row.cells, cell] : row.cells;
    if (cells.length > 0) grid.rows.push({ cells });
    applySpans(grid, centers);
    grids.push(grid);
    grid = null;
    row = { cells: [] };
    cell = { paragraphs: [] };
  }

  function nested(p: DocParagraph, props: ParagraphProps, g: Grid): void {
    if (props.innerTtp) return;
    for (const line of p.lines) cell.paragraphs.push(line);
    if (!cell.nestedTable) {
      cell.nestedTable = true;
      warnings.push(createNestedTableWarning(g.origin.index, g.rows.length));
    }
  }

  function endRow(props: ParagraphProps, g: Grid): void {
    row.cells.forEach((c, i) => {
      const v = props.vMerge.get(i);
      if (v === 3) c.vMerge = 'restart';
      else if (v === 1 || v === 2) c.vMerge = 'continue';
    });
    if (props.header) row.isHeader = true;
    if (row.cells.length > 0) {
      g.rows.push(row);
      centers.push(props.centers);
    }
    row = { cells: [] };
  }

  for (const p of paragraphs) {
    const props = readParagraphProps(p.grpprl);
    if (!props.inTable) {
      closeTable();
      const texts = p.lines.filter((l) => l.trim() !== '');
      for (const t of texts) outside.push(t);
      for (const t of texts) before.push(t);
      continue;
    }
    if (!grid) {
      grid = { rows: [], before, origin: { index: grids.length } };
      before = [];
      centers = [];
    }
    if (props.itap > 1) nested(p, props, grid);
    else if (p.mark === '\x07' && props.ttp) endRow(props, grid);
    else if (p.mark === '\x07') {
      for (const line of p.lines) cell.paragraphs.push(line);
      row.cells.push(cell);
      cell = { paragraphs: [] };
    } else for (const line of p.lines) cell.paragraphs.push(line);
  }
  closeTable();
  return { format: 'doc', grids, paragraphs: outside, warnings };
}
