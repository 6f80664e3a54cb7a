/** fenjie export (from a seed and from an edited workbook) and fenjie rollover, through the commands. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { type ParsedTable } from '../../../core/index';
import { buildWorkbookPlan, parseDocument, readFenjieWorkbook } from '../../../core/testing';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { command as exportCommand } from '../export.command';
import { command as rollover } from '../rollover.command';
import { captureMergedIO } from './capture-io';

const SEEDS = path.join(__dirname, '../../../../seeds');
const SEED_2021 = path.join(SEEDS, '002_9a155e4ec979336d.txt');
const SEED_2023 = path.join(SEEDS, '000_8040c5413e4a8407.txt');

const bytes = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

function content(tables: ParsedTable[]): unknown[] {
  return tables.map((t) => ({ kind: t.kind, title: t.title, year: t.year, rows: t.rows.map(({ inherited: _i, id: _id, tracking: _t, previousId: _p, ...r }) => r) }));
}

async function workbookOf(seed: string, file: string): Promise<void> {
  const result = await parseDocument(bytes(seed), path.basename(seed));
  fs.writeFileSync(file, await writeXlsx(buildWorkbookPlan({ results: [result] })));
}

/** Edits cells of the 主要工作 sheet by record row (0-based) and header. */
async function editWorkbook(file: string, edits: { row: number; header: string; value: string }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('主要工作') as ExcelJS.Worksheet;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  for (const e of edits) ws.getCell(e.row + 2, headers.indexOf(e.header)).value = e.value;
  await wb.xlsx.writeFile(file);
}

