import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseDocument, readFenjieWorkbook } from '../../../core/testing';
import { command as convert } from '../convert.command';
import { command as demo } from '../demo.command';
import { captureIO } from './capture-io';

const SEEDS = path.join(__dirname, '../../../../seeds');
const SEED_2023 = path.join(SEEDS, '000_8040c5413e4a8407.txt');
const SEED_2021 = path.join(SEEDS, '002_9a155e4ec979336d.txt');

function read(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}

describe('fenjie convert', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-convert-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the workbook and prints a short summary', async () => {
    const out = path.join(dir, 'a.xlsx');
    const io = captureIO();
    expect(await convert.run([SEED_2023, '-o', out], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('2023年政府各项主要工作分解落实表 88 行');
    expect(text).toMatch(/已写入 .*a\.xlsx：主要工作\(88\) 民生实事\(22\) 修订记录\(75\) 统计\(\d+\) 校验/);
    expect(text).toMatch(/名称校验：错误 0 条/);
    const book = await readFenjieWorkbook(read(out));
    expect(book.result.tables.map((t) => t.rows.length)).toEqual([88, 22]);
  });

  it('converts the real .docx of the 2023 tables to the same records as the text seed', async () => {
    const out = path.join(dir, 'docx.xlsx');
    expect(await convert.run([path.join(__dirname, '../../../../test/fixtures/notice-2023.docx'), '-o', out, '--no-registry'], captureIO())).toBe(0);
    const fromDocx = (await readFenjieWorkbook(read(out))).result.tables;
    const fromText = (await parseDocument(read(SEED_2023), 'seed.txt')).tables;
    expect(fromDocx.map((t) => t.rows.length)).toEqual([88, 22]);
    expect(fromDocx.map((t) => t.rows)).toEqual(fromText.map((t) => t.rows));
  });

  it('keeps the previous output as .bak.xlsx', async () => {
    const out = path.join(dir, 'b.xlsx');
    fs.writeFileSync(out, 'old');
    const io = captureIO('en');
    await convert.run([SEED_2023, '-o', out], io);
    expect(fs.readFileSync(path.join(dir, 'b.bak.xlsx'), 'utf8')).toBe('old');
    expect(io.stdout.join('\n')).toContain('b.bak.xlsx');
  });

  it('puts two years in one workbook and prints JSON with --json', async () => {
    const out = path.join(dir, 'c.xlsx');
    const io = captureIO();
    await convert.run([SEED_2021, SEED_2023, '-o', out, '--json', '--no-registry'], io);
    const json = JSON.parse(io.stdout.join(''));
    expect(json.registry).toBeNull();
    expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(['主要工作', '民生实事', '修订记录', '统计']);
    expect(json.sheets.slice(0, 2)).toEqual([{ name: '主要工作', rows: 219 }, { name: '民生实事', rows: 48 }]);
    expect(json.results.map((r: { source: string }) => r.source)).toEqual(['002_9a155e4ec979336d.txt', '000_8040c5413e4a8407.txt']);
    const book = await readFenjieWorkbook(read(out));
    expect(book.result.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', 2021, 131],
      ['projects', 2021, 26],
      ['tasks', 2023, 88],
      ['projects', 2023, 22],
    ]);
  });

  it('re-converts its own workbook keeping ids and the tracking a clerk entered', async () => {
    const first = path.join(dir, 'd.xlsx');
    await convert.run([SEED_2023, '-o', first], captureIO());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    wb.getWorksheet('民生实事')!.getCell('K3').value = '滞后';
    await wb.xlsx.writeFile(first);
    const second = path.join(dir, 'e.xlsx');
    expect(await convert.run([first, '-o', second], captureIO())).toBe(0);
    const before = await readFenjieWorkbook(read(first));
    const after = await readFenjieWorkbook(read(second));
    expect(after.result.tables).toEqual(before.result.tables);
    expect(after.result.tables[1].rows[1].tracking?.status).toBe('滞后');
  });

  it('converts a sheet with a pasted table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('粘贴');
    ws.addRow(['2023年政府各项主要工作分解落实表']);
    ws.addRow([]);
    ws.addRow(['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位']);
    ws.addRow(['综合指标', '地区生产总值', '增长5%左右', '吴敬宇', '发改委', '各镇（区）\n有关部门']);
    ws.addRow([null, '一般公共预算收入', '增长6%左右', '胡卫江\n吴敬宇', '财政局', null]);
    ws.mergeCells('A4:A5');
    const input = path.join(dir, 'pasted.xlsx');
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'pasted-out.xlsx');
    expect(await convert.run([input, '-o', out], captureIO())).toBe(0);
    const [tasks] = (await readFenjieWorkbook(read(out))).result.tables;
    expect(tasks.rows.map((r) => [r.category, r.leaders])).toEqual([
      ['综合指标', ['吴敬宇']],
      ['综合指标', ['胡卫江', '吴敬宇']],
    ]);
    expect(tasks.rows[1].inherited).toContain('category');
  });

  it('refuses to run without -o, and refuses input with no table', async () => {
    await expect(convert.run([SEED_2023], captureIO())).rejects.toMatchObject({ code: 'usage' });
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '只有一行文字\n');
    await expect(convert.run([empty, '-o', path.join(dir, 'x.xlsx')], captureIO())).rejects.toMatchObject({ code: 'convert-no-table' });
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('fenjie demo', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-demo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a workbook and the parse JSON per seed', async () => {
    const io = captureIO();
    expect(await demo.run(['-o', dir], io)).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['2021.json', '2021.xlsx', '2023.json', '2023.xlsx']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '2021.json'), 'utf8')).notice.number).toBe('太政发〔2021〕9号');
    expect(io.stdout.join('\n')).toContain('合计：4 个表格，267 行');
    const book = await readFenjieWorkbook(read(path.join(dir, '2021.xlsx')));
    expect(book.result.tables.map((t) => t.rows.length)).toEqual([131, 26]);
    expect(book.result.notice.number).toBe('太政发〔2021〕9号');
  });
});
