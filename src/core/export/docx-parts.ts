/** The fixed parts of the .docx package: content types, relationships, styles, settings, fonts, footers. */
import { FONT_ALTERNATES, type DocxFonts } from './docx-options';
import { escapeXml } from './docx-xml';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export const FOOTER_ODD_RID = 'rIdFooterOdd';
export const FOOTER_EVEN_RID = 'rIdFooterEven';

export function writeContentTypes(): string {
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${WML}.styles+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${WML}.settings+xml"/>` +
    `<Override PartName="/word/fontTable.xml" ContentType="${WML}.fontTable+xml"/>` +
    `<Override PartName="/word/footer1.xml" ContentType="${WML}.footer+xml"/>` +
    `<Override PartName="/word/footer2.xml" ContentType="${WML}.footer+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export function writePackageRels(): string {
  const base = 'http://schemas.openxmlformats.org';
  return (
    `${XML_HEAD}<Relationships xmlns="${base}/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${base}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
    `<Relationship Id="rId2" Type="${base}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${base}/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

export function writeDocumentRels(): string {
  const t = `${R_NS}`;
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rIdStyles" Type="${t}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${t}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rIdFonts" Type="${t}/fontTable" Target="fontTable.xml"/>` +
    `<Relationship Id="${FOOTER_ODD_RID}" Type="${t}/footer" Target="footer1.xml"/>` +
    `<Relationship Id="${FOOTER_EVEN_RID}" Type="${t}/footer" Target="footer2.xml"/>` +
    '</Relationships>'
  );
}

export function writeCoreProps(title: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>fenjie</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>`
  );
}

export function writeAppProps(): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>fenjie</Application></Properties>`;
}

function cellStyle(id: string, name: string, font: string, half: number, jc: string): string {
  const f = escapeXml(font);
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="${jc}"/></w:pPr>` +
    `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${f}" w:cs="Times New Roman"/><w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr></w:style>`
  );
}

/** Document defaults: 3号仿宋_GB2312, Times New Roman for Latin text, zh-CN; the table cell styles. */
export function writeStyles(fonts: DocxFonts, tablePt: number): string {
  const body = escapeXml(fonts.body);
  const half = Math.round(tablePt * 2);
  return (
    `${XML_HEAD}<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${body}" w:cs="Times New Roman"/>` +
    '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>' +
    cellStyle('FjHead', 'fenjie 表头', fonts.heading, half, 'center') +
    cellStyle('FjCell', 'fenjie 表格居中', fonts.body, half, 'center') +
    cellStyle('FjCellText', 'fenjie 表格正文', fonts.body, half, 'both') +
    cellStyle('FjCellLeft', 'fenjie 表格正文左对齐', fonts.body, half, 'left') +
    '</w:styles>'
  );
}

/** Odd and even pages get their own footer (page number at the outside edge). Children in CT_Settings order. */
export function writeSettings(): string {
  return (
    `${XML_HEAD}<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>` +
    '<w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
  );
}

/**
 * Font table. Charset 86 (GB2312) and family tell Word what to substitute when a GB font is missing;
 * w:altName names the font Word and WPS look for next (仿宋_GB2312 → 仿宋 on Windows 7 and later).
 */
export function writeFontTable(fonts: DocxFonts): string {
  const names = [...new Set([fonts.title, fonts.body, fonts.heading, fonts.pageNumber])];
  const entries = names.map((name) => {
    const alt = FONT_ALTERNATES[name];
    const family = name === fonts.heading ? 'modern' : 'roman';
    return (
      `<w:font w:name="${escapeXml(name)}">${alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : ''}` +
      `<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`
    );
  });
  entries.push('<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>');
  return `${XML_HEAD}<w:fonts xmlns:w="${W_NS}">${entries.join('')}</w:fonts>`;
}

/** "— 1 —" in 4号宋体, one character in from the outside edge (GB/T 9704 §7.5). */
export function writeFooter(side: 'odd' | 'even', font: string): string {
  const f = escapeXml(font);
  const rPr = `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:hint="eastAsia"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`;
  const ind = side === 'odd' ? '<w:ind w:right="280"/>' : '<w:ind w:left="280"/>';
  const jc = side === 'odd' ? 'right' : 'left';
  const text = (t: string): string => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  return (
    `${XML_HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/>${ind}<w:jc w:val="${jc}"/>${rPr}</w:pPr>` +
    `${text('— ')}<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${text('1')}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>${text(' —')}</w:p></w:ftr>`
  );
}

export const DOCUMENT_OPEN = `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`;
export const DOCUMENT_CLOSE = '</w:body></w:document>';
