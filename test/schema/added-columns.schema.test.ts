/**
 * Issue 10: a workbook with 序号, 时间节点 and extra columns (another city's layout, the f8 family
 * fixture), its unit files, next year's workbook and the exported .docx are valid ECMA-376 and read
 * back by openpyxl / python-docx with those columns.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chooseRegistry, exportNotice, indexRegistry, planImport, planRollover, readInput, type WorkbookPlan } from '../../src/core/index';
import { planUnitWorkbook, assignUnits, readFenjieWorkbook } from '../../src/core/testing';
import { writeXlsx } from '../../src/taskpane/lazy/split.lazy';
import { checkOoxml, readBackDocx, readBackXlsx, type WrittenFile } from './ooxml';

jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'families', 'f8-extra-columns.docx');

async function convertPlan(): Promise<WorkbookPlan> {
  const input = await readInput(new Uint8Array(fs.readFileSync(FIXTURE)), 'f8-extra-columns.docx');
  const choice = chooseRegistry({ explicit: 'default' });
  return planImport({ inputs: [input], registry: { choice, index: await indexRegistry(choice.registry) } }).plan;
}

function headerRow(grid: (string | number | boolean | null)[][]): (string | number | boolean | null)[] {
  return grid.find((row) => row.includes('编号')) ?? [];
}

describe('a workbook with 序号, 时间节点 and extra columns (issue 10)', () => {
  let files: WrittenFile[] = [];
  let master: WrittenFile;

  beforeAll(async () => {
    master = { name: 'f8.xlsx', bytes: await writeXlsx(await convertPlan()) };
    const back = readFenjieWorkbook(master.bytes);
    const unit = assignUnits(back.result.tables).find((a) => a.unit === '区教育局')!;
    const unitFile = { name: 'unit.xlsx', bytes: await writeXlsx(planUnitWorkbook(back.result.tables, unit, { source: 'f8.xlsx', createdAt: '2023-03-01T08:00:00Z' })) };
    const next = { name: 'next.xlsx', bytes: await writeXlsx(planRollover(back.result, { year: 2024 }).plan) };
    files = [master, unitFile, next];
  });

  it('is valid against ECMA-376 (master, unit file, next year)', () => {
    expect(checkOoxml(files)).toEqual([]);
  });

  it('reads back in openpyxl with the columns and their values', () => {
    for (const file of files) {
      const grid = readBackXlsx(file).sheets['主要工作'];
      const header = headerRow(grid);
      expect([file.name, header.filter((h) => ['序号', '时间节点', '资金来源', '备注'].includes(String(h)))]).toEqual([file.name, ['序号', '时间节点', '资金来源', '备注']]);
      const at = grid.indexOf(header);
      const rows = grid.slice(at + 1).map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
      const school = rows.find((r) => r['序号'] === 2)!;
      expect([school['时间节点'], school['资金来源'], school['备注']]).toEqual(['9月底前', '专项债券\n区级财政', '含改扩建']);
    }
    expect(headerRow(readBackXlsx(master).sheets['民生实事'])).toContain('投资额（万元）');
  });

  it('exports a .docx with 序号 and the extra columns, valid and read back by python-docx', () => {
    const back = readFenjieWorkbook(master.bytes);
    const out = exportNotice(back.result, { options: { cover: false } });
    const docx = { name: 'f8.docx', bytes: out.bytes };
    expect(checkOoxml([docx])).toEqual([]);
    const tables = readBackDocx(docx).tables;
    // Headers of narrow columns break over lines (主要责\n任单位).
    expect(tables[0][0].map((h) => h.replace(/\n/g, ''))).toEqual(['序号', '门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位', '时间节点', '资金来源', '备注']);
    expect(tables[0][2].slice(-3)).toEqual(['9月底前', '专项债券\n区级财政', '含改扩建']);
    expect(tables[1][0].map((h) => h.replace(/\n/g, ''))).toContain('投资额（万元）');
    expect(tables[1][1].slice(-1)).toEqual(['1200']);
  });
});