describe('fenjie export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-export-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports a source document, with the registry form of names listed', async () => {
    const out = path.join(dir, 'a.docx');
    const io = captureMergedIO();
    expect(await exportCommand.run([SEED_2021, '--docx', out, '--registry', 'default'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('含通知首页');
    expect(text).toMatch(/资规局 → .*资源规划局/);
    const back = await parseDocument(bytes(out), 'a.docx');
    expect(back.notice.number).toBe('太政发〔2021〕9号');
    const units = back.tables.flatMap((t) => t.rows.flatMap((r) => [...r.leadUnits, ...r.relatedUnits]));
    expect(units).not.toContain('资规局');
    expect(units).toContain('资源规划局');
  });

  it('exports a workbook with the user’s edits, reading back to the same records', async () => {
    const book = path.join(dir, 'edited.xlsx');
    await workbookOf(SEED_2023, book);
    await editWorkbook(book, [
      { row: 0, header: '内容和要求', value: '增长6%左右（已修改）' },
      { row: 1, header: '负责人', value: '胡卫江、王莉萍' },
      { row: 2, header: '进展状态', value: '推进中' },
    ]);
    const edited = await readFenjieWorkbook(bytes(book));
    const out = path.join(dir, 'edited.docx');
    expect(await exportCommand.run([book, '--docx', out, '--size', '四号'], captureMergedIO())).toBe(0);
    const back = await parseDocument(bytes(out), 'edited.docx');
    expect(content(back.tables)).toEqual(content(edited.result.tables));
    expect((back.tables[0].rows[0] as { content: string }).content).toBe('增长6%左右（已修改）');
    expect(back.tables[0].rows[1].leaders).toEqual(['胡卫江', '王莉萍']);
  });

  it('moves titles to --year and leaves out an old year’s cover', async () => {
    const out = path.join(dir, 'y.docx');
    const io = captureMergedIO();
    await exportCommand.run([SEED_2021, '--docx', out, '--year', '2022'], io);
    expect(io.stdout.join('\n')).toContain('无通知首页');
    const back = await parseDocument(bytes(out), 'y.docx');
    expect(back.tables.map((t) => t.title)).toEqual(['2022年政府各项主要工作分解落实表', '2022年民生实事项目情况表']);
    expect(back.notice.number).toBeNull();
  });

  it('takes landscape margins in mm', async () => {
    const out = path.join(dir, 'm.docx');
    await exportCommand.run([SEED_2023, '--docx', out, '--landscape-margins', '20,20,25,25'], captureMergedIO());
    const { strFromU8, unzipSync } = await import('fflate');
    const doc = strFromU8(unzipSync(bytes(out))['word/document.xml']);
    expect(doc).toContain(`w:top="${Math.round((20 * 1440) / 25.4)}"`);
    expect(doc).toContain(`w:left="${Math.round((25 * 1440) / 25.4)}"`);
    await expect(exportCommand.run([SEED_2023, '--docx', out, '--landscape-margins', '1,2'], captureMergedIO())).rejects.toMatchObject({ code: 'usage' });
  });

  it('rejects a bad year and a bad size with a usage error', async () => {
    await expect(exportCommand.run([SEED_2023, '--docx', path.join(dir, 'z.docx'), '--year', 'abc'], captureMergedIO())).rejects.toMatchObject({ code: 'usage' });
    await expect(exportCommand.run([SEED_2023, '--docx', path.join(dir, 'z.docx'), '--size', 'huge'], captureMergedIO())).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('fenjie rollover', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-rollover-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes next year’s workbook: new ids with the old kept, tracking cleared, changes listed', async () => {
    const book = path.join(dir, 'w21.xlsx');
    await workbookOf(SEED_2021, book);
    await editWorkbook(book, [
      { row: 0, header: '进展状态', value: '已完成' },
      { row: 1, header: '进展状态', value: '推进中' },
    ]);
    const out = path.join(dir, 'w23.xlsx');
    const io = captureMergedIO();
    expect(await rollover.run([book, '--year', '2023', '-o', out, '--registry', 'default', '--drop-finished'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/已完成未带入 1 项/);
    expect(text).toContain('资规局');
    expect(text).toContain('负责人按分管调整');
    const next = await readFenjieWorkbook(bytes(out));
    expect(next.result.tables.map((t) => [t.year, t.title, t.rows.length])).toEqual([
      [2023, '2023年政府各项主要工作分解落实表', 130],
      [2023, '2023年民生实事项目情况表', 26],
    ]);
    const first = next.result.tables[0].rows[0];
    expect(first.id).toBe('2023-T-001');
    expect(first.previousId).toBe('2021-T-002');
    expect(next.result.tables.every((t) => t.rows.every((r) => !r.tracking || Object.values(r.tracking).every((v) => v === null || v === undefined)))).toBe(true);
    expect(next.result.fixes.some((f) => f.rule === 'rollover-leader-replaced')).toBe(true);
    expect(next.result.fixes.some((f) => f.rule === 'rollover-name-registry' && f.from.includes('资规局'))).toBe(true);
  });

  it('refuses to write over its input', async () => {
    const book = path.join(dir, 'w21.xlsx');
    await expect(rollover.run([book, '--year', '2022', '-o', book], captureMergedIO())).rejects.toMatchObject({ code: 'output-is-input' });
  });

  it('regression (rollover without --registry silently updated nothing): the one registry rule applies and is printed', async () => {
    const src = path.join(dir, 'r2021.xlsx');
    await workbookOf(SEED_2021, src);
    const io = captureMergedIO();
    await rollover.run([src, '--year', '2022', '-o', path.join(dir, 'r2022.xlsx')], io);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/名录：默认名录（太仓市）：\d+ 位领导/);
    expect(text).toMatch(/名称改写 [1-9]\d* 处/);
    const none = captureMergedIO();
    await rollover.run([src, '--year', '2022', '--no-registry', '-o', path.join(dir, 'r2022b.xlsx')], none);
    expect(none.stdout.join('\n')).toMatch(/名称改写 0 处/);
  });

  it('regression (rollover --year 2020 of a 2023 plan accepted): refused with a code, nothing written', async () => {
    const src = path.join(dir, 'r2023.xlsx');
    await workbookOf(SEED_2023, src);
    await expect(rollover.run([src, '--year', '2020', '-o', path.join(dir, 'r2020.xlsx')], captureMergedIO())).rejects.toMatchObject({ code: 'rollover-year-not-later' });
    expect(fs.existsSync(path.join(dir, 'r2020.xlsx'))).toBe(false);
  });

  it('regression (--registry took only JSON in export/rollover): a workbook with 名录 sheets works there too', async () => {
    const book = path.join(dir, 'with-registry.xlsx');
    const { planRegistryWorkbook, loadDefaultRegistry } = await import('../../../core/index');
    fs.writeFileSync(book, await writeXlsx(planRegistryWorkbook(loadDefaultRegistry())));
    const io = captureMergedIO();
    await exportCommand.run([SEED_2021, '--docx', path.join(dir, 'reg.docx'), '--registry', book], io);
    expect(io.stdout.join('\n')).toContain('with-registry.xlsx');
    const roll = captureMergedIO();
    await rollover.run([SEED_2021, '--year', '2022', '-o', path.join(dir, 'reg2022.xlsx'), '--registry', book], roll);
    expect(roll.stdout.join('\n')).toMatch(/名称改写 [1-9]\d* 处/);
  });
});

