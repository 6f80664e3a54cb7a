/** bytes → grids → recognised tables → normalised records + fixes: the one pipeline for every input. */
import type { DocumentGrids } from '../grid/grid.model';
import type { Finding, ParseResult } from '../model/records.model';
import { readDocument, type ReadOptions } from '../readers/document.reader';
import { buildRawTables } from './build-tables';
import { normaliseTables } from './normalise-tables';
import { readNotice } from './notice-reader';
import { recogniseGrid } from './table-recogniser';

export function parseGrids(doc: DocumentGrids, source: string): ParseResult {
  const notice = readNotice(doc.paragraphs);
  const recognised = doc.grids.map((grid, index) => recogniseGrid(grid, index));
  let warnings: Finding[] = doc.warnings.concat(recognised.flatMap((grid) => grid.findings));
  const raw = buildRawTables(recognised, notice);
  warnings = warnings.concat(raw.warnings);
  if (raw.tables.length === 0) warnings.push(noTableFinding(doc.grids.length));
  const { tables, fixes } = normaliseTables(raw.tables);
  return { source, notice, tables, fixes, warnings };
}

export async function parseDocument(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ParseResult> {
  const doc = await readDocument(bytes, fileName, options);
  return parseGrids(doc, fileName);
}

function noTableFinding(gridCount: number): Finding {
  return {
    code: 'no-table',
    severity: 'error',
    message: gridCount === 0 ? '文件中没有找到表格' : '文件中没有可识别的分解落实表或民生实事表',
    messageEn: gridCount === 0 ? 'No table found in the file' : 'No recognisable tasks or projects table in the file',
  };
}
