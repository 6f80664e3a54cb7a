/** bytes → grids → recognised tables → normalised records + fixes: the one pipeline for every input. */
import type { DocumentGrids } from '../grid/grid.model';
import type { Finding, ParseResult } from '../model/records.model';
import { readDocument, type ReadOptions } from '../readers/document.reader';
import { buildRawTables } from './build-tables';
import { HEADER_SEARCH_ROWS } from './header-rows.rules';
import { saysFirstLeads } from './column-roles.rules';
import { readListForm } from './list-form.reader';
import type { MappingOverride, StoredLayout } from './mapping.codec';
import { normaliseTables } from './normalise-tables';
import { readNotice } from './notice-reader';
import { recogniseGrid, type RecognisedGrid } from './table-recogniser';

export interface ParseOptions {
  /** The column roles the user confirmed (CLI --map, the pane's mapping step). */
  mapping?: MappingOverride | null;
  /** Confirmed mappings kept in the workbook state, reused for tables with the same headers. */
  layouts?: StoredLayout[];
  /** Take the first unit of a single 责任单位 column as the lead unit (default: when the notice says so). */
  firstLeads?: boolean;
}

export function parseGrids(doc: DocumentGrids, source: string, options: ParseOptions = {}): ParseResult {
  const notice = readNotice(doc.paragraphs);
  const sentence = findFirstLeadsSentence(doc);
  const firstLeads = options.firstLeads ?? sentence !== null;
  const recogniseOptions = { firstLeads, mapping: options.mapping ?? null, layouts: options.layouts };
  const recognised: RecognisedGrid[] = doc.grids.map((grid, index) => recogniseGrid(grid, index, recogniseOptions));
  let warnings: Finding[] = doc.warnings.concat(recognised.flatMap((grid) => grid.findings));
  if (!recognised.some((grid) => grid.kind)) {
    const list = readListForm(doc.paragraphs, doc.grids.length, { firstLeads });
    if (list) {
      const grid = recogniseGrid(list.grid, doc.grids.length, { ...recogniseOptions, form: 'list', firstLeads: false });
      if (grid.mapping && list.firstLeadsUsed) grid.mapping.units = 'first-leads';
      recognised.push(grid);
      warnings.push(listFinding(grid), ...grid.findings.filter((f) => f.code !== 'column-ignored'));
    }
  }
  if (sentence !== null && firstLeads && recognised.some((g) => g.mapping?.units === 'first-leads')) warnings.push(firstLeadsFinding(sentence));
  const raw = buildRawTables(recognised, notice);
  warnings = warnings.concat(raw.warnings);
  if (raw.tables.length === 0) warnings.push(noTableFinding(doc.grids.length));
  const { tables, fixes } = normaliseTables(raw.tables);
  return { source, notice, tables, fixes, warnings };
}

export async function parseDocument(bytes: Uint8Array, fileName: string, options: ReadOptions & ParseOptions = {}): Promise<ParseResult> {
  const doc = await readDocument(bytes, fileName, options);
  return parseGrids(doc, fileName, options);
}

/** Texts of note rows: one written cell in its row (a header cell 责任单位（列第一位的为牵头单位） is the column's own role). */
function noteTexts(doc: DocumentGrids): string[] {
  return doc.grids.flatMap((grid) => {
    // Where a note about the units may stand: in the rows the header is looked for, or the last row.
    const rows = grid.rows.length > HEADER_SEARCH_ROWS ? [...grid.rows.slice(0, HEADER_SEARCH_ROWS), grid.rows[grid.rows.length - 1]] : grid.rows;
    return rows.flatMap((row) => {
      const written = row.cells.map((cell) => cell.paragraphs.join('').trim()).filter((text) => text !== '');
      return written.length === 1 ? written : [];
    });
  });
}

/** 列第一位的为牵头单位 in the notice, above a table, or in a note row of the table (（注：…）). */
function findFirstLeadsSentence(doc: DocumentGrids): string | null {
  const texts = [...doc.paragraphs, ...doc.grids.flatMap((g) => g.before), ...noteTexts(doc)];
  return texts.find((text) => text.length < 400 && saysFirstLeads(text)) ?? texts.find((text) => saysFirstLeads(text))?.slice(0, 120) ?? null;
}

function firstLeadsFinding(sentence: string): Finding {
  const short = sentence.trim().slice(0, 80);
  return {
    code: 'units-first-leads',
    severity: 'info',
    message: `通知写明“${short}”：责任单位中排第一的作为牵头单位，其余作为配合单位`,
    messageEn: `The notice says the first unit listed leads ("${short}"): the first unit is the lead unit, the rest cooperate`,
    value: short,
  };
}

function listFinding(grid: RecognisedGrid): Finding {
  return {
    code: 'list-form',
    severity: 'info',
    message: `文件中没有可识别的表格，已从编号段落（牵头单位、责任单位等标注）读取 ${grid.rows.length} 条任务`,
    messageEn: `No recognisable table; ${grid.rows.length} tasks read from numbered paragraphs with labelled units (list form)`,
    table: grid.gridIndex,
  };
}

function noTableFinding(gridCount: number): Finding {
  return {
    code: 'no-table',
    severity: 'error',
    message: gridCount === 0 ? '文件中没有找到表格' : '文件中没有可识别的分解落实表或民生实事表',
    messageEn: gridCount === 0 ? 'No table found in the file' : 'No recognisable tasks or projects table in the file',
  };
}
