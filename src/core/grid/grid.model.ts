/**
 * The grid model every reader produces (text, .docx, .xlsx, .doc, a host's used range),
 * so that one recogniser and one normaliser serve all inputs.
 */
export interface GridCell {
  /** The cell's text, one entry per paragraph (or line, for spreadsheet cells), untrimmed. */
  paragraphs: string[];
  /** 'restart' starts a vertical merge; 'continue' continues the one above (its text is empty). */
  vMerge?: 'restart' | 'continue';
  /** Number of grid columns this cell spans (default 1). */
  colSpan?: number;
  /** The cell held a nested table; its text is flattened into `paragraphs`. */
  nestedTable?: boolean;
}

export interface GridRow {
  cells: GridCell[];
  /** Marked as a repeated header row by the source (w:tblHeader). */
  isHeader?: boolean;
}

export interface Grid {
  rows: GridRow[];
  /** Paragraphs between the previous table (or document start) and this table: titles, 附件N. */
  before: string[];
  origin: {
    /** Index of the table in the document, or of the sheet in the workbook. */
    index: number;
    sheet?: string;
    /** Row number in the source of rows[0] (1-based), for spreadsheets. */
    firstRow?: number;
    /** Column number in the source of cells[0] (1-based), for spreadsheets. */
    firstCol?: number;
  };
}

import type { Finding } from '../model/records.model';

export type SourceFormat = 'text' | 'docx' | 'xlsx' | 'doc' | 'sheet';

export interface DocumentGrids {
  format: SourceFormat;
  grids: Grid[];
  /** Every paragraph outside tables, in document order (for the 通知 number, title, date, body). */
  paragraphs: string[];
  warnings: Finding[];
}
