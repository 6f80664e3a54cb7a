import { readFileSync } from 'fs';
import { join } from 'path';
import { parseDocument } from '../parse-document';

const ROOT = join(__dirname, '../../../..');
const bytesOf = (relative: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, relative)));

describe('parseDocument (one pipeline for every input)', () => {
  it('reads the real .docx of the 2023 tables to the same records and fixes as the text seed', async () => {
    const text = await parseDocument(bytesOf('seeds/000_8040c5413e4a8407.txt'), 'seed.txt');
    const docx = await parseDocument(bytesOf('test/fixtures/notice-2023.docx'), 'notice-2023.docx');
    expect(docx.source).toBe('notice-2023.docx');
    expect(docx.tables).toEqual(text.tables);
    expect(docx.fixes.map((f) => f.rule).sort()).toEqual(text.fixes.map((f) => f.rule).sort());
  });

  it('dispatches text bytes to the text reader', async () => {
    const result = await parseDocument(bytesOf('seeds/002_9a155e4ec979336d.txt'), '2021.txt');
    expect(result.tables.map((t) => t.rows.length)).toEqual([131, 26]);
    expect(result.notice.number).toBe('太政发〔2021〕9号');
  });
});
