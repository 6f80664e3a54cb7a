/**
 * A user pasted the Word tables into a sheet: title rows, merged cells, names on several lines,
 * the header repeated per block, blank rows. The sheet is built here from the 2023 seed's records
 * and must read (readXlsx → parseGrids) to the same records.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { isFenjieError } from '../../errors';
import { parseDocument, parseGrids } from '../../parse/parse-document';
import type { ParsedTable, ParseResult, ProjectRecord, TaskRecord } from '../../model/records.model';
import { readXlsx, readXlsxSheets } from '../xlsx.reader';

const SEED = path.resolve(__dirname, '../../../../seeds/000_8040c5413e4a8407.txt');

const TASK_HEADER = ['门类', '项   目', '内 容 和 要 求', '负责人', '主要责\n任单位', '相关单位'];
const TASK_FIELDS = ['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits'];
const PROJECT_FIELDS = ['no', 'category', 'name', 'content', 'task', 'leaders', 'leadUnits', 'relatedUnits'];

function cellText(record: TaskRecord | ProjectRecord, field: string): string {
  const value = (record as unknown as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value.join('\n');
  return value === null || value === undefined ? '' : String(value);
}

/** Writes one table as Word would paste it: merged runs where a value was inherited. */
function pasteTable(ws: ExcelJS.Worksheet, table: ParsedTable, startRow: number): number {
  const fields = table.kind === 'tasks' ? TASK_FIELDS : PROJECT_FIELDS;
  const header = table.kind === 'tasks' ? TASK_HEADER : ['序号', '分类', '项目名称', '主要建设内容', `${table.year}年工作任务`, '分管领导', '主要责任单位', '相关单位'];
  let r = startRow;
  ws.getCell(r, 1).value = table.title;
  ws.mergeCells(r, 1, r, header.length);
  r += 1;
  const runStart: number[] = [];
  const closeRuns = (end: number): void => {
    runStart.forEach((start, c) => {
      if (start !== undefined && end > start) ws.mergeCells(start, c + 1, end, c + 1);
    });
    runStart.length = 0;
  };
  const writeHeader = (): void => {
    header.forEach((h, c) => (ws.getCell(r, c + 1).value = h));
    r += 1;
  };
  writeHeader();
  (table.rows as (TaskRecord | ProjectRecord)[]).forEach((record, i) => {
    if (i > 0 && i % 25 === 0 && record.inherited.length === 0) {
      closeRuns(r - 1);
      r += 1; // a blank row between page blocks
      writeHeader();
    }
    fields.forEach((field, c) => {
      if (record.inherited.includes(field) && runStart[c] !== undefined) return;
      if (runStart[c] !== undefined && r - 1 > runStart[c]) ws.mergeCells(runStart[c], c + 1, r - 1, c + 1);
      runStart[c] = r;
      const text = cellText(record, field);
      ws.getCell(r, c + 1).value = field === 'no' && text !== '' ? Number(text) : text || null;
    });
    r += 1;
  });
  closeRuns(r - 1);
  return r;
}

async function pastedWorkbook(seed: ParseResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  let r = pasteTable(ws, seed.tables[0], 1);
  r += 2;
  ws.getCell(r, 1).value = '附件2';
  r = pasteTable(ws, seed.tables[1], r + 1);
  ws.getCell(r + 3, 1).value = '（此页无正文）';
  wb.addWorksheet('Hidden', { state: 'hidden' }).getCell('A1').value = 'not a table';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx (a pasted Word table)', () => {
  let seed: ParseResult;
  let bytes: Uint8Array;

  beforeAll(async () => {
    seed = await parseDocument(new Uint8Array(fs.readFileSync(SEED)), 'seed.txt');
    bytes = await pastedWorkbook(seed);
  });

  it('reads merges, lines, titles and blocks into grids', () => {
    const doc = readXlsx(bytes);
    expect(doc.format).toBe('xlsx');
    expect(doc.grids).toHaveLength(2);
    expect(doc.grids[0].before).toEqual([seed.tables[0].title]);
    expect(doc.grids[1].before).toEqual(['附件2', seed.tables[1].title]);
    expect(doc.paragraphs).toContain('（此页无正文）');
    const [header, first, second] = doc.grids[0].rows;
    expect(header.cells[4].paragraphs).toEqual(['主要责', '任单位']);
    expect(first.cells[0].vMerge).toBe('restart');
    expect(second.cells[0]).toEqual({ paragraphs: [], vMerge: 'continue' });
    expect(doc.grids.flatMap((g) => g.rows).every((row) => row.cells.some((c) => c.paragraphs.join('').trim() !== '' || c.vMerge === 'continue'))).toBe(true);
  });

  it('parses to the same records as the seed', () => {
    const pasted = parseGrids(readXlsx(bytes), 'pasted.xlsx');
    expect(pasted.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', 2023, 88],
      ['projects', 2023, 22],
    ]);
    expect(pasted.tables).toEqual(seed.tables);
  });
});

