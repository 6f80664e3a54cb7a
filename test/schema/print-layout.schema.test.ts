/**
 * Defect 15 (issue 11): workbook print and layout, read back by openpyxl from the files the .xlsx
 * writer produces — the fenjie workbook of the 2023 seed (with the registry sheets) and a unit workbook.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { chooseRegistry, indexRegistry, planImport, planSplitFiles, READABLE_PAGE_WIDTH } from '../../src/core/index';
import { parseDocument, readFenjieWorkbook } from '../../src/core/testing';
import { writeXlsx } from '../../src/writers/xlsx/xlsx.writer';

const ROOT = join(__dirname, '..', '..');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

interface SheetPrint {
  orientation: string;
  paperSize: number;
  fitToPage: boolean;
  fitToWidth: number;
  fitToHeight: number;
  titleRows: string | null;
  titleCols: string | null;
  header: { text: string; bold: boolean; fill: string | null; note: string | null; width: number }[];
}

function inspect(bytes: Uint8Array): Record<string, SheetPrint> {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-print-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(PYTHON, [join(__dirname, 'print-layout.py'), file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, SheetPrint>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let workbook: Uint8Array;
let books: { main: Record<string, SheetPrint>; unit: Record<string, SheetPrint> };
let leaderCells: string[];

beforeAll(async () => {
  const seed = await parseDocument(new Uint8Array(readFileSync(join(ROOT, 'seeds/000_8040c5413e4a8407.txt'))), '000_8040c5413e4a8407.txt');
  const choice = chooseRegistry({});
  const { plan } = planImport({ inputs: [{ result: seed, state: null }], registry: { choice, index: await indexRegistry(choice.registry) }, today: '2023-06-01' });
  workbook = await writeXlsx(plan);
  leaderCells = seed.tables.flatMap((t) => t.rows.map((r) => r.leaders.join('、')));
  const read = readFenjieWorkbook(workbook, 'fenjie.xlsx');
  const split = planSplitFiles(read.result.tables, { source: 'fenjie.xlsx', createdAt: '2023-06-01T08:00:00Z' });
  const first = split.plans().next().value!;
  books = { main: inspect(workbook), unit: inspect(await writeXlsx(first.plan)) };
});

describe('defect 15: workbook print and layout', () => {
  it('defect 15 print settings (already held, pinned): every visible sheet prints landscape A4 with its header row repeated', () => {
    for (const [name, sheet] of [...Object.entries(books.main), ...Object.entries(books.unit)]) {
      expect([name, sheet.orientation, sheet.paperSize, sheet.fitToHeight]).toEqual([name, 'landscape', 9, 0]);
      if (sheet.header.length > 0) expect([name, sheet.titleRows]).toEqual([name, expect.stringMatching(/^\$?\d+:\$?\d+$/)]);
    }
  });

  it('regression (defect 15: 领导单位矩阵 squeezed 57 columns onto one page width): a wide sheet spreads over several pages wide, its first column repeated; narrow sheets fit one width', () => {
    const matrix = books.main['领导单位矩阵'];
    const width = matrix.header.reduce((sum, h) => sum + h.width, 0);
    expect(width).toBeGreaterThan(2 * READABLE_PAGE_WIDTH);
    expect(matrix.fitToWidth).toBeGreaterThanOrEqual(3);
    expect(matrix.titleCols).toMatch(/^\$?A:\$?A$/);
    // A page is never scaled below what is readable: each page holds at most READABLE_PAGE_WIDTH characters of columns.
    for (const [name, sheet] of Object.entries(books.main)) {
      const total = sheet.header.reduce((sum, h) => sum + h.width, 0);
      if (sheet.header.length > 0) expect([name, total / sheet.fitToWidth <= READABLE_PAGE_WIDTH + 40]).toEqual([name, true]);
    }
    expect(books.main['统计'].fitToWidth).toBe(1);
  });

  it('regression (defect 15: header rows relied on a table style LibreOffice and WPS do not draw): header cells are bold with an explicit fill', () => {
    for (const [name, sheet] of [...Object.entries(books.main), ...Object.entries(books.unit)]) {
      for (const cell of sheet.header) expect([name, cell.text, cell.bold, cell.fill !== null]).toEqual([name, cell.text, true, true]);
    }
  });

  it('regression (defect 15: names wrapped mid-name in 负责人): the column is as wide as its longest cell', () => {
    const leaders = books.main['主要工作'].header.find((h) => h.text === '负责人')!;
    const longest = Math.max(...leaderCells.filter((t) => [...t].length <= 14).map((t) => [...t].length * 2));
    expect(leaders.width).toBeGreaterThanOrEqual(longest);
  });

  it('regression (defect 15: a fixed row height clipped 2023-P-015): no row has a custom (fixed) height; long rows get a height estimate', () => {
    const files = unzipSync(workbook, { filter: (f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name) });
    for (const [name, data] of Object.entries(files)) expect([name, strFromU8(data).includes('customHeight="1"')]).toEqual([name, false]);
    expect(Object.values(files).some((data) => / ht="\d+"/.test(strFromU8(data)))).toBe(true);
  });

  it('regression (defect 15: the unit workbooks’ fill-in columns were not marked): their header cells have their own fill and a note', () => {
    const sheet = books.unit['主要工作'] ?? books.unit['民生实事'];
    const fillIn = sheet.header.filter((h) => ['进展状态', '完成进度', '完成时限', '最新进展', '更新日期'].includes(h.text));
    const fixed = sheet.header.filter((h) => h.text === '内容和要求' || h.text === '编号');
    expect(fillIn).toHaveLength(5);
    expect(fixed.length).toBeGreaterThan(0);
    for (const h of fillIn) expect([h.text, h.note]).toEqual([h.text, expect.stringContaining('请填写')]);
    expect(new Set(fillIn.map((h) => h.fill)).size).toBe(1);
    expect(fixed.every((h) => h.fill !== fillIn[0].fill && h.note === null)).toBe(true);
  });
});
