/** Issue 10: --map on parse / convert / validate; the confirmed mapping kept in the workbook and reused. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFenjieWorkbook } from '../../../core/testing';
import { command as convert } from '../convert.command';
import { command as parse } from '../parse.command';
import { command as validate } from '../validate.command';
import { captureIO } from './capture-io';

const FAMILIES = path.join(__dirname, '../../../../test/fixtures/families');
const F3_XLSX = path.join(FAMILIES, 'f3-first-unit-leads.xlsx');

const firstRow = (io: { stdout: string[] }): { leadUnits: string[]; relatedUnits: string[] } => JSON.parse(io.stdout[0]).tables[0].rows[0];

describe('--map', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-map-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parse shows the proposed roles and takes a typed mapping', async () => {
    const plain = captureIO();
    expect(await parse.run([F3_XLSX], plain)).toBe(0);
    expect(plain.stdout[0]).toContain('责任单位 → leadUnits');
    const mapped = captureIO();
    expect(await parse.run([F3_XLSX, '--json', '--map', '责任单位=units-first-leads'], mapped)).toBe(0);
    expect(firstRow(mapped)).toMatchObject({ leadUnits: ['区经信局'], relatedUnits: ['区发改局', '区统计局'] });
  });

  it('takes a mapping JSON file', async () => {
    const file = path.join(dir, 'mapping.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, columns: { 责任单位: 'units-first-leads' } }));
    const io = captureIO();
    await parse.run([F3_XLSX, '--json', '--map', file], io);
    expect(firstRow(io).leadUnits).toEqual(['区经信局']);
  });

  it('convert stores the confirmed mapping in the workbook; --map WORKBOOK reuses it', async () => {
    const out = path.join(dir, 'f3.xlsx');
    expect(await convert.run([F3_XLSX, '--no-registry', '-o', out, '--map', '责任单位=units-first-leads'], captureIO())).toBe(0);
    const book = readFenjieWorkbook(new Uint8Array(fs.readFileSync(out)), 'f3.xlsx');
    expect(book.state.mappings).toEqual([expect.objectContaining({ layout: '序号|重点工作|责任领导|责任单位|完成时限', columns: expect.objectContaining({ 责任单位: 'units-first-leads' }) })]);
    expect(book.result.tables[0].mapping).toMatchObject({ units: 'first-leads' });
    expect(book.result.tables[0].rows[0]).toMatchObject({ leadUnits: ['区经信局'], relatedUnits: ['区发改局', '区统计局'] });
    const again = captureIO();
    await parse.run([F3_XLSX, '--json', '--map', out], again);
    expect(firstRow(again).leadUnits).toEqual(['区经信局']);
  });

  it('an unknown role is a coded usage error', async () => {
    await expect(parse.run([F3_XLSX, '--map', '责任单位=boss'], captureIO())).rejects.toMatchObject({ code: 'mapping-invalid' });
  });

  it('validate says when the document is from another city and checks it against its own names', async () => {
    const io = captureIO();
    await validate.run([path.join(FAMILIES, 'f1-tasks-other-columns.docx'), '--json'], io);
    const json = JSON.parse(io.stdout[0]);
    expect(json.city).toBe('西安市雁塔区');
    expect(json.registry).toBe('document');
    expect(json.findings[0]).toMatchObject({ code: 'registry-other-city', severity: 'warning', value: '西安市雁塔区' });
    // 区发改委 is a real unit of the document, not flagged against 太仓's names.
    expect(json.findings.filter((f: { value: string }) => f.value === '区发改委')).toEqual([]);
  });
});

describe('convert of another layout', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-map-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fills 完成时限 from the notice, and says when a column stays empty', async () => {
    const out = path.join(dir, 'f6.xlsx');
    const io = captureIO();
    expect(await convert.run([path.join(FAMILIES, 'f6-projects-other-columns.docx'), '--no-registry', '-o', out], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('[table-column-absent]');
    const book = readFenjieWorkbook(new Uint8Array(fs.readFileSync(out)), 'f6.xlsx');
    expect(book.result.tables[0].rows.map((r) => [r.content, r.leaders, r.tracking?.deadline])).toEqual([
      ['改造老旧小区86个，加装电梯120部。', ['马骏'], '2023-10-31'],
      ['同步完善养老托育等配套设施。', ['马骏'], '2023-12-31'],
      ['新建改造便民菜市场12个。', ['黄丽'], '2023-09-30'],
    ]);
  });

  it('says when a mapping leaves the leaders empty in every row, and refuses a table without content', async () => {
    const io = captureIO();
    await convert.run([F3_XLSX, '--no-registry', '-o', path.join(dir, 'bad.xlsx'), '--map', '责任领导=note', '--json'], io);
    const json = JSON.parse(io.stdout[0]);
    expect(json.emptyColumns.map((f: { code: string; field: string }) => [f.code, f.field])).toEqual([['columns-empty', 'leaders']]);
    const none = convert.run([F3_XLSX, '--no-registry', '-o', path.join(dir, 'none.xlsx'), '--map', '重点工作=note'], captureIO());
    await expect(none).rejects.toMatchObject({ code: 'convert-no-table' });
    expect(fs.existsSync(path.join(dir, 'none.xlsx'))).toBe(false);
  });
});
