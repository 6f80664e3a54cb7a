/** What a host reads back from a sheet: display texts and merged areas of its used range. */

/** Sheet-relative A1 address, e.g. 'A1' or 'B2:F40'. */
export type A1 = string;

/** A merged area in a used range, 0-based offsets relative to the range's top-left cell. */
export interface MergedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface UsedRange {
  sheet: string;
  /** Address of the range, e.g. 'A1:F40'; 'A1' for an empty sheet. */
  address: A1;
  /** Display text of each cell ('' when empty); line breaks inside a cell kept as '\n'. */
  values: string[][];
  merges: MergedArea[];
}
