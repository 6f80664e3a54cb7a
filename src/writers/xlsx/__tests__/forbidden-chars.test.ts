/**
 * Issue 17, clean characters: code points XML 1.0 forbids are removed where a document is read
 * (each removal a `xml-char-removed` fix naming the cell), and no writer can emit them: every
 * forbidden class is fed through every writer and the output validated against ECMA-376 and read back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { ParseResult, TaskRecord } from '../../../core/index';
import { buildWorkbookPlan, parseDocument, writeNoticeDocx, writeOfficialDocx } from '../../../core/testing';
import { checkOoxml, readBackDocx, readBackXlsx } from '../../../../test/schema/ooxml';
import { writeXlsx } from '../xlsx.writer';

const ROOT = path.resolve(__dirname, '../../../..');

/** One of each class: NUL, C0 controls, VT, FF, U+000E–U+001F, U+FFFE, U+FFFF, lone high and low surrogates. */
const CLASSES: Record<string, string> = {
  nul: '\u0000',
  c0: '\u0001\u0008',
  vt: '\u000b',
  ff: '\u000c',
  c0High: '\u000e\u001f',
  fffe: '\ufffe',
  ffff: '\uffff',
  // Low before high: the other order would make a valid pair (U+10000) when joined.
  loneLow: '\udc00',
  loneHigh: '\ud800',
};
const ALL = Object.values(CLASSES).join('');
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The seed with every forbidden class put into records, the notice and the source name, past the normaliser. */
async function dirtySeed(): Promise<ParseResult> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'seeds/000_8040c5413e4a8407.txt')));
  const seed = await parseDocument(bytes, '000_8040c5413e4a8407.txt');
  const rows = seed.tables[0].rows as TaskRecord[];
  Object.values(CLASSES).forEach((ch, i) => {
    const record = rows[i];
    record.item = `项${ch}目`;
    record.content = `内容${ch}\n第二段${ch}`;
    record.leaders = [`${record.leaders[0] ?? '某'}${ch}`];
    record.leadUnits = [`单位${ch}`];
    record.extra = { [`备注${ch}`]: `说明${ch}` };
    record.tracking = { ...record.tracking, latest: `进展${ch}` };
  });
  return { ...seed, source: `来源${ALL}.txt`, notice: { number: `号${ALL}`, title: `标题${ALL}`, date: null } };
}

function partsWithForbidden(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  return Object.keys(files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels') || name.endsWith('.vml')).filter((name) => FORBIDDEN.test(strFromU8(files[name])));
}

describe('no writer emits a code point XML 1.0 forbids (issue 17)', () => {
  let seed: ParseResult;
  beforeAll(async () => {
    seed = await dirtySeed();
  });

  it('the .xlsx writer strips every forbidden class; the workbook is valid and reads back', async () => {
    const bytes = await writeXlsx(buildWorkbookPlan({ results: [seed], today: '2023-07-01' }));
    expect(partsWithForbidden(bytes)).toEqual([]);
    expect(checkOoxml([{ name: 'dirty.xlsx', bytes }])).toEqual([]);
    const back = readBackXlsx({ name: 'dirty.xlsx', bytes });
    const cells = Object.values(back.sheets).flat(2).map(String);
    expect(cells).toContain('项目');
    expect(cells.filter((c) => FORBIDDEN.test(c))).toEqual([]);
  });

  it('the notice .docx writer strips every forbidden class; the document is valid and reads back', () => {
    const { bytes } = writeNoticeDocx({ notice: seed.notice, tables: seed.tables });
    expect(partsWithForbidden(bytes)).toEqual([]);
    expect(checkOoxml([{ name: 'dirty.docx', bytes }])).toEqual([]);
    const back = readBackDocx({ name: 'dirty.docx', bytes });
    expect(back.tables.flat(2)).toContain('项目');
  });

  it('the official .docx writer (通报, 催办单) strips every forbidden class', () => {
    const bytes = writeOfficialDocx(`标题${ALL}`, [
      { kind: 'redHeader', text: `红头${ALL}`, issue: `期${ALL}`, office: `办${ALL}`, date: `日${ALL}` },
      { kind: 'title', text: `标题${ALL}` },
      { kind: 'heading', text: `一、${ALL}` },
      { kind: 'body', text: `正文${ALL}`, indent: true },
      { kind: 'right', text: `落款${ALL}` },
      { kind: 'attachmentLabel', text: `附件${ALL}` },
      { kind: 'table', columns: [{ header: `列${ALL}`, weight: 1 }], rows: [[`格${ALL}`]] },
    ]);
    expect(partsWithForbidden(bytes)).toEqual([]);
    expect(checkOoxml([{ name: 'official.docx', bytes }])).toEqual([]);
    expect(readBackDocx({ name: 'official.docx', bytes }).tables.flat(2)).toContain('格');
  });
});
