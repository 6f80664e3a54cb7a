/**
 * A small official-format (GB/T 9704-2012) .docx of paragraphs and simple tables, for the
 * documents the 督查室 sends: the 督查通报 and the 催办单. It reuses the export's package parts
 * (styles, fonts, page-number footers), so both look like the 附件 the export writes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { BODY_LINE } from '../export/docx-cover.writer';
import { DEFAULT_FONTS } from '../export/docx-options';
import {
  DOCUMENT_CLOSE, DOCUMENT_OPEN, FOOTER_EVEN_RID, FOOTER_ODD_RID, writeAppProps, writeContentTypes, writeCoreProps,
  writeDocumentRels, writeFontTable, writeFooter, writePackageRels, writeSettings, writeStyles,
} from '../export/docx-parts';
import { escapeXml, mmToTwips, para, type ParaStyle, type RunStyle } from '../export/docx-xml';

export type OfficialBlock =
  | { kind: 'redHeader'; text: string; issue: string; office: string; date: string }
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'body'; text: string; indent?: boolean }
  | { kind: 'right'; text: string }
  | { kind: 'attachmentLabel'; text: string; pageBreak?: boolean }
  | { kind: 'table'; columns: { header: string; weight: number }[]; rows: string[][] }
  | { kind: 'pageBreak' };

const CHAR_3HAO = 320;
const TABLE_PT = 12;
// A4 portrait with the GB/T 9704 text block (156 mm × 225 mm).
const PAGE = { w: 11906, h: 16838, top: 37, bottom: 35, left: 28, right: 26 };
const TEXT_WIDTH = PAGE.w - mmToTwips(PAGE.left) - mmToTwips(PAGE.right);
const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  '</w:tblBorders>';

function fonts(): { body: RunStyle; title: RunStyle; heading: RunStyle; red: RunStyle } {
  return {
    body: { font: DEFAULT_FONTS.body, pt: 16 },
    title: { font: DEFAULT_FONTS.title, pt: 22 },
    heading: { font: DEFAULT_FONTS.heading, pt: 16 },
    red: { font: DEFAULT_FONTS.title, pt: 36, color: 'FF0000' },
  };
}

function cell(width: number, text: string, header: boolean): string {
  const style = header ? 'FjHead' : 'FjCellText';
  const lines = text.split('\n');
  const body = lines.map((t) => `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:jc w:val="${header ? 'center' : 'left'}"/></w:pPr>${t ? `<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>` : ''}</w:p>`).join('');
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${body}</w:tc>`;
}

/** Widths by weight summing exactly to the text width, so w:gridCol and w:tcW agree (WPS lays out by gridCol). */
export function tableWidths(weights: number[], total = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function tableXml(block: Extract<OfficialBlock, { kind: 'table' }>): string {
  const widths = tableWidths(block.columns.map((c) => c.weight));
  const head = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${block.columns.map((c, i) => cell(widths[i], c.header, true)).join('')}</w:tr>`;
  const rows = block.rows.map((r) => `<w:tr>${widths.map((w, i) => cell(w, r[i] ?? '', false)).join('')}</w:tr>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>${BORDERS}<w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${head}${rows}</w:tbl>` +
    // Word needs a paragraph after a table that ends a cell or the body.
    '<w:p/>'
  );
}

function redHeaderXml(block: Extract<OfficialBlock, { kind: 'redHeader' }>): string {
  const f = fonts();
  const line: ParaStyle = { align: 'center', lineExact: BODY_LINE };
  return (
    para(block.text, { align: 'center' }, f.red) +
    para(block.issue, line, f.body) +
    // 发文机关 left, date right on one line above the red rule.
    `<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="FF0000"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs>` +
    `<w:spacing w:before="0" w:after="0" w:line="${BODY_LINE}" w:lineRule="exact"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">${escapeXml(block.office)}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">${escapeXml(block.date)}</w:t></w:r></w:p>` +
    para('', line, f.body)
  );
}

function blockXml(block: OfficialBlock): string {
  const f = fonts();
  switch (block.kind) {
    case 'redHeader':
      return redHeaderXml(block);
    case 'title':
      return para(block.text, { align: 'center', lineExact: 700 }, f.title) + para('', { lineExact: BODY_LINE }, f.body);
    case 'heading':
      return para(block.text, { align: 'both', firstLine: 2 * CHAR_3HAO, lineExact: BODY_LINE, keepNext: true }, f.heading);
    case 'body':
      return para(block.text, { align: 'both', firstLine: block.indent === false ? 0 : 2 * CHAR_3HAO, lineExact: BODY_LINE }, f.body);
    case 'right':
      return para(block.text, { align: 'right', right: 4 * CHAR_3HAO, lineExact: BODY_LINE }, f.body);
    case 'attachmentLabel':
      return para(block.text, { align: 'left', pageBreakBefore: block.pageBreak !== false, keepNext: true }, f.heading);
    case 'table':
      return tableXml(block);
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  }
}

function sectionXml(): string {
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_ODD_RID}"/><w:footerReference w:type="even" r:id="${FOOTER_EVEN_RID}"/>` +
    `<w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}"/><w:pgMar w:top="${mmToTwips(PAGE.top)}" w:right="${mmToTwips(PAGE.right)}" w:bottom="${mmToTwips(PAGE.bottom)}" ` +
    `w:left="${mmToTwips(PAGE.left)}" w:header="851" w:footer="${mmToTwips(24)}" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>`
  );
}

/** The document as .docx bytes. */
export function writeOfficialDocx(title: string, blocks: OfficialBlock[]): Uint8Array {
  const body = blocks.map(blockXml).join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8(writeContentTypes()),
    '_rels/.rels': strToU8(writePackageRels()),
    'docProps/core.xml': strToU8(writeCoreProps(title)),
    'docProps/app.xml': strToU8(writeAppProps()),
    'word/document.xml': strToU8(`${DOCUMENT_OPEN}${body}${sectionXml()}${DOCUMENT_CLOSE}`),
    'word/_rels/document.xml.rels': strToU8(writeDocumentRels()),
    'word/styles.xml': strToU8(writeStyles(DEFAULT_FONTS, TABLE_PT)),
    'word/settings.xml': strToU8(writeSettings()),
    'word/fontTable.xml': strToU8(writeFontTable(DEFAULT_FONTS)),
    'word/footer1.xml': strToU8(writeFooter('odd', DEFAULT_FONTS.pageNumber)),
    'word/footer2.xml': strToU8(writeFooter('even', DEFAULT_FONTS.pageNumber)),
  };
  return zipSync(files, { level: 6 });
}
