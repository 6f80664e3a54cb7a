/**
 * Draws a WorkbookPlan as an .xlsx package in one pass: each part's XML is produced from the plan
 * and compressed as it is produced (rows are never held as XML), once; no ExcelJS model, no
 * re-zip. Node and browser: no fs; the CLI passes native zlib (src/cli/cli-xlsx.ts). User text is
 * always a string cell, never a formula. Excel's limits are checked before anything is written.
 */
import { columnLetter, type ListValidationPlan, type SheetPlan, type WorkbookPlan } from '../../core/index';
import { checkXlsxLimits } from './xlsx-limits.check';
import { appPropsXml, commentsXml, contentTypesXml, corePropsXml, rootRelsXml, sheetRelsXml, tableXml, vmlBlocks, vmlXml, workbookRelsXml, workbookXml, type PackageSheet } from './xlsx-parts.writer';
import { inlineList } from './xlsx-rules.writer';
import { prepareSheet, printTitles, writeSheet } from './xlsx-sheet.writer';
import { SharedStrings } from './xlsx-strings.builder';
import { StyleSheet } from './xlsx-styles.builder';
import { fflateCompressor, ZipPackage, type Compressor } from './zip-package.writer';

export const LIST_SHEET = '_fenjie_lists';

export interface XlsxWriteOptions {
  /** Default: fflate (pure JS). Node callers may pass native zlib. */
  compressor?: Compressor;
}

/** Lists too long for an inline dropdown go to one column each of the very hidden list sheet. */
function planLists(plan: WorkbookPlan): { sheet: SheetPlan | null; formula: (list: string[]) => string } {
  const columns = new Map<string, number>();
  const lists: string[][] = [];
  const all: ListValidationPlan[] = plan.sheets.flatMap((s) => s.validations ?? []);
  for (const v of all) {
    const key = JSON.stringify(v.list);
    if (inlineList(v.list) === null && !columns.has(key)) {
      columns.set(key, lists.length + 1);
      lists.push(v.list);
    }
  }
  const formula = (list: string[]): string => {
    const inline = inlineList(list);
    if (inline !== null) return inline;
    const col = columns.get(JSON.stringify(list)) ?? 1;
    const letter = columnLetter(col);
    return `'${LIST_SHEET}'!$${letter}$1:$${letter}$${Math.max(list.length, 1)}`;
  };
  if (lists.length === 0) return { sheet: null, formula };
  const height = lists.reduce((m, l) => Math.max(m, l.length), 0);
  const rows = Array.from({ length: height }, (_, r) => lists.map((l) => l[r] ?? null));
  return { sheet: { name: LIST_SHEET, role: 'other', columns: [], rows, visibility: 'veryHidden' }, formula };
}

function packageSheets(sheets: SheetPlan[]): PackageSheet[] {
  let tables = 0;
  return sheets.map((sheet, i) => {
    const prep = prepareSheet(sheet);
    return { prep, n: i + 1, tableId: prep.geometry.table ? (tables += 1) : undefined };
  });
}

export async function writeXlsx(plan: WorkbookPlan, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  return writeXlsxSync(plan, options);
}

export function writeXlsxSync(plan: WorkbookPlan, options: XlsxWriteOptions = {}): Uint8Array {
  checkXlsxLimits(plan);
  const lists = planLists(plan);
  const sheets = packageSheets(lists.sheet ? [...plan.sheets, lists.sheet] : plan.sheets);
  const strings = new SharedStrings();
  const styles = new StyleSheet();
  const zip = new ZipPackage(options.compressor ?? fflateCompressor());
  zip.add('[Content_Types].xml', contentTypesXml(sheets));
  zip.add('_rels/.rels', rootRelsXml());
  zip.add('docProps/core.xml', corePropsXml());
  zip.add('docProps/app.xml', appPropsXml());
  zip.add('xl/workbook.xml', workbookXml(sheets, sheets.map((s) => printTitles(s.prep))));
  zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets));
  const selected = sheets.find((s) => s.prep.visible) ?? sheets[0];
  let drawing = 1;
  for (const s of sheets) {
    const part = zip.open(`xl/worksheets/sheet${s.n}.xml`);
    writeSheet(part, s.prep, { styles, strings, listFormula: lists.formula, selected: s === selected });
    part.end();
    const rels = sheetRelsXml(s);
    if (rels) zip.add(`xl/worksheets/_rels/sheet${s.n}.xml.rels`, rels);
    if (s.tableId !== undefined) zip.add(`xl/tables/table${s.tableId}.xml`, tableXml(s.prep.sheet, s.tableId, s.prep.geometry.headerRow));
    if (s.prep.notes.length > 0) {
      zip.add(`xl/comments${s.n}.xml`, commentsXml(s.prep.notes));
      zip.add(`xl/drawings/vmlDrawing${s.n}.vml`, vmlXml(s.prep.notes, drawing));
      drawing += vmlBlocks(s.prep.notes.length);
    }
  }
  zip.add('xl/styles.xml', styles.toXml());
  const sst = zip.open('xl/sharedStrings.xml');
  strings.write(sst);
  sst.end();
  return zip.finish();
}
