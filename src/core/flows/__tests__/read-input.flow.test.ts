import { readFileSync } from 'fs';
import { join } from 'path';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { planRegistryWorkbook } from '../registry-source.flow';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { readFenjieInput, readInput, readPastedSheet, summariseRead } from '../read-input.flow';
import * as zipReader from '../../readers/zip.reader';

jest.mock('../../readers/zip.reader', () => {
  const actual = jest.requireActual('../../readers/zip.reader');
  return { ...actual, openZip: jest.fn(actual.openZip) };
});

const ROOT = join(__dirname, '../../../..');

describe('read-input flow: one reader for every input', () => {
  it('regression (fenjie parse misread fenjie’s own workbook as a pasted table): ids, titles and tracking come back', async () => {
    const seed = parseSeed(SEED_2023);
    seed.tables[0].rows[0].tracking = { status: '推进中', progress: 40 };
    const plan = buildWorkbookPlan({ results: [seed], extraSheets: planRegistryWorkbook(loadDefaultRegistry()).sheets });
    const input = await readInput(await writeXlsx(plan), 'book.xlsx');
    expect(input.kind).toBe('fenjie-workbook');
    expect(input.result.tables.map((t) => [t.title, t.rows.length])).toEqual(seed.tables.map((t) => [t.title, t.rows.length]));
    expect(input.result.tables[0].rows[0]).toMatchObject({ id: '2023-T-001', tracking: { status: '推进中', progress: 40 } });
    expect(input.result.fixes.filter((f) => f.rule === 'split-enumeration').length).toBe(seed.fixes.filter((f) => f.rule === 'split-enumeration').length);
    expect(input.registry?.units.length).toBe(loadDefaultRegistry().units.length);
  });

  it('opens the package once per document', async () => {
    const spy = zipReader.openZip as jest.Mock;
    spy.mockClear();
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/notice-2023.docx')));
    const input = await readInput(bytes, 'notice-2023.docx');
    expect(input.kind).toBe('document');
    expect(input.result.tables.map((t) => t.rows.length)).toEqual([88, 22]);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('reads a text 通知 and summarises it for the preview and the CLI', async () => {
    const input = await readInput(new Uint8Array(readFileSync(join(ROOT, 'seeds', SEED_2023))), SEED_2023);
    const summary = summariseRead(input.result);
    expect(summary.tables.map((t) => t.rows)).toEqual([88, 22]);
    expect(summary.fixesByRule[0][1]).toBeGreaterThanOrEqual(summary.fixesByRule[summary.fixesByRule.length - 1][1]);
    expect(summary.errors).toEqual([]);
  });

  it('readFenjieInput refuses a document with a code', async () => {
    await expect(readFenjieInput(new Uint8Array(readFileSync(join(ROOT, 'seeds', SEED_2023))), 'x.txt')).rejects.toMatchObject({ code: 'not-fenjie-workbook' });
  });

  it('regression (整理当前表 on fenjie’s own sheet wiped ids and tracking): refuses the sheet instead', () => {
    const plan = buildWorkbookPlan({ results: [parseSeed(SEED_2023)] });
    const sheet = plan.sheets.find((s) => s.name === '主要工作')!;
    const values = [sheet.columns.map((c) => c.header), ...sheet.rows.slice(0, 3).map((r) => r.map((v) => (v === null ? '' : typeof v === 'object' ? ('date' in v ? v.date : '') : String(v))))];
    expect(() => readPastedSheet({ sheet: '主要工作', address: 'A1', values, merges: [] })).toThrow(expect.objectContaining({ code: 'tidy-fenjie-sheet' }));
    expect(() => readPastedSheet({ sheet: 'S', address: 'A1', values: [['', ''], ['', '']], merges: [] })).toThrow(expect.objectContaining({ code: 'tidy-empty' }));
  });
});
