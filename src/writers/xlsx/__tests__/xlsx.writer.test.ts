import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { type ParsedTable, type ParseResult, type TaskRecord } from '../../../core/index';
import { buildWorkbookPlan, parseDocument, readFenjieWorkbook } from '../../../core/testing';
import { writeXlsx } from '../xlsx.writer';

const ROOT = path.resolve(__dirname, '../../../..');

async function seed2023(): Promise<ParseResult> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'seeds/000_8040c5413e4a8407.txt')));
  return parseDocument(bytes, '000_8040c5413e4a8407.txt');
}

function part(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === name });
  return strFromU8(files[name]);
}

/** XML with the five entities decoded, so formulas read as typed. */
function unescaped(xml: string): string {
  return xml.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The XML of one cell, e.g. <c r="E2" ...>...</c>. */
function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  return m ? m[0] : '';
}

function withoutTracking(tables: ParsedTable[]): unknown {
  return tables.map((t) => ({ ...t, rows: t.rows.map(({ tracking: _t, ...rest }) => rest) }));
}

describe('writeXlsx', () => {
  let seed: ParseResult;
  let bytes: Uint8Array;

  beforeAll(async () => {
    seed = await seed2023();
    bytes = await writeXlsx(buildWorkbookPlan({ results: [seed], today: '2023-07-01' }));
  });

  it('reads back to the same records (round trip)', async () => {
    const back = await readFenjieWorkbook(bytes, 'out.xlsx');
    expect(back.result.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', 2023, 88],
      ['projects', 2023, 22],
    ]);
    expect(back.result.tables).toEqual(seed.tables);
    expect(back.result.fixes).toEqual(seed.fixes.filter((f) => f.row >= 0 && f.row < seed.tables[f.table].rows.length));
    expect(back.state.planVersion).toBe(1);
  });

  it('writes strict dropdowns with errorStyle "stop" (regression: errorStyle="error" is outside ECMA-376 and openpyxl refused the file)', () => {
    const styles = [...part(bytes, 'xl/worksheets/sheet1.xml').matchAll(/<dataValidation [^>]*?errorStyle="([^"]*)"/g)].map((m) => m[1]);
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.every((style) => ['stop', 'warning', 'information'].includes(style))).toBe(true);
  });

  it('draws tables, dropdowns, conditional formats and the very hidden state sheet', () => {
    const book = part(bytes, 'xl/workbook.xml');
    expect(book).toMatch(/name="_fenjie_state" state="veryHidden"/);
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<dataValidation [^>]*type="list"[^>]*sqref="I2:I89"/);
    expect(sheet).toMatch(/<dataValidation [^>]*errorStyle="stop"/);
    expect(unescaped(sheet)).toContain('"未启动,推进中,已完成,滞后,暂缓"');
    expect(sheet).toMatch(/<cfRule type="cellIs"/);
    expect(unescaped(sheet)).toContain('<formula>AND($K2<>"",$K2<TODAY(),$I2<>"已完成")</formula>');
    expect(sheet).toMatch(/<cfRule type="dataBar"/);
    expect(sheet).toMatch(/<pane xSplit="1" ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toContain('<tableParts count="1">');
    expect(part(bytes, 'xl/tables/table1.xml')).toContain('name="主要工作表"');
  });

  it('shows cells filled from a merge by a grey italic style, not by a note per cell (issue 15)', async () => {
    expect(Object.keys(unzipSync(bytes)).filter((name) => /comments|vmlDrawing/.test(name))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('主要工作');
    const inherited = seed.tables[0].rows.findIndex((r) => r.inherited?.includes('category'));
    expect(inherited).toBeGreaterThan(0);
    const font = ws?.getCell(`C${inherited + 2}`).font;
    expect([font?.italic, font?.color?.argb]).toEqual([true, 'FF808080']);
    expect(ws?.getCell('C2').font?.italic).toBeFalsy();
  });

  it('keeps the worksheet children in schema order, data bars without the x14 extension (issue 11)', () => {
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    const order = ['<sheetData', '<conditionalFormatting', '<dataValidations', '<pageMargins', '<pageSetup', '<tableParts'].map((tag) => sheet.indexOf(tag));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(sheet).not.toContain('x14');
    expect(sheet).toMatch(/<dataBar[^>]*><cfvo type="num" val="0"\/><cfvo type="num" val="1"\/><color rgb="FF5B9BD5"\/><\/dataBar>/);
  });

  it('writes a finding note as a comment with its VML drawing, anchored before the table part', async () => {
    const plan = buildWorkbookPlan({ results: [seed], today: '2023-07-01' });
    plan.sheets[0].cellStyles = [...(plan.sheets[0].cellStyles ?? []), { range: 'F5', fill: { color: '#FFE699' }, note: '“吴敬宇”不在名录中 [leader-unknown]' }];
    const out = await writeXlsx(plan);
    const sheet = part(out, 'xl/worksheets/sheet1.xml');
    expect(sheet.indexOf('<legacyDrawing')).toBeGreaterThan(sheet.indexOf('<pageSetup'));
    expect(sheet.indexOf('<legacyDrawing')).toBeLessThan(sheet.indexOf('<tableParts'));
    expect(part(out, 'xl/comments1.xml')).toContain('<comment ref="F5"');
    expect(part(out, 'xl/drawings/vmlDrawing1.vml')).toContain('<x:Row>4</x:Row><x:Column>5</x:Column>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    expect(JSON.stringify(wb.getWorksheet('主要工作')?.getCell('F5').note)).toContain('leader-unknown');
  });

  it('writes COUNTIFS formulas with cached results on 统计', () => {
    const stats = part(bytes, 'xl/worksheets/sheet4.xml');
    expect(unescaped(stats)).toContain(`<f>COUNTIFS('主要工作'!$A:$A,"?*")-1</f><v>88</v>`);
  });

  it('leaves the 统计 chart out but says at its anchor that the add-in draws it', async () => {
    const anchor = buildWorkbookPlan({ results: [seed], today: '2023-07-01' }).sheets.find((s) => s.role === 'stats')?.charts?.[0]?.anchor ?? '';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(String(wb.getWorksheet('统计')?.getCell(anchor).value)).toContain('加载项');
    expect(Object.keys(unzipSync(bytes)).some((name) => name.startsWith('xl/charts/'))).toBe(false);
  });

  it('reads tracking a clerk edited in the file', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('主要工作');
    if (!ws) throw new Error('no sheet');
    ws.getCell('I3').value = '已完成';
    ws.getCell('J3').value = 0.6;
    ws.getCell('K3').value = new Date(Date.UTC(2023, 5, 30));
    ws.getCell('L3').value = '=SUM(A1) 已开工';
    ws.getCell('M3').value = '2023/7/5';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const back = await readFenjieWorkbook(edited);
    const record = back.result.tables[0].rows[1];
    expect(record.id).toBe(seed.tables[0].rows[1].id);
    expect(record.tracking).toEqual({ status: '已完成', progress: 60, deadline: '2023-06-30', latest: '=SUM(A1) 已开工', updated: '2023-07-05' });
    expect(back.result.tables[0].rows[0].tracking).toBeUndefined();
    expect(withoutTracking(back.result.tables)).toEqual(withoutTracking(seed.tables));
  });

  it('writes text starting with = + - @ as text, never as a formula', async () => {
    const risky = ['=SUM(A1)', '+86 1234', '-5%', '@unit'];
    const result: ParseResult = {
      ...seed,
      tables: [{ kind: 'tasks', title: null, year: 2023, rows: (seed.tables[0].rows as TaskRecord[]).slice(0, 4).map((r, i) => ({ ...r, content: risky[i], tracking: { latest: risky[i] } })) }],
      fixes: [],
    };
    const out = await writeXlsx(buildWorkbookPlan({ results: [result] }));
    const sheet = part(out, 'xl/worksheets/sheet1.xml');
    for (const row of [2, 3, 4, 5]) {
      expect(cellXml(sheet, `E${row}`)).toMatch(/t="s"/);
      expect(cellXml(sheet, `E${row}`)).not.toContain('<f>');
      expect(cellXml(sheet, `L${row}`)).not.toContain('<f>');
    }
    const back = await readFenjieWorkbook(out);
    expect(back.result.tables[0].rows.map((r) => r.content)).toEqual(risky);
    expect(back.result.tables[0].rows.map((r) => r.tracking?.latest)).toEqual(risky);
  });

  it('protects a sheet but leaves editable columns unlocked', async () => {
    const plan = buildWorkbookPlan({ results: [seed] });
    plan.sheets[0].protect = true;
    const out = await writeXlsx(plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('主要工作');
    expect(part(out, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(ws?.getCell('I5').protection?.locked).toBe(false);
    expect(ws?.getCell('E5').protection?.locked).not.toBe(false);
    expect(ws?.getCell('I1').protection?.locked).not.toBe(false);
  });
});
