/**
 * Writes the bad-input fixtures into test/fixtures/bad/ (run: npx tsx scripts/make-bad-fixtures.ts).
 * Deterministic, so re-running gives the same bytes. Each file pins one stable error code
 * (see test/fixtures/bad/README.md and src/core/readers/__tests__/bad-input.test.ts).
 */
import * as CFB from 'cfb';
import { strToU8, zipSync, type Zippable } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const doc = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const para = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
const table = (rows: string[][]): string =>
  `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${c.split('\n').map(para).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

function packDocx(documentXml: string, extra: Zippable = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': [strToU8(documentXml), { level: 9 }], ...extra });
}

/** Small deterministic PRNG (mulberry32) for the garbage files. */
function randomBytes(n: number, seed: number): Uint8Array {
  let a = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const TASK_HEADER = ['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位'];
const TASK_ROW = ['综合指标', '地区生产总值', '增长5%左右', '吴敬宇', '发改委', '各镇（区）有关部门'];

function makeEncrypted(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  // Real files hold an EncryptionInfo header (version 4.4 = agile) and the encrypted package.
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0"?><encryption/>')]));
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.from(randomBytes(4096, 7)));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

export function makeBadFixtures(): Record<string, Uint8Array> {
  const good = packDocx(doc(para('2023年政府各项主要工作分解落实表') + table([TASK_HEADER, TASK_ROW])));
  const corrupt = good.slice();
  const cd = Buffer.from(corrupt).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  corrupt.fill(0x41, cd, cd + 8);
  const bombXml = doc(para('a') + ' '.repeat(40 * 1024 * 1024) + para('b'));
  const doctype = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' + doc(para('&lol2;'));
  return {
    'empty.docx': new Uint8Array(0),
    'truncated.docx': good.subarray(0, Math.floor(good.length * 0.6)),
    'not-a-zip.docx': new Uint8Array([...strToU8('%PDF-1.4\n%\u00e2\u00e3\n'), ...randomBytes(2000, 1)]),
    'corrupt-zip.docx': corrupt,
    'zip-bomb.docx': packDocx(bombXml),
    'doctype.docx': packDocx(doctype),
    'encrypted.docx': makeEncrypted(),
    'no-table.docx': packDocx(doc(para('关于印发2023年政府工作报告分解落实表的通知') + para('各镇人民政府：'))),
    'unknown-header.docx': packDocx(doc(table([['甲', '乙', '丙'], ['1', '2', '3']]))),
    'wrong-columns.docx': packDocx(doc(table([TASK_HEADER, TASK_ROW.slice(0, 4), [...TASK_ROW, '多余', '多余2'], TASK_ROW]))),
    'big-cell.docx': packDocx(doc(table([TASK_HEADER, [...TASK_ROW.slice(0, 2), '长'.repeat(Math.ceil((5 * 1024 * 1024) / 3)), ...TASK_ROW.slice(3)]]))),
    'garbage.bin': randomBytes(8192, 42),
    'garbage.docx': randomBytes(8192, 43),
    'docx-named.txt': good,
    'text-named.docx': strToU8(['2023年政府各项主要工作分解落实表', '', ...TASK_HEADER.map((h) => `\t${h}`), '', ...TASK_ROW.map((c) => `\t${c}`), ''].join('\n')),
    'not-word.zip': zipSync({ 'readme.txt': strToU8('hello') }),
  };
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../test/fixtures/bad');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(makeBadFixtures())) {
    fs.writeFileSync(path.join(dir, name), bytes);
    process.stdout.write(`${name.padEnd(22)} ${bytes.length} bytes\n`);
  }
}