/** A hand-made package: inline strings, rich text with phonetic runs, dates, percentages, 1904 dates. */
function handMadeXlsx(date1904: boolean, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="xl/workbook.xml" Type="officeDocument"/></Relationships>',
    'xl/workbook.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><x:workbookPr date1904="${date1904 ? 1 : 0}"/><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/s1.xml"/><Relationship Id="rId2" Target="/xl/strings.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/><Relationship Id="rId3" Target="styles.xml"/></Relationships>',
    'xl/strings.xml': '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>吴敬宇</t></r><r><t xml:space="preserve">\n郑丙华</t></r><rPh><t>ウ</t></rPh></si></sst>',
    'xl/styles.xml': '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    'xl/worksheets/s1.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="C2" t="s"><x:v>0</x:v></x:c><x:c r="D2" s="1"><x:v>45107</x:v></x:c></x:row>
      <x:row r="3"><x:c r="B3" s="2"><x:v>0.75</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3" s="3"><x:v>43831</x:v></x:c><x:c r="E3"><x:v>0.1</x:v></x:c></x:row>
      </x:sheetData><x:mergeCells><x:mergeCell ref="B4:C5"/></x:mergeCells></x:worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level });
}

describe('readXlsxSheets (SpreadsheetML details)', () => {
  it('reads inline and rich strings, booleans, dates and percentages as display text', () => {
    const [sheet] = readXlsxSheets(handMadeXlsx(false));
    expect(sheet.sheet).toBe('表');
    expect(sheet.address).toBe('B2:E5');
    expect(sheet.values[0]).toEqual(['内联', '吴敬宇\n郑丙华', '2023-06-30', '']);
    expect(sheet.values[1]).toEqual(['75%', 'TRUE', '2020-01-01', '0.1']);
    expect(sheet.merges).toEqual([{ row: 2, col: 0, rows: 2, cols: 2 }]);
  });

  it('reads cell attributes written in any valid spelling (issue 15: one scan, with the attribute reader as fallback)', () => {
    const xlsx = handMadeXlsx(false);
    const files = unzipSync(xlsx);
    const sheet = new TextDecoder().decode(files['xl/worksheets/s1.xml'])
      .replace('<x:c r="B2" t="inlineStr">', "<x:c\tt = 'inlineStr'  r='B2'>")
      .replace('<x:c r="C2" t="s">', '<x:c x14ac:foo="1" r="C2"\nt="s">')
      .replace('<x:c r="D2" s="1">', '<x:c s="1" rs="9" r="D&#50;">');
    files['xl/worksheets/s1.xml'] = strToU8(sheet);
    const [read] = readXlsxSheets(zipSync(files));
    expect(read.values[0]).toEqual(['内联', '吴敬宇\n郑丙华', '2023-06-30', '']);
  });

  it('honours the 1904 date system', () => {
    const [sheet] = readXlsxSheets(handMadeXlsx(true));
    expect(sheet.values[0][2]).toBe('2027-07-01');
  });

  it('refuses a DOCTYPE and damaged XML with typed errors', () => {
    const bad = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<!DOCTYPE x [<!ENTITY a "b">]><workbook><sheets/></workbook>'),
    });
    expect(() => readXlsx(bad)).toThrow(expect.objectContaining({ code: 'xml-doctype' }));
    const broken = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" r:id="rId1"') });
    expect(() => readXlsx(broken)).toThrow(expect.objectContaining({ code: 'xml-invalid' }));
  });
});

describe('readXlsx on damaged packages', () => {
  it.each([6, 0] as const)('throws nothing but typed errors for corrupted bytes (deflate level %d)', (level) => {
    const good = handMadeXlsx(false, level);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const bad = good.slice();
        for (const [at, value] of flips) bad[at] = value;
        try {
          readXlsx(bad);
        } catch (error) {
          expect(isFenjieError(error)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
