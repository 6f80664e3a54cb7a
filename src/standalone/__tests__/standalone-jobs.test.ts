/** The standalone page's jobs give the CLI's files: same records as `fenjie convert`, split and collect. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { loadDefaultRegistry, serialiseRegistry } from '../../core/index';
import { readFenjieWorkbook } from '../../core/testing';
import { command as convert } from '../../cli/commands/convert.command';
import { checkNotice, chooseRegistryFor, collectReturns, readNotice, writeNoticeDocx, writeUnitZip, writeWorkbook } from '../standalone-jobs';

const ROOT = path.join(__dirname, '../../..');
const SEED_2023 = path.join(ROOT, 'seeds/000_8040c5413e4a8407.txt');
const seed = (): { name: string; bytes: Uint8Array } => ({ name: '2023.txt', bytes: new Uint8Array(fs.readFileSync(SEED_2023)) });

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function setStatus(bytes: Uint8Array, status: string): Promise<{ bytes: Uint8Array; id: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(toArrayBuffer(bytes));
  const ws = wb.getWorksheet('主要工作') as ExcelJS.Worksheet;
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && (row.values as unknown[]).includes('编号')) header = n;
  });
  const headers = (ws.getRow(header).values as unknown[]).map((v) => String(v ?? ''));
  const id = String(ws.getCell(header + 1, headers.indexOf('编号')).value);
  ws.getCell(header + 1, headers.indexOf('进展状态')).value = status;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), id };
}

describe('standalone page jobs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-standalone-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the workbook with the same records and sheets as fenjie convert of the same seed', async () => {
    const notice = await readNotice(seed());
    expect(notice.summary.tables.map((t) => t.rows)).toEqual([88, 22]);
    const checked = await checkNotice(notice, chooseRegistryFor(notice, null));
    expect(checked.registry.origin).toBe('default');
    expect(checked.validation.summary.errors).toBe(0);
    const page = await readFenjieWorkbook(await writeWorkbook(checked));
    const out = path.join(dir, 'cli.xlsx');
    expect(await convert.run([SEED_2023, '-o', out], { out: () => undefined, err: () => undefined, lang: 'zh' })).toBe(0);
    const cli = await readFenjieWorkbook(new Uint8Array(fs.readFileSync(out)));
    expect(page.result.tables).toEqual(cli.result.tables);
    expect(checked.plan.sheets.map((s) => s.name)).toContain('校验');
  });

  it('checks names against a dropped 名录 file and refuses a bad one with its code', async () => {
    const notice = await readNotice(seed());
    const registry = loadDefaultRegistry();
    const dropped = { name: '我的名录.json', bytes: new TextEncoder().encode(serialiseRegistry({ ...registry, leaders: registry.leaders.slice(1) })) };
    const checked = await checkNotice(notice, chooseRegistryFor(notice, dropped));
    expect(checked.registry).toMatchObject({ origin: 'file', name: '我的名录.json' });
    expect(checked.validation.summary.errors + checked.validation.summary.warnings).toBeGreaterThan(0);
    expect(() => chooseRegistryFor(notice, { name: 'bad.json', bytes: new TextEncoder().encode('{not json') })).toThrow(expect.objectContaining({ code: 'registry-invalid' }));
  });

  it('refuses a file that is no notice with a stable code, not a stack trace', async () => {
    const png = { name: 'photo.png', bytes: new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets/icon-32.png'))) };
    const outcome = await readNotice(png).then(
      (notice) => checkNotice(notice, chooseRegistryFor(notice, null)),
      (error: unknown) => error,
    );
    expect(outcome).toMatchObject({ name: 'FenjieError', code: expect.stringMatching(/^(format-unknown|convert-no-table)$/) });
  });

  it('writes the .docx, the per-unit zip, and collects a returned unit file into the merged workbook', async () => {
    const notice = await readNotice(seed());
    const checked = await checkNotice(notice, chooseRegistryFor(notice, null));
    expect(Buffer.from(writeNoticeDocx(notice.input.result).subarray(0, 2)).toString()).toBe('PK');
    const fractions: number[] = [];
    const { zip, files } = await writeUnitZip(notice.input.result.tables, notice.name, (f) => fractions.push(f));
    const units = unzipSync(zip);
    expect(Object.keys(units)).toHaveLength(files);
    expect(files).toBeGreaterThan(40);
    expect(fractions[fractions.length - 1]).toBe(1);
    const returned = await setStatus(units['2023-发改委.xlsx'], '推进中');
    const master = { name: '2023.xlsx', bytes: await writeWorkbook(checked) };
    const outcome = await collectReturns(master, [{ name: '2023-发改委.xlsx', bytes: returned.bytes }, { name: 'junk.xlsx', bytes: new Uint8Array([1, 2, 3]) }]);
    expect(outcome.collect.applied.map((c) => [c.id, c.field, c.to])).toEqual([[returned.id, 'status', '推进中']]);
    expect(outcome.collect.findings.map((f) => f.code)).toContain('collect-unreadable');
    const merged = await readFenjieWorkbook(outcome.workbook);
    expect(merged.result.tables[0].rows.find((r) => r.id === returned.id)?.tracking?.status).toBe('推进中');
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(toArrayBuffer(outcome.report));
    expect(report.worksheets.map((w) => w.name)).toContain('汇总记录');
  });
});
