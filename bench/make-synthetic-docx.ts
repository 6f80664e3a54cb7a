/**
 * A synthetic 分解落实表 .docx of N task rows with the seed quirks: vertical merges on 门类 and
 * 项目, vertical one-character-per-line 门类, padded 2-character names, several names per cell,
 * names split over two lines, repeated header rows (w:tblHeader) and one table per 100 rows.
 * The XML is written directly and zipped with fflate's streaming Zip, so 50,000 rows take seconds.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const HEADER = ['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位'];
const CATEGORIES = ['综合指标', '致力推动量质齐升，共12项', '我致力深化改革开放，共8项', '医疗卫生'];
const LEADERS = ['吴敬宇', '胡卫江', '王莉萍', '张  展', '祝真旭', '盛海峰', '傅  玖', '郑丙华', '倪嘉臻', '陈  磊'];
const UNITS = ['发改委', '财政局', '退役军人\n事务局', '农业\n农村局', '海  关', '资源规划局           住建局', '人民医院、太訸集团', '各镇（区、街道）'];
const ROWS_PER_TABLE = 100;

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const paragraphs = (lines: string[]): string => lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
const cell = (lines: string[], props = ''): string => `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>${props}</w:tcPr>${paragraphs(lines)}</w:tc>`;
const RESTART = '<w:vMerge w:val="restart"/>';
const CONTINUE = '<w:vMerge/>';

function headerRow(): string {
  return `<w:tr><w:trPr><w:tblHeader/></w:trPr>${HEADER.map((h, i) => cell(i === 2 ? ['内 容 和 要 求'] : [h])).join('')}</w:tr>`;
}

/** Row i of the document: 门类 groups of 25 rows, 项目 groups of 3 rows. */
function taskRow(i: number, units: readonly string[], contentOf?: (i: number) => string): string {
  const category = CATEGORIES[Math.floor(i / 25) % CATEGORIES.length];
  const categoryCell = i % 25 === 0 ? cell(category.length <= 4 ? [...category] : [category], RESTART) : cell([''], CONTINUE);
  const itemCell = i % 3 === 0 ? cell([`项目${Math.floor(i / 3) + 1}`], RESTART) : cell([''], CONTINUE);
  const content = contentOf ? contentOf(i) : `第${i + 1}项任务：加快建设重点项目，深化项目全生命周期服务，进一步加快开工和纳统进程，确保完成年度目标。`;
  const leaders = i % 4 === 0 ? ['', LEADERS[i % 10], LEADERS[(i + 3) % 10], ''] : [`${LEADERS[i % 10]}  ${LEADERS[(i + 7) % 10]}`];
  const lead = units[i % units.length].split('\n');
  const related = i % 5 === 0 ? ['各有关镇（区）', '有关部门'] : [units[(i + 3) % units.length].split('\n').join('')];
  return `<w:tr>${categoryCell}${itemCell}${cell([content])}${cell(leaders)}${cell(lead)}${cell(related)}</w:tr>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>' +
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style></w:styles>';

/**
 * `units`: the unit names the rows cycle through (default: eight names with the seeds' quirks);
 * `contentOf`: row i's 内容和要求 (default: one sentence, numbered).
 */
export function makeSyntheticDocx(taskRows: number, units: readonly string[] = UNITS, contentOf?: (i: number) => string): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const parts = [['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', RELS], ['word/_rels/document.xml.rels', DOCUMENT_RELS], ['word/styles.xml', STYLES]];
  for (const [name, text] of parts) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(text), true);
  }
  const doc = new ZipDeflate('word/document.xml', { level: 6 });
  zip.add(doc);
  doc.push(strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>2023年政府各项主要工作分解落实表</w:t></w:r></w:p>`));
  for (let start = 0; start < taskRows; start += ROWS_PER_TABLE) {
    const rows: string[] = [`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(6)}</w:tblGrid>`, headerRow()];
    for (let i = start; i < Math.min(taskRows, start + ROWS_PER_TABLE); i++) rows.push(taskRow(i, units, contentOf));
    rows.push('</w:tbl><w:p/>');
    doc.push(strToU8(rows.join('')));
  }
  doc.push(strToU8('<w:sectPr/></w:body></w:document>'), true);
  zip.end();
  const total = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const c of out) {
    bytes.set(c, o);
    o += c.length;
  }
  return bytes;
}
