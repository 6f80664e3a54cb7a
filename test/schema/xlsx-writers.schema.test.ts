/**
 * Every .xlsx package fenjie writes (convert of both seeds, rollover, split, collect, the registry
 * workbook, the pane's downloads) is valid against the ECMA-376 transitional schemas and read back
 * by openpyxl and pandas to the values of fenjie's own plan (issue 11). Before the fix every file
 * was refused by openpyxl (`errorStyle="error"` on the dropdowns).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import {
  chooseRegistry,
  indexRegistry,
  loadDefaultRegistry,
  planImport,
  planRegistryWorkbook,
  planRollover,
  readInput,
  type CellValue,
  type SheetPlan,
  type WorkbookPlan,
} from '../../src/core/index';
import { readFenjieWorkbook } from '../../src/core/testing';
import type { CliIO } from '../../src/cli/cli-io';
import { command as collect } from '../../src/cli/commands/collect.command';
import { command as convert } from '../../src/cli/commands/convert.command';
import { command as rollover } from '../../src/cli/commands/rollover.command';
import { command as split } from '../../src/cli/commands/split.command';
import { writePlanFile, writeSplitZip, writeXlsx } from '../../src/taskpane/lazy/split.lazy';
import { checkOoxml, readBackXlsx, type WrittenFile, type XlsxReadBack } from './ooxml';

jest.setTimeout(300_000);

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const SEED_FILES = ['000_8040c5413e4a8407.txt', '002_9a155e4ec979336d.txt'];

type Value = string | number | boolean | null;

function quietIO(): CliIO {
  return { out: () => undefined, err: () => undefined, lang: 'zh' };
}

function file(p: string): WrittenFile {
  return { name: path.basename(p), bytes: new Uint8Array(fs.readFileSync(p)) };
}

/** A plan value as openpyxl gives it back (formulas as typed, dates as datetimes). */
function expected(value: CellValue): Value {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object') return 'formula' in value ? `=${value.formula.replace(/^=/, '')}` : `${value.date} 00:00:00`;
  return value;
}

/** The grid a plan sheet should read back as, trailing empty cells and rows dropped. */
function planGrid(sheet: SheetPlan): Value[][] {
  const rows: CellValue[][] = [...(sheet.preamble ?? []).map((line) => [line]), ...(sheet.columns.length ? [sheet.columns.map((c) => c.header)] : []), ...sheet.rows];
  return trim(rows.map((row) => row.map(expected)));
}

