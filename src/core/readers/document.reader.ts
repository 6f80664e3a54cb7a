/**
 * Sniffs the bytes and hands them to the right reader; every reader returns the same grid model.
 * The file name is only used to warn when its extension disagrees with the content.
 * Anything thrown comes out as a FenjieError with a stable code.
 */
import { isFenjieError } from '../errors';
import type { DocumentGrids } from '../grid/grid.model';
import { readCfbDocument } from './doc.reader';
import { findMainDocumentPart, readDocx } from './docx.reader';
import { checkExtension, sniffKind } from './format-sniffer';
import { checkGridBudgets, checkInputBytes } from './read-budgets.rules';
import { createReadError } from './read-errors';
import { readTextDocument } from './text.reader';
import { readXlsx } from './xlsx.reader';
import { hasXmlForbidden, removeXmlForbidden } from './xml-chars.rules';
import { findZipEntry, openZip, type RawInflater, type ZipArchive, type ZipLimits } from './zip.reader';

export interface ReadOptions {
  zipLimits?: Partial<ZipLimits>;
  /** The package already opened by the caller (the zip is opened once per document). */
  zip?: ZipArchive;
  /** The environment's native inflater (the CLI's zlib); fflate when absent. */
  inflater?: RawInflater;
}

/** A spreadsheet package (xl/workbook.xml) rather than a Word document. */
export function isSpreadsheetArchive(zip: ZipArchive): boolean {
  return !!findZipEntry(zip, 'xl/workbook.xml') && !findZipEntry(zip, 'word/document.xml');
}

function readZipDocument(bytes: Uint8Array, options: ReadOptions): DocumentGrids {
  const zip = options.zip ?? openZip(bytes, options.zipLimits, options.inflater);
  if (isSpreadsheetArchive(zip)) return readXlsx(zip);
  if (!findMainDocumentPart(zip)) throw createReadError('docx-no-document', { entries: zip.entries.slice(0, 20).map((e) => e.name) });
  return readDocx(zip);
}

function readByContent(bytes: Uint8Array, options: ReadOptions): DocumentGrids {
  const kind = sniffKind(bytes);
  checkInputBytes(kind, bytes.length);
  switch (kind) {
    case 'zip':
      return readZipDocument(bytes, options);
    case 'cfb':
      return readCfbDocument(bytes);
    case 'text':
      return readTextDocument(bytes);
    default:
      throw createReadError('format-unknown');
  }
}

export async function readDocument(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<DocumentGrids> {
  if (bytes.length === 0) throw createReadError('file-empty');
  let doc: DocumentGrids;
  try {
    doc = readByContent(bytes, options);
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw createReadError('read-failed', { reason: error instanceof Error ? error.message.slice(0, 200) : String(error) }, error);
  }
  // The .docx builder keeps the budgets as it builds (docx-xml.parser.ts); 60,000 cells were not scanned twice.
  if (doc.format !== 'docx') checkGridBudgets(doc);
  doc = cleanParagraphs(doc);
  const mismatch = checkExtension(fileName, doc.format);
  return mismatch ? { ...doc, warnings: [mismatch, ...doc.warnings] } : doc;
}

/**
 * Text outside the tables (titles, the notice) loses the code points XML 1.0 forbids here, with
 * one warning; cell text keeps them until the normaliser, which logs each removal as a fix.
 */
function cleanParagraphs(doc: DocumentGrids): DocumentGrids {
  let removed = 0;
  const clean = (texts: string[]): string[] => {
    if (!texts.some(hasXmlForbidden)) return texts;
    return texts.map((text) => {
      const cleaned = removeXmlForbidden(text);
      removed += text.length - cleaned.length;
      return cleaned;
    });
  };
  const paragraphs = clean(doc.paragraphs);
  const grids = doc.grids.map((grid) => {
    const before = clean(grid.before);
    return before === grid.before ? grid : { ...grid, before };
  });
  if (removed === 0) return doc;
  const warning = {
    code: 'xml-char-removed',
    severity: 'warning' as const,
    message: `已删除表格外文字中的 ${removed} 个无效字符（XML 不允许的控制字符）`,
    messageEn: `${removed} invalid characters (not allowed in XML) removed from the text outside the tables`,
  };
  return { ...doc, paragraphs, grids, warnings: [...doc.warnings, warning] };
}
