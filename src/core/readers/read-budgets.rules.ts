/**
 * What one read may build (issue 17): work and memory grow with what a document really holds,
 * never with the shape of its markup. Each budget is enforced where the work is created and has
 * its own code (docs/MODEL.md, "Budgets"). The numbers leave room far beyond any real 分解落实表
 * (tens of columns, thousands of rows) and keep a hostile file within seconds and a few hundred MB.
 */
import type { DocumentGrids, Grid } from '../grid/grid.model';
import type { SniffedKind } from './format-sniffer';
import { createReadError } from './read-errors';

export const READ_BUDGETS = {
  /** Grid columns of one table row, spans and gridBefore/gridAfter included (Word allows 63; Excel 16,384). */
  gridColumns: 2000,
  /** Rows of all tables of one document. */
  rows: 300_000,
  /** Cells of all tables, each span counted as the columns it covers (150,000 rows × 20 columns fit). */
  cells: 6_000_000,
  /**
   * Characters of one cell. Reading keeps long cells (a 5 MB cell is read and reported by the
   * writers, which hold Excel's 32,767: `cell-too-long`); beyond this it is not a table.
   */
  cellChars: 16_000_000,
  /** Input bytes per format. */
  inputBytes: { text: 200 * 1024 * 1024, zip: 256 * 1024 * 1024, cfb: 128 * 1024 * 1024 } as Record<string, number>,
} as const;

/** The row's grid columns so far plus `more` must stay within the budget. */
export function checkRowColumns(columns: number, table: number, row: number): void {
  if (columns > READ_BUDGETS.gridColumns) throw createReadError('budget-grid-columns', { table, row, columns, limit: READ_BUDGETS.gridColumns });
}

/** Running totals of one read: rows and (expanded) cells over every table. */
export class GridTally {
  rows = 0;
  cells = 0;

  addRow(columns: number, table: number): void {
    this.rows += 1;
    this.cells += columns;
    if (this.rows > READ_BUDGETS.rows) throw createReadError('budget-rows', { table, rows: this.rows, limit: READ_BUDGETS.rows });
    if (this.cells > READ_BUDGETS.cells) throw createReadError('budget-cells', { table, cells: this.cells, limit: READ_BUDGETS.cells });
  }
}

export function checkInputBytes(kind: SniffedKind, length: number): void {
  const limit = READ_BUDGETS.inputBytes[kind];
  if (limit !== undefined && length > limit) throw createReadError('budget-input-bytes', { format: kind, bytes: length, limit });
}

function checkGrid(grid: Grid, tally: GridTally): void {
  grid.rows.forEach((row, r) => {
    let columns = 0;
    for (const cell of row.cells) {
      columns += cell.colSpan ?? 1;
      let chars = 0;
      for (const p of cell.paragraphs) chars += p.length;
      if (chars > READ_BUDGETS.cellChars) throw createReadError('budget-cell-chars', { table: grid.origin.index, row: r, chars, limit: READ_BUDGETS.cellChars });
    }
    checkRowColumns(columns, grid.origin.index, r);
    tally.addRow(columns, grid.origin.index);
  });
}

/** Every reader's grids, checked once read (the .docx parser also checks while it builds them). */
export function checkGridBudgets(doc: DocumentGrids): void {
  const tally = new GridTally();
  for (const grid of doc.grids) checkGrid(grid, tally);
}