function trim(grid: Value[][], width = Infinity): Value[][] {
  const rows = grid.map((row) => {
    const cells = row.slice(0, width).map((v) => (v === '' ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Every sheet of the plan, cell by cell, as openpyxl read it (cells the writer adds right of the columns aside). */
function expectSameAsPlan(back: XlsxReadBack, plan: WorkbookPlan): void {
  for (const sheet of plan.sheets) {
    const width = sheet.columns.length > 0 ? sheet.columns.length : 1;
    expect([sheet.name, trim(back.sheets[sheet.name] ?? [], width)]).toEqual([sheet.name, planGrid(sheet)]);
  }
  expect(back.pandasSheets).toEqual(expect.arrayContaining(plan.sheets.map((s) => s.name)));
}

/** Column values by header of a read-back sheet whose header row is the first row holding 编号. */
function columnsOf(grid: Value[][], headers: string[]): Value[][] {
  const at = grid.findIndex((row) => row.includes('编号'));
  const index = headers.map((h) => grid[at].indexOf(h));
  return grid.slice(at + 1).map((row) => index.map((i) => row[i] ?? null));
}

async function planFor(seed: string): Promise<WorkbookPlan> {
  const input = await readInput(new Uint8Array(fs.readFileSync(path.join(SEEDS, seed))), seed);
  const choice = chooseRegistry({ explicit: 'default' });
  return planImport({ inputs: [input], registry: { choice, index: await indexRegistry(choice.registry) } }).plan;
}

describe('every .xlsx fenjie writes is valid ECMA-376 and reads back in openpyxl/pandas (issue 11)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-xlsx-schema-'));
  const converted = SEED_FILES.map((seed) => path.join(dir, `${seed}.xlsx`));
  const next = path.join(dir, 'next.xlsx');
  const units = path.join(dir, 'units');
  const merged = path.join(dir, 'merged.xlsx');
  let unitFiles: string[] = [];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const [i, seed] of SEED_FILES.entries()) expect(await convert.run([path.join(SEEDS, seed), '-o', converted[i]], quietIO())).toBe(0);
    expect(await rollover.run([converted[0], '-o', next], quietIO())).toBe(0);
    expect(await split.run([converted[0], '--by', 'unit', '-o', units], quietIO())).toBe(0);
    unitFiles = fs.readdirSync(units).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(units, f));
    expect(await collect.run([converted[0], units, '-o', merged], quietIO())).toBe(0);
  });

  it('convert, rollover, split and collect (CLI): zero schema errors in every package', () => {
    expect(unitFiles.length).toBeGreaterThan(10);
    expect(checkOoxml([...converted, next, ...unitFiles, merged].map(file))).toEqual([]);
  });

  it.each(SEED_FILES.map((seed, i) => [seed, i]))('convert %s: openpyxl reads every sheet back cell for cell as the plan holds it', async (seed, i) => {
    const back = readBackXlsx(file(converted[i as number]));
    expectSameAsPlan(back, await planFor(seed as string));
  });

  it('rollover, split and collect: ids, titles and leaders read back as fenjie planned them', async () => {
    const master = readFenjieWorkbook(new Uint8Array(fs.readFileSync(converted[0])));
    const tasks = master.result.tables[0].rows;
    const rolled = planRollover(master.result, { registry: loadDefaultRegistry() }).plan;
    const keys = (plan: WorkbookPlan): Value[][] => {
      const sheet = plan.sheets[0];
      const index = ['id', 'item', 'leaders'].map((k) => sheet.columns.findIndex((c) => c.key === k));
      return sheet.rows.map((row) => index.map((i) => expected(row[i])));
    };
    expect(columnsOf(readBackXlsx(file(next)).sheets['主要工作'], ['编号', '项目', '负责人'])).toEqual(keys(rolled));
    const mergedBack = columnsOf(readBackXlsx(file(merged)).sheets['主要工作'], ['编号', '项目', '负责人']);
    expect(mergedBack).toEqual(tasks.map((r) => [r.id ?? null, 'item' in r ? r.item : null, r.leaders.join('、') || null]));
    const unit = unitFiles.find((f) => path.basename(f).includes('发改委')) ?? unitFiles[0];
    const unitRows = columnsOf(readBackXlsx(file(unit)).sheets['主要工作'], ['编号', '项目', '负责人', '本单位职责']);
    expect(unitRows.length).toBeGreaterThan(0);
    const byId = new Map(tasks.map((r) => [r.id, r]));
    for (const [id, item, leaders, role] of unitRows) {
      const record = byId.get(String(id));
      expect([item, leaders]).toEqual([record && 'item' in record ? record.item : undefined, record?.leaders.join('、')]);
      expect(['牵头', '配合']).toContain(role);
    }
  });

  it('the registry workbook: valid, and read back cell for cell', async () => {
    const plan = planRegistryWorkbook(loadDefaultRegistry());
    const written = { name: 'registry.xlsx', bytes: await writeXlsx(plan) };
    expect(checkOoxml([written])).toEqual([]);
    expectSameAsPlan(readBackXlsx(written), plan);
  });

  it("the pane's downloads (units zip, next year's workbook, written with fflate): valid and read back", async () => {
    const master = readFenjieWorkbook(new Uint8Array(fs.readFileSync(converted[0])));
    const { zip, files } = await writeSplitZip(master.result.tables, 'master.xlsx', unitFiles.length);
    // The zip also holds the unit → file list (分发清单.csv/.json) beside the workbooks.
    const inZip = Object.entries(unzipSync(zip)).filter(([name]) => name.endsWith('.xlsx')).map(([name, bytes]) => ({ name, bytes }));
    expect(inZip).toHaveLength(files);
    const rolled = planRollover(master.result, {}).plan;
    const nextYear = { name: 'next.xlsx', bytes: await writePlanFile(rolled) };
    expect(checkOoxml([...inZip, nextYear])).toEqual([]);
    expectSameAsPlan(readBackXlsx(nextYear), rolled);
    expect(columnsOf(readBackXlsx(inZip[0]).sheets['主要工作'], ['编号']).length).toBeGreaterThan(0);
  });
});

