/**
 * Reading what a user hands fenjie: a 通知 (.docx/.doc/.txt), a table pasted into a workbook, or a
 * workbook fenjie wrote (read back with its ids, tracking and 名录). One rule for every command and
 * the pane; the package is opened once.
 */
import { FenjieError } from '../errors';
import type { Finding, ParseResult, TableKind, TableMapping } from '../model/records.model';
import { parseDocument, parseGrids, type ParseOptions } from '../parse/parse-document';
import { isSpreadsheetArchive } from '../readers/document.reader';
import { openXlsxBook, type XlsxBook } from '../readers/xlsx.reader';
import { isZip, openZip, type RawInflater } from '../readers/zip.reader';
import { documentFromUsedRanges } from '../grid/sheet-grid';
import type { Registry } from '../registry/registry.model';
import { readRegistryFromUsedRanges, REGISTRY_SHEETS } from '../registry/registry-sheet.planner';
import type { UsedRange } from '../sheet/used-range';
import type { WorkbookState } from '../sheet/workbook-state';
import { isFenjieWorkbook, readFenjieWorkbook, readRecordsFromUsedRanges, type FenjieWorkbook } from '../workbook/fenjie-workbook.reader';

export type InputKind = 'document' | 'pasted-sheet' | 'fenjie-workbook';

export interface ReadInput {
  kind: InputKind;
  result: ParseResult;
  /** The state of a fenjie workbook (dismissed findings, registry choice, rounds…); null otherwise. */
  state: WorkbookState | null;
  /** The 名录 sheets of a workbook, when it has them (non-empty). */
  registry: Registry | null;
  /** A fenjie workbook's record positions (sheet, rows, column letters per table), for cell addresses. */
  positions?: FenjieWorkbook['positions'];
}

const REGISTRY_SHEET_NAMES: readonly string[] = [REGISTRY_SHEETS.leaders, REGISTRY_SHEETS.units];

/** The 名录 sheets of an opened workbook as a registry, or null when it has none (or they are empty). */
export function readBookRegistry(book: XlsxBook): Registry | null {
  const registry = readRegistryFromUsedRanges(book.read((name) => REGISTRY_SHEET_NAMES.includes(name)));
  return registry && registry.leaders.length + registry.units.length > 0 ? registry : null;
}

export interface ReadInputOptions extends ParseOptions {
  /** The environment's native inflater (the CLI's zlib); fflate when absent. */
  inflater?: RawInflater;
  /** Parts of a fenjie workbook the caller does not use, left unread (split and a unit's return: no 修订记录, no 名录). */
  skip?: { fixes?: boolean; registry?: boolean };
}

function readBook(book: XlsxBook, fileName: string, options: ReadInputOptions): ReadInput {
  if (isFenjieWorkbook(book)) {
    const workbook = readFenjieWorkbook(book, fileName, { fixes: !options.skip?.fixes });
    return { kind: 'fenjie-workbook', result: workbook.result, state: workbook.state, registry: options.skip?.registry ? null : readBookRegistry(book), positions: workbook.positions };
  }
  const sheets = book.read((_, visibility) => visibility === 'visible');
  return { kind: 'pasted-sheet', result: parseGrids(documentFromUsedRanges(sheets, 'xlsx'), fileName, options), state: null, registry: readBookRegistry(book) };
}

/**
 * Reads any input file into records (never throws for expected problems: they are warnings).
 * `options.mapping` is the column mapping the user confirmed; `options.layouts` the ones the
 * workbook state keeps (reused for tables with the same headers).
 */
export async function readInput(bytes: Uint8Array, fileName: string, options: ReadInputOptions = {}): Promise<ReadInput> {
  if (isZip(bytes)) {
    const zip = openZip(bytes, {}, options.inflater);
    if (isSpreadsheetArchive(zip)) return readBook(openXlsxBook(zip), fileName, options);
    return { kind: 'document', result: await parseDocument(bytes, fileName, { ...options, zip }), state: null, registry: null };
  }
  return { kind: 'document', result: await parseDocument(bytes, fileName, options), state: null, registry: null };
}

/** A workbook fenjie wrote, or a coded error: for commands that need ids and tracking (split, collect, rounds). */
export async function readFenjieInput(bytes: Uint8Array, fileName: string, options: Pick<ReadInputOptions, 'inflater' | 'skip'> = {}): Promise<ReadInput> {
  const input = await readInput(bytes, fileName, options);
  if (input.kind !== 'fenjie-workbook') {
    throw new FenjieError('not-fenjie-workbook', `${fileName} 不是 fenjie 生成的工作簿（先用“导入通知”或 fenjie convert 生成）`, `${fileName} is not a workbook fenjie wrote (create one with convert first)`, { details: { file: fileName } });
  }
  return input;
}

/**
 * 整理当前表: a table pasted into the active sheet, read like any document. A sheet fenjie wrote is
 * refused: tidying it would drop its ids and tracking (defect: 整理当前表 wiped the tracking data).
 */
export function readPastedSheet(range: UsedRange, options: ParseOptions = {}): ParseResult {
  if (range.values.every((row) => row.every((cell) => cell.trim() === ''))) {
    throw new FenjieError('tidy-empty', '当前工作表是空的：请先把 Word 表格粘贴进来', 'The active sheet is empty: paste the Word table first');
  }
  if (isFenjieWorkbook([range]) && readRecordsFromUsedRanges([range]).result.tables.length > 0) {
    throw new FenjieError('tidy-fenjie-sheet', `“${range.sheet}”已是 fenjie 整理好的表（含编号和进展），无需再整理；请直接校验或跟踪`, `"${range.sheet}" is already a fenjie sheet (with ids and tracking); validate or track it instead`, { details: { sheet: range.sheet } });
  }
  return parseGrids(documentFromUsedRanges([range], 'sheet'), range.sheet, options);
}

export interface ReadSummary {
  source: string;
  notice: ParseResult['notice'];
  tables: { kind: TableKind; title: string | null; year: number | null; rows: number; inherited: number; mapping?: TableMapping }[];
  fixes: number;
  /** Fix counts by rule, most frequent first. */
  fixesByRule: [rule: string, count: number][];
  warnings: Finding[];
  /** Error findings (no table, wrong columns): the input cannot be used as it is. */
  errors: Finding[];
}

/** What the preview (pane) and the summary (CLI parse) show of a read. */
export function summariseRead(result: ParseResult): ReadSummary {
  const byRule = new Map<string, number>();
  for (const fix of result.fixes) byRule.set(fix.rule, (byRule.get(fix.rule) ?? 0) + 1);
  return {
    source: result.source,
    notice: result.notice,
    tables: result.tables.map((table) => ({
      kind: table.kind,
      title: table.title,
      year: table.year,
      rows: table.rows.length,
      inherited: table.rows.filter((row) => row.inherited.length > 0).length,
      ...(table.mapping ? { mapping: table.mapping } : {}),
    })),
    fixes: result.fixes.length,
    fixesByRule: [...byRule.entries()].sort((a, b) => b[1] - a[1]),
    warnings: result.warnings,
    errors: result.warnings.filter((w) => w.severity === 'error'),
  };
}
