import * as CFB from 'cfb';
import * as fs from 'fs';
import * as path from 'path';
import { isFenjieError } from '../../errors';
import { parseGrids } from '../../parse/parse-document';
import { readDocument } from '../document.reader';
import { readDocx } from '../docx.reader';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const load = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

async function codeOf(bytes: Uint8Array, name = 'x.doc'): Promise<string> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    if (isFenjieError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('legacy .doc (Word 97-2003), notice-2023.doc made by LibreOffice from the .docx', () => {
  it('reads the same grids as the .docx: cells, paragraphs, header rows, vertical merges', async () => {
    const doc = await readDocument(load('notice-2023.doc'), 'notice-2023.doc');
    const docx = readDocx(load('notice-2023.docx'));
    expect(doc.format).toBe('doc');
    expect(doc.grids.reduce((n, g) => n + g.rows.length, 0)).toBe(132);
    // LibreOffice drops trailing spaces of a paragraph when it writes .doc (two cells here).
    const rows = (grids: typeof doc.grids) =>
      grids.map((g) => g.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map((t) => t.trimEnd()) })) })));
    expect(rows(doc.grids)).toEqual(rows(docx.grids));
    expect(doc.grids.flatMap((g) => g.rows).filter((r) => r.isHeader).length).toBe(doc.grids.length);
    expect(doc.grids.map((g) => g.before)).toEqual(docx.grids.map((g) => g.before));
    expect(doc.paragraphs).toEqual(docx.paragraphs);
  });

  it('parses to 88 tasks and 22 projects, the same records as the .docx', async () => {
    const fromDoc = parseGrids(await readDocument(load('notice-2023.doc'), 'notice-2023.doc'), 'n');
    const fromDocx = parseGrids(readDocx(load('notice-2023.docx')), 'n');
    expect(fromDoc.tables.map((t) => t.rows.length)).toEqual([88, 22]);
    expect(fromDoc.tables).toEqual(fromDocx.tables);
  });

  it('reads header rows, column spans, vertical merges, line breaks, fields and nested tables (features.doc)', async () => {
    const doc = await readDocument(load('doc/features.doc'), 'features.doc');
    const docx = await readDocument(load('doc/features.docx'), 'features.docx');
    const rows = doc.grids[0].rows;
    expect(rows[0].isHeader).toBe(true);
    expect(rows[1].cells[0]).toEqual({ paragraphs: ['跨两列'], colSpan: 2 });
    expect(rows.slice(2, 4).map((r) => r.cells[0].vMerge)).toEqual(['restart', 'continue']);
    expect(rows[3].cells[2].paragraphs).toEqual(['第一行', '第二行']);
    expect(rows[4].cells[0].paragraphs).toEqual(['链接']);
    expect(rows[4].cells[1]).toMatchObject({ paragraphs: ['外', 'n1', 'n2', ''], nestedTable: true });
    expect(doc.warnings.map((w) => w.code)).toEqual(['nested-table']);
    expect(doc.grids).toEqual(docx.grids);
    expect(doc.paragraphs).toEqual(['附件1', '功能测试表', '完']);
  });

  it('refuses a damaged .doc with doc-invalid, never a raw error', async () => {
    const bytes = load('notice-2023.doc');
    const cfb = CFB.read(bytes, { type: 'buffer' });
    const word = CFB.find(cfb, 'WordDocument');
    expect(word).toBeTruthy();
    const content = word!.content as unknown as Uint8Array;
    content.fill(0xff, 0x01a2, 0x01aa); // fcClx/lcbClx point far outside the table stream
    const damaged = new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expect(await codeOf(damaged)).toBe('doc-invalid');
  });

  it('refuses a password-protected .doc and a legacy .xls with their own codes', async () => {
    const bytes = load('notice-2023.doc');
    const cfb = CFB.read(bytes, { type: 'buffer' });
    const content = CFB.find(cfb, 'WordDocument')!.content as unknown as Uint8Array;
    content[0x0b] |= 0x01; // fEncrypted
    expect(await codeOf(new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer))).toBe('doc-encrypted');
    const xls = CFB.utils.cfb_new();
    CFB.utils.cfb_add(xls, '/Workbook', Buffer.from([9, 8, 16, 0]));
    expect(await codeOf(new Uint8Array(CFB.write(xls, { type: 'buffer' }) as Buffer), 'a.xls')).toBe('xls-unsupported');
  });
});
