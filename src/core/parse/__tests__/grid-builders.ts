/** Test helpers: small hand-made grids in the shape every reader produces. */
import type { DocumentGrids, Grid, GridCell, GridRow } from '../../grid/grid.model';

export const TASK_HEADER = ['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位'];
export const PROJECT_HEADER = ['序号', '分类', '项目名称', '主要建设内容', '2023年工作任务', '负责人', '主要责任单位', '相关单位'];

/** A cell from text: '\n' separates paragraphs; a GridCell passes through. */
export type CellSpec = string | GridCell;

export function makeRow(cells: CellSpec[], isHeader = false): GridRow {
  const row: GridRow = { cells: cells.map((c) => (typeof c === 'string' ? { paragraphs: c.split('\n') } : c)) };
  if (isHeader) row.isHeader = true;
  return row;
}

export function makeGrid(header: CellSpec[], rows: CellSpec[][], before: string[] = [], index = 0): Grid {
  return { rows: [makeRow(header), ...rows.map((r) => makeRow(r))], before, origin: { index } };
}

export function makeDoc(grids: Grid[], paragraphs: string[] = []): DocumentGrids {
  return { format: 'docx', grids, paragraphs, warnings: [] };
}
