/** The .docx goes through the same recogniser and normaliser as the text form, to the same records. */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, parseGrids } from '../../parse/parse-document';
import { readDocx } from '../docx.reader';
import { readTextDocument } from '../text.reader';

const ROOT = path.resolve(__dirname, '../../../..');
const load = (rel: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(ROOT, rel)));

describe('notice-2023.docx and the 2023 text seed', () => {
  const fromDocx = parseGrids(readDocx(load('test/fixtures/notice-2023.docx')), 'notice-2023.docx');
  const fromText = parseGrids(readTextDocument(load('seeds/000_8040c5413e4a8407.txt')), 'seed');

  it('read to 88 tasks and 22 projects', () => {
    expect(fromDocx.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', 2023, 88],
      ['projects', 2023, 22],
    ]);
  });

  it('read to identical records, inherited fields included, with the same fixes', () => {
    expect(fromDocx.tables).toEqual(fromText.tables);
    // Two leader cells end in an empty paragraph in the seed's source but not in this .docx; the
    // fix is the same, only its `from` differs by that trailing line end.
    const comparable = (fixes: typeof fromDocx.fixes) => fixes.map((f) => ({ ...f, from: f.from.replace(/\n+$/, '') }));
    expect(comparable(fromDocx.fixes)).toEqual(comparable(fromText.fixes));
    expect(fromDocx.fixes.length).toBeGreaterThan(0);
    expect(fromDocx.warnings).toEqual([]);
  });
});

describe('parse-level findings for bad .docx inputs', () => {
  const parseBad = (name: string) => parseDocument(load(`test/fixtures/bad/${name}`), name);
  const codes = async (name: string) => (await parseBad(name)).warnings.map((w) => w.code);

  it('a .docx with no table → no-table', async () => {
    expect(await codes('no-table.docx')).toEqual(['no-table']);
  });

  it('an unknown table header → table-unknown and no-table', async () => {
    expect(await codes('unknown-header.docx')).toEqual(expect.arrayContaining(['table-unknown', 'no-table']));
  });

  it('wrong column counts are reported per row, the good rows kept', async () => {
    const result = await parseBad('wrong-columns.docx');
    expect(result.warnings.filter((w) => w.code === 'row-cell-count').length).toBe(2);
    expect(result.tables[0].rows.length).toBeGreaterThanOrEqual(1);
  });

  it('a 5 MB cell survives into its record', async () => {
    const result = await parseBad('big-cell.docx');
    expect(result.tables[0].kind).toBe('tasks');
    expect((result.tables[0].rows[0] as { content: string }).content.length).toBeGreaterThan(1_700_000);
  });
});
