/** split → units fill in their files (edited with ExcelJS, as a clerk's Excel would) → collect. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { editUnitFile } from './unit-file-edit';
import { buildWorkbookPlan, parseDocument, readFenjieWorkbook } from '../../../core/testing';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { command as split } from '../split.command';
import { command as collect } from '../collect.command';
import { captureMergedIO } from './capture-io';

const SEED_2023 = path.join(__dirname, '../../../../seeds/000_8040c5413e4a8407.txt');

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('fenjie split and collect', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-distribute-'));
  const master = path.join(dir, 'master.xlsx');
  const units = path.join(dir, 'units');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const result = await parseDocument(new Uint8Array(fs.readFileSync(SEED_2023)), 'seed.txt');
    fs.writeFileSync(master, await writeXlsx(buildWorkbookPlan({ results: [result] })));
  });

  it('writes one protected workbook per unit with its tasks and role', async () => {
    const io = captureMergedIO();
    expect(await split.run([master, '--by', 'unit', '-o', units], io)).toBe(0);
    const files = fs.readdirSync(units);
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain('2023-发改委.xlsx');
    expect(files.some((f) => f.includes('各有关镇'))).toBe(false);
    const book = await readFenjieWorkbook(new Uint8Array(fs.readFileSync(path.join(units, '2023-发改委.xlsx'))));
    expect((book.state.split as { unit: string }).unit).toBe('发改委');
    const rows = book.result.tables.flatMap((t) => [...t.rows]);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.leadUnits.includes('发改委') || r.relatedUnits.includes('发改委'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(units, '2023-发改委.xlsx'));
    const ws = wb.getWorksheet('主要工作') as ExcelJS.Worksheet;
    expect(String(ws.getCell('A2').value)).toContain('填报说明');
    expect(ws.getCell('A6').value).toBe('牵头');
    expect(ws.getCell('E6').protection?.locked).not.toBe(false);
    const statusCol = (ws.getRow(5).values as unknown[]).indexOf('进展状态');
    expect(ws.getCell(6, statusCol).protection?.locked).toBe(false);
  });

  it('merges what the units filled in and reports every conflict', async () => {
    // two units named on one task: both files hold it
    const bookOf = async (f: string) => (await readFenjieWorkbook(new Uint8Array(fs.readFileSync(path.join(units, f))))).result.tables[0]?.rows ?? [];
    const files = fs.readdirSync(units).filter((f) => f.endsWith('.xlsx')).sort();
    let pair: [string, string, string] | null = null;
    const idsByFile = new Map<string, string[]>();
    for (const f of files) idsByFile.set(f, (await bookOf(f)).map((r) => r.id as string));
    for (const f of files) {
      for (const g of files) {
        if (f >= g || pair) continue;
        const common = (idsByFile.get(f) ?? []).find((id) => (idsByFile.get(g) ?? []).includes(id));
        if (common && (idsByFile.get(f) ?? []).length > 1) pair = [f, g, common];
      }
    }
    expect(pair).not.toBeNull();
    const [fa, fb, shared] = pair as [string, string, string];
    const a = path.join(units, fa);
    const b = path.join(units, fb);
    const onlyA = (idsByFile.get(fa) ?? []).find((id) => id !== shared) as string;
    await editUnitFile(a, [
      { id: onlyA, header: '进展状态', value: '推进中' },
      { id: onlyA, header: '最新进展', value: '已召开推进会' },
      { id: shared, header: '进展状态', value: '已完成' },
      { id: onlyA, header: '内容和要求', value: '改过的内容' },
    ]);
    await editUnitFile(b, [{ id: shared, header: '进展状态', value: '滞后' }]);
    const stranger = path.join(units, 'stranger.xlsx');
    fs.copyFileSync(path.join(units, '2023-发改委.xlsx'), stranger);
    await editUnitFile(stranger, [], (json) => ((json.split as { unit: string }).unit = '外星局'));
    const lastYear = path.join(units, 'last-year.xlsx');
    fs.copyFileSync(path.join(units, '2023-发改委.xlsx'), lastYear);
    await editUnitFile(lastYear, [], (json) => ((json.split as { year: number }).year = 2022));

    const before = sha(master);
    const merged = path.join(dir, 'merged.xlsx');
    const io = captureMergedIO();
    // Conflicts and refused files: not applied, so collect exits 1 (issue 17).
    expect(await collect.run([master, units, '-o', merged, '--json'], io)).toBe(1);
    const report = JSON.parse(io.stdout.join(''));
    const codes = report.findings.map((f: { code: string }) => f.code).sort();
    expect(codes).toEqual(['collect-conflict', 'collect-protected-changed', 'collect-unknown-unit', 'collect-wrong-year']);
    expect(sha(master)).toBe(before);

    const out = await readFenjieWorkbook(new Uint8Array(fs.readFileSync(merged)));
    const rows = out.result.tables[0].rows;
    const edited = rows.find((r) => r.id === onlyA);
    expect(edited?.tracking).toMatchObject({ status: '推进中', latest: '已召开推进会' });
    expect((edited as { content: string }).content).not.toBe('改过的内容');
    expect(rows.find((r) => r.id === shared)?.tracking?.status ?? null).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(merged);
    expect(wb.getWorksheet('汇总记录')).toBeDefined();
  });

  it('refuses to write the merge over the original workbook', async () => {
    const io = captureMergedIO();
    await expect(collect.run([master, units, '-o', master], io)).rejects.toMatchObject({ code: 'output-is-input' });
  });
});
