/**
 * Writes test/fixtures/doc/features.docx (hand-written XML: header row, column span, vertical
 * merge, line break, hyperlink, nested table) and converts it with LibreOffice to features.doc,
 * the .doc reader's feature fixture. Run: npx tsx scripts/make-doc-fixtures.ts (needs soffice).
 */
import { execFileSync } from 'child_process';
import { strToU8, zipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const p = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '', width = 2000): string => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${props}</w:tcPr>${inner}</w:tc>`;
const tbl = (cols: number, rows: string[]): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(cols)}</w:tblGrid>${rows.join('')}</w:tbl>`;

const nested = tbl(2, [`<w:tr>${tc(p('n1'), '', 900)}${tc(p('n2'), '', 900)}</w:tr>`]);
const body = [
  p('附件1'),
  p('功能测试表'),
  tbl(3, [
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p('甲'))}${tc(p('乙'))}${tc(p('丙'))}</w:tr>`,
    `<w:tr>${tc(p('跨两列'), '<w:gridSpan w:val="2"/>', 4000)}${tc(p('c'))}</w:tr>`,
    `<w:tr>${tc(p('合并'), '<w:vMerge w:val="restart"/>')}${tc(p('x'))}${tc(p('y'))}</w:tr>`,
    `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('x2'))}${tc('<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>')}</w:tr>`,
    `<w:tr>${tc(`<w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>`)}${tc(p('外') + nested + p(''))}${tc(p('z'))}</w:tr>`,
  ]),
  p('完'),
].join('');

const files = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
  'word/_rels/document.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="${R}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
  'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
};

const dir = path.resolve(__dirname, '../test/fixtures/doc');
fs.mkdirSync(dir, { recursive: true });
const docx = path.join(dir, 'features.docx');
fs.writeFileSync(docx, zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'doc', '--outdir', dir, docx], { stdio: 'inherit', timeout: 120000 });
process.stdout.write(`wrote ${docx} and features.doc\n`);
