/** Exported .docx files read back (with fenjie's own reader) to the records they were written from. */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../parse/parse-document';
import type { ParsedTable, ParseResult } from '../../model/records.model';
import { retitleTables } from '../year-retitle';
import { writeNoticeDocx } from '../docx.writer';

const SEEDS = ['000_8040c5413e4a8407.txt', '002_9a155e4ec979336d.txt'];
const seedBytes = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../../../seeds', name)));

/**
 * Records without the reader's bookkeeping: which cells were merged in the source, and the ids
 * (a Word document carries none; the reader numbers the rows again).
 */
function content(tables: ParsedTable[]): unknown[] {
  return tables.map((t) => ({ kind: t.kind, title: t.title, year: t.year, rows: t.rows.map(({ inherited: _i, id: _id, ...r }) => r) }));
}

async function roundTrip(result: ParseResult): Promise<ParseResult> {
  const { bytes } = writeNoticeDocx({ notice: result.notice, tables: result.tables });
  return await parseDocument(bytes, 'exported.docx');
}

describe.each(SEEDS)('export round trip of %s', (seed) => {
  let original: ParseResult;
  let back: ParseResult;
  beforeAll(async () => {
    original = await parseDocument(seedBytes(seed), seed);
    back = await roundTrip(original);
  });

  it('reads back to the same records', () => {
    expect(back.tables.map((t) => t.rows.length)).toEqual(original.tables.map((t) => t.rows.length));
    expect(content(back.tables)).toEqual(content(original.tables));
    expect(back.tables.map((t) => t.rows.map((r) => r.id))).toEqual(original.tables.map((t) => t.rows.map((r) => r.id)));
  });

  it('needs no cleaning on the way back', () => {
    expect(back.fixes).toEqual([]);
    expect(back.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });

  it('keeps the notice when there is one', () => {
    expect(back.notice.number).toBe(original.notice.number);
    expect(back.notice.title).toBe(original.notice.title);
    expect(back.notice.date).toBe(original.notice.date);
  });
});

describe('export round trip of edited records', () => {
  it('carries edits and a new year through', async () => {
    const original = await parseDocument(seedBytes(SEEDS[0]), SEEDS[0]);
    const tables = retitleTables(original.tables, 2024);
    const first = tables[0].rows[0];
    first.leaders = ['王新', '吴敬宇'];
    first.leadUnits = ['资源规划局'];
    (first as { content: string }).content = '第一行\n第二行：增长 6% <目标>';
    tables[1].rows.splice(1, 1);
    const back = await roundTrip({ ...original, notice: { number: null, title: null, date: null }, tables });
    expect(back.tables.map((t) => t.title)).toEqual(['2024年政府各项主要工作分解落实表', '2024年民生实事项目情况表']);
    expect(back.tables.map((t) => t.year)).toEqual([2024, 2024]);
    expect(content(back.tables)).toEqual(content(tables));
  });
});
