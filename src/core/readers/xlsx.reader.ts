/**
 * .xlsx → grids, for a sheet into which a user pasted the Word table (merges, multi-line cells,
 * title rows, repeated headers, blank rows). Pure: fflate (through the safe zip reader) + the OOXML tokenizer.
 * The same sheet-to-grid code serves the hosts' used ranges (grid/sheet-grid.ts).
 */
import { FenjieError } from '../errors';
import { documentFromUsedRanges } from '../grid/sheet-grid';
import type { DocumentGrids } from '../grid/grid.model';
import type { UsedRange } from '../sheet/used-range';
import { createReadError } from './read-errors';
import { parseSheetPart } from './xlsx-sheet.parser';
import { readNumberStyles, readRelationships, readSharedStrings, readWorkbookPart, type Relationship } from './xlsx-xml';
import { findZipEntry, openZip, type ZipArchive, type ZipLimits } from './zip.reader';

export interface XlsxSheet extends UsedRange {
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface XlsxReadOptions {
  zipLimits?: Partial<ZipLimits>;
  /** Read only the sheets this returns true for (default: all). */
  sheetFilter?: (name: string, visibility: XlsxSheet['visibility']) => boolean;
}

/** 'worksheets/sheet1.xml' relative to 'xl/workbook.xml' → 'xl/worksheets/sheet1.xml'. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function findWorkbookPart(zip: ZipArchive): string {
  const rootRels = findZipEntry(zip, '_rels/.rels');
  if (rootRels) {
    for (const { target } of readRelationships(zip, rootRels).values()) {
      const name = resolvePart('', target);
      if (/workbook\.xml$/i.test(name) && findZipEntry(zip, name)) return name;
    }
  }
  if (findZipEntry(zip, 'xl/workbook.xml')) return 'xl/workbook.xml';
  throw new FenjieError('xlsx-no-workbook', '压缩包中没有 Excel 工作簿（xl/workbook.xml）', 'The package holds no Excel workbook (xl/workbook.xml)');
}

/** An opened .xlsx: the sheet list at once, sheets parsed on demand (shared strings parsed once). */
export interface XlsxBook {
  sheets: { name: string; visibility: XlsxSheet['visibility'] }[];
  read(filter?: (name: string, visibility: XlsxSheet['visibility']) => boolean): XlsxSheet[];
}

/** Opens an .xlsx package (bytes, or an archive the caller already opened) without parsing any sheet. */
export function openXlsxBook(source: Uint8Array | ZipArchive, options: { zipLimits?: Partial<ZipLimits> } = {}): XlsxBook {
  if (source instanceof Uint8Array && source.length === 0) throw createReadError('file-empty');
  const zip = source instanceof Uint8Array ? openZip(source, options.zipLimits) : source;
  const workbookName = findWorkbookPart(zip);
  const { sheets, date1904 } = readWorkbookPart(zip, findZipEntry(zip, workbookName)!);
  const relsEntry = findZipEntry(zip, workbookName.replace(/([^/]+)$/, '_rels/$1.rels'));
  const rels = relsEntry ? readRelationships(zip, relsEntry) : new Map<string, Relationship>();
  const byType = (kind: string): string | undefined =>
    ([...rels.values()].find((r) => r.type.endsWith(`/${kind}`)) ?? [...rels.values()].find((r) => r.target.toLowerCase().endsWith(`${kind.toLowerCase()}.xml`)))?.target;
  let ctx: Parameters<typeof parseSheetPart>[3] | null = null;
  const context = () => {
    if (ctx) return ctx;
    const sharedTarget = byType('sharedStrings');
    const stylesTarget = byType('styles');
    const sharedEntry = findZipEntry(zip, sharedTarget ? resolvePart(workbookName, sharedTarget) : 'xl/sharedStrings.xml');
    const stylesEntry = findZipEntry(zip, stylesTarget ? resolvePart(workbookName, stylesTarget) : 'xl/styles.xml');
    ctx = { strings: sharedEntry ? readSharedStrings(zip, sharedEntry) : [], styles: stylesEntry ? readNumberStyles(zip, stylesEntry) : [], date1904 };
    return ctx;
  };
  return {
    sheets: sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility })),
    read(filter) {
      const out: XlsxSheet[] = [];
      for (const sheet of sheets) {
        if (filter && !filter(sheet.name, sheet.visibility)) continue;
        const target = rels.get(sheet.relId)?.target;
        const entry = target ? findZipEntry(zip, resolvePart(workbookName, target)) : undefined;
        if (!entry) continue;
        out.push({ ...parseSheetPart(zip, entry, sheet.name, context()), visibility: sheet.visibility });
      }
      return out;
    },
  };
}

/** Every sheet (or the filtered ones) as a used range with display text and merged areas. */
export function readXlsxSheets(source: Uint8Array | ZipArchive, options: XlsxReadOptions = {}): XlsxSheet[] {
  return openXlsxBook(source, options).read(options.sheetFilter);
}

/** A pasted-table workbook → grids (visible sheets only). */
export function readXlsx(source: Uint8Array | ZipArchive, options: XlsxReadOptions = {}): DocumentGrids {
  const sheets = readXlsxSheets(source, { ...options, sheetFilter: (name, visibility) => visibility === 'visible' && (options.sheetFilter?.(name, visibility) ?? true) });
  return documentFromUsedRanges(sheets, 'xlsx');
}
