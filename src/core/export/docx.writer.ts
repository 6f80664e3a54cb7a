/**
 * Writes the two attachments (and optionally the 通知 cover) as an official-format .docx
 * (GB/T 9704-2012). Pure: records in, bytes out; the package is zipped with fflate.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Notice, ParsedTable } from '../model/records.model';
import { hasCoverContent, writeCoverXml } from './docx-cover.writer';
import { resolveDocxOptions, type DocxExportOptions, type MarginsMm, type ResolvedDocxOptions } from './docx-options';
import {
  DOCUMENT_CLOSE,
  DOCUMENT_OPEN,
  FOOTER_EVEN_RID,
  FOOTER_ODD_RID,
  writeAppProps,
  writeContentTypes,
  writeCoreProps,
  writeDocumentRels,
  writeFontTable,
  writeFooter,
  writePackageRels,
  writeSettings,
  writeStyles,
} from './docx-parts';
import { writeTableXml } from './docx-table.writer';
import { mmToTwips, para, type RunStyle } from './docx-xml';

export interface DocxExportInput {
  notice?: Notice | null;
  tables: ParsedTable[];
}

export interface DocxExportResult {
  bytes: Uint8Array;
  /** Whether a cover page was written. */
  cover: boolean;
}

const A4 = { short: 11906, long: 16838 };

/** Section properties; page numbers continue across sections. */
function sectionXml(orientation: 'portrait' | 'landscape', margins: MarginsMm): string {
  const [w, h] = orientation === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
  // Page number line about 7 mm below the text block.
  const footer = mmToTwips(Math.max(margins.bottom - 11, 5));
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_ODD_RID}"/><w:footerReference w:type="even" r:id="${FOOTER_EVEN_RID}"/>` +
    `<w:type w:val="nextPage"/><w:pgSz w:w="${w}" w:h="${h}"${orientation === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${mmToTwips(margins.top)}" w:right="${mmToTwips(margins.right)}" w:bottom="${mmToTwips(margins.bottom)}" ` +
    `w:left="${mmToTwips(margins.left)}" w:header="851" w:footer="${footer}" w:gutter="0"/>` +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="${orientation === 'portrait' ? 579 : 312}"/></w:sectPr>`
  );
}

/** Default attachment titles when a table has none. */
export function defaultTitle(table: ParsedTable): string {
  const year = table.year ? `${table.year}年` : '';
  return table.kind === 'tasks' ? `${year}政府各项主要工作分解落实表` : `${year}民生实事项目情况表`;
}

function attachmentXml(table: ParsedTable, index: number, options: ResolvedDocxOptions): string {
  const label: RunStyle = { font: options.fonts.heading, pt: 16 };
  const title: RunStyle = { font: options.fonts.title, pt: 22 };
  const width = A4.long - mmToTwips(options.landscape.left) - mmToTwips(options.landscape.right);
  const height = A4.short - mmToTwips(options.landscape.top) - mmToTwips(options.landscape.bottom);
  return (
    para(`附件${index + 1}`, { align: 'left', pageBreakBefore: index > 0, keepNext: true }, label) +
    para('', { keepNext: true }, label) +
    para(table.title ?? defaultTitle(table), { align: 'center', keepNext: true }, title) +
    para('', { keepNext: true }, label) +
    writeTableXml(table, width, options.tablePt, height)
  );
}

export function writeNoticeDocx(input: DocxExportInput, options: DocxExportOptions = {}): DocxExportResult {
  const resolved = resolveDocxOptions(options);
  const tables = input.tables.map((t) => (t.title ? t : { ...t, title: defaultTitle(t) }));
  const cover = resolved.cover && hasCoverContent(input.notice);
  const parts: string[] = [DOCUMENT_OPEN];
  if (cover && input.notice) {
    const coverXml = writeCoverXml(input.notice, tables, resolved);
    const last = coverXml.pop() ?? '<w:p></w:p>';
    parts.push(...coverXml);
    // A section ends with the sectPr inside its last paragraph's properties.
    const sect = sectionXml('portrait', resolved.portrait);
    parts.push(last.includes('<w:pPr>') ? last.replace('</w:pPr>', `${sect}</w:pPr>`) : last.replace('<w:p>', `<w:p><w:pPr>${sect}</w:pPr>`));
  }
  tables.forEach((table, i) => parts.push(attachmentXml(table, i, resolved)));
  parts.push(para('', {}, { font: resolved.fonts.body, pt: 2 }));
  parts.push(sectionXml('landscape', resolved.landscape), DOCUMENT_CLOSE);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(writeContentTypes()),
    '_rels/.rels': strToU8(writePackageRels()),
    'docProps/core.xml': strToU8(writeCoreProps(tables[0]?.title ?? 'fenjie')),
    'docProps/app.xml': strToU8(writeAppProps()),
    'word/document.xml': strToU8(parts.join('')),
    'word/_rels/document.xml.rels': strToU8(writeDocumentRels()),
    'word/styles.xml': strToU8(writeStyles(resolved.fonts, resolved.tablePt)),
    'word/settings.xml': strToU8(writeSettings()),
    'word/fontTable.xml': strToU8(writeFontTable(resolved.fonts)),
    'word/footer1.xml': strToU8(writeFooter('odd', resolved.fonts.pageNumber)),
    'word/footer2.xml': strToU8(writeFooter('even', resolved.fonts.pageNumber)),
  };
  return { bytes: zipSync(files, { level: 6 }), cover };
}
