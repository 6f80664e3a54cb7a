/**
 * Every file in test/fixtures/bad/ (made by scripts/make-bad-fixtures.ts) gives its stable
 * code, or reads with the expected warnings; nothing but a FenjieError ever escapes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isFenjieError } from '../../errors';
import type { DocumentGrids } from '../../grid/grid.model';
import { readDocument } from '../document.reader';

const BAD = path.resolve(__dirname, '../../../../test/fixtures/bad');
const load = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(BAD, name)));

async function outcome(name: string): Promise<{ code: string; doc?: DocumentGrids; messageZh?: string }> {
  try {
    return { code: 'ok', doc: await readDocument(load(name), name) };
  } catch (error) {
    if (!isFenjieError(error)) throw new Error(`${name}: a ${String((error as Error)?.name)} escaped: ${String(error)}`);
    return { code: error.code, messageZh: error.messageZh };
  }
}

describe('bad inputs are refused with a stable code', () => {
  it.each([
    ['empty.docx', 'file-empty'],
    ['truncated.docx', 'file-truncated'],
    ['not-a-zip.docx', 'format-unknown'],
    ['corrupt-zip.docx', 'zip-invalid'],
    ['zip-bomb.docx', 'zip-bomb'],
    ['doctype.docx', 'xml-doctype'],
    ['encrypted.docx', 'docx-encrypted'],
    ['garbage.bin', 'format-unknown'],
    ['garbage.docx', 'format-unknown'],
    ['not-word.zip', 'docx-no-document'],
  ])('%s → %s', async (name, code) => {
    const result = await outcome(name);
    expect(result.code).toBe(code);
    expect(result.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('stops the zip bomb quickly and without inflating it all', async () => {
    const start = Date.now();
    await outcome('zip-bomb.docx');
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('tells how to remove the password of an encrypted .docx', async () => {
    expect((await outcome('encrypted.docx')).messageZh).toContain('密码');
  });
});

describe('odd but readable inputs', () => {
  it('reads a .docx without tables: no grids, the paragraphs kept', async () => {
    const { doc } = await outcome('no-table.docx');
    expect(doc?.grids).toEqual([]);
    expect(doc?.paragraphs[0]).toContain('通知');
  });

  it('reads an unknown header and wrong column counts as grids (the recogniser reports them)', async () => {
    expect((await outcome('unknown-header.docx')).doc?.grids[0].rows.length).toBe(2);
    const widths = (await outcome('wrong-columns.docx')).doc?.grids[0].rows.map((r) => r.cells.length);
    expect(widths).toEqual([6, 4, 8, 6]);
  });

  it('reads a 5 MB single cell', async () => {
    const { doc } = await outcome('big-cell.docx');
    const cell = doc?.grids[0].rows[1].cells[2].paragraphs.join('') ?? '';
    expect(cell.length).toBeGreaterThan(1_700_000);
  });

  it('reads by content when the extension is wrong, with a warning', async () => {
    const asTxt = await outcome('docx-named.txt');
    expect(asTxt.doc?.format).toBe('docx');
    expect(asTxt.doc?.warnings.map((w) => w.code)).toContain('extension-mismatch');
    const asDocx = await outcome('text-named.docx');
    expect(asDocx.doc?.format).toBe('text');
    expect(asDocx.doc?.warnings.map((w) => w.code)).toContain('extension-mismatch');
  });

  it('gives no extension warning when the name fits', async () => {
    const bytes = load('docx-named.txt');
    expect((await readDocument(bytes, 'notice.docx')).warnings.map((w) => w.code)).not.toContain('extension-mismatch');
  });
});

describe('dispatch by content', () => {
  it('hands a zip with xl/workbook.xml to the .xlsx reader, by content not name', async () => {
    const { makeXlsx } = await import('../../../../test/fixtures/make-xlsx');
    const doc = await readDocument(makeXlsx(), 'pasted.docx');
    expect(doc.format).toBe('xlsx');
    expect(doc.grids[0].rows.length).toBe(3);
    expect(doc.warnings.map((w) => w.code)).toContain('extension-mismatch');
    expect((await readDocument(makeXlsx(), 'pasted.xlsx')).warnings.map((w) => w.code)).not.toContain('extension-mismatch');
  });
});