describe('Excel ↔ WPS interop rules for .xlsx (issue 11)', () => {
  const base = (): WorkbookPlan => ({
    version: 1,
    sheets: [{ name: '表', role: 'other', columns: [{ key: 'a', header: '单位', width: 20, kind: 'list' }], rows: [['发改委'], ['财政局']] }],
  });

  it('writes a dropdown longer than 255 characters as a reference to the list sheet, valid and read by openpyxl', async () => {
    const plan = base();
    const list = Array.from({ length: 80 }, (_, i) => `第${i + 1}个单位名称`);
    plan.sheets[0].validations = [{ range: 'A2:A3', list, strict: false }];
    const bytes = await writeXlsx(plan);
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain(`<formula1>'_fenjie_lists'!$A$1:$A$80</formula1>`);
    expect(sheet).toContain('errorStyle="warning"');
    const written = { name: 'long-list.xlsx', bytes };
    expect(checkOoxml([written])).toEqual([]);
    const back = readBackXlsx(written);
    expect(back.sheets._fenjie_lists.map((row) => row[0])).toEqual(list);
  });

  it('carries data bars without an x14 extension, valid against the schema', async () => {
    const plan = base();
    plan.sheets[0].rows = [[0.2], [0.9]];
    plan.sheets[0].conditionalFormats = [{ kind: 'dataBar', range: 'A2:A3', color: '#5B9BD5', min: 0, max: 1 }];
    const bytes = await writeXlsx(plan);
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<cfRule type="dataBar"');
    expect(sheet).not.toMatch(/x14|extLst/);
    expect(checkOoxml([{ name: 'bars.xlsx', bytes }])).toEqual([]);
  });

  it('refuses a cell over 32,767 characters with its sheet, row and column, before writing anything (defect 3)', async () => {
    const plan = base();
    plan.sheets[0].rows.push(['长'.repeat(32768)]);
    await expect(writeXlsx(plan)).rejects.toMatchObject({ code: 'cell-too-long', details: { sheet: '表', cell: 'A4', row: 4, column: 1, length: 32768 } });
    await expect(writeXlsx(plan)).rejects.toThrow(/“表”工作表 A4 单元格（第 4 行第 1 列）/);
    plan.sheets[0].rows[2] = ['长'.repeat(32767)];
    await expect(writeXlsx(plan)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('convert refuses a document with a cell over 32,767 characters and leaves no output file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-long-cell-'));
    try {
      const text = fs.readFileSync(path.join(SEEDS, SEED_FILES[0]), 'utf8').replace('\t增长5%左右', `\t增长${'5'.repeat(40000)}%左右`);
      fs.writeFileSync(path.join(dir, 'long.txt'), text);
      const out = path.join(dir, 'out.xlsx');
      await expect(convert.run([path.join(dir, 'long.txt'), '-o', out], quietIO())).rejects.toMatchObject({ code: 'cell-too-long', details: { sheet: '主要工作', row: 2 } });
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a sheet of more than 1,048,576 rows before writing anything', async () => {
    const plan = base();
    plan.sheets[0].rows = new Array<CellValue[]>(1048576).fill([]);
    await expect(writeXlsx(plan)).rejects.toMatchObject({ code: 'sheet-too-many-rows', details: { sheet: '表', rows: 1048577 } });
  });
});
