import { type CellValue, type WorkbookPlan, type WriteOp } from '../../../core';
import { planToOps } from '../../../core/testing';
import { createExcelFake, type ExcelFake } from '../../../../test/fakes/excel.fake';
import { PAYLOAD_LIMIT } from '../../../../test/fakes/excel-fake-core';
import { createOfficeHost } from '../office.host';
import type { OfficeEnv } from '../office-env';

function hostOver(fake: ExcelFake, extra: Partial<OfficeEnv> = {}) {
  return createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office, ownWriteQuietMs: 0, ...extra });
}

function taskPlan(rows: number): WorkbookPlan {
  const body: CellValue[][] = Array.from({ length: rows }, (_, i) => [i + 1, `第${i + 1}项重点工作：推进政务服务“一网通办”改革`, '张三、李四', '县政务服务中心', '推进中', 0.3, { date: '2023-12-31' }]);
  return {
    version: 1,
    sheets: [
      {
        name: '主要工作',
        role: 'tasks',
        table: { name: '主要工作表' },
        columns: [
          { key: 'seq', header: '序号', width: 6, kind: 'number' },
          { key: 'content', header: '重点工作', width: 50, kind: 'text', wrap: true },
          { key: 'leaders', header: '牵头领导', width: 12, kind: 'text' },
          { key: 'units', header: '责任单位', width: 20, kind: 'text' },
          { key: 'status', header: '状态', width: 10, kind: 'list', list: ['未开始', '推进中', '已完成'] },
          { key: 'progress', header: '进度', width: 8, kind: 'percent' },
          { key: 'deadline', header: '期限', width: 12, kind: 'date' },
        ],
        rows: body,
        freeze: { rows: 1, cols: 0 },
        validations: [{ range: `E2:E${rows + 1}`, list: ['未开始', '推进中', '已完成'], strict: true }],
        conditionalFormats: [{ kind: 'dataBar', range: `F2:F${rows + 1}`, color: '#5B9BD5', min: 0, max: 1 }],
      },
    ],
  };
}

describe('office host over the recording fake', () => {
  it('imports 100 rows in one Excel.run with at most 4 syncs, delayForCellEdit, events restored', async () => {
    const fake = createExcelFake();
    const host = hostOver(fake);
    fake.resetCounts();
    await host.apply(planToOps(taskPlan(100)));
    const rec = fake.recorder;
    expect(rec.runs).toBe(1);
    expect(rec.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(rec.syncs).toBeLessThanOrEqual(4);
    expect(rec.unsynced).toBe(0);
    expect(rec.suspendedSyncs).toBeGreaterThanOrEqual(1);
    expect(fake.shared.enableEvents).toBe(true);
    expect(rec.calls.filter((c) => c.member === 'runtime' || c.member === 'enableEvents').length).toBe(2);
  });

  it('writes values as 2-D blocks with the number formats set first, never cell by cell', async () => {
    const fake = createExcelFake();
    await hostOver(fake).apply(planToOps(taskPlan(100)));
    const calls = fake.recorder.calls;
    const valueCalls = calls.filter((c) => c.member === 'values');
    expect(valueCalls).toHaveLength(1);
    expect(valueCalls[0]).toMatchObject({ rows: 101, cols: 7 });
    const i = calls.indexOf(valueCalls[0]);
    const formatsBefore = calls.slice(0, i).filter((c) => c.member === 'numberFormat');
    // One broadcast format per run down each column (header text, then the column's data).
    expect(formatsBefore.length).toBeGreaterThanOrEqual(7);
    expect(formatsBefore.length).toBeLessThanOrEqual(14);
    expect(formatsBefore.every((c) => c.rows === 1 && c.cols === 1)).toBe(true);
    const firstFormat = calls.findIndex((c) => c.member.startsWith('format.'));
    expect(firstFormat).toBeGreaterThan(i);
    const sheet = fake.sheet('主要工作');
    expect(sheet?.cells.get('0,1')?.numberFormat).toBe('@');
    expect(sheet?.cells.get('5,1')?.numberFormat).toBe('@');
    expect(sheet?.cells.get('5,0')?.numberFormat).toBe('General');
    expect(sheet?.cells.get('5,6')?.numberFormat).toBe('yyyy-mm-dd');
  });

  it('styles thousands of cells alike with a few multi-area calls, keeping the last style on overlaps', async () => {
    const fake = createExcelFake();
    const grey = { font: { color: '#808080', italic: true } };
    const ops: WriteOp[] = [{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: Array.from({ length: 3000 }, (_, i) => [`a${i}`, `b${i}`]) }];
    for (let r = 1; r <= 3000; r++) ops.push({ op: 'setFormat', sheet: 'Sheet1', range: `B${r}`, format: grey });
    ops.push({ op: 'setFormat', sheet: 'Sheet1', range: 'B2', format: { font: { color: '#FF0000' } } });
    ops.push({ op: 'setFormat', sheet: 'Sheet1', range: 'B2', format: grey });
    await hostOver(fake).apply(ops);
    const areaCalls = fake.recorder.calls.filter((c) => c.member === 'getRanges');
    expect(areaCalls.length).toBeGreaterThan(0);
    expect(areaCalls.length).toBeLessThan(30);
    const colors = fake.sheet('Sheet1')?.formats.filter((f) => f.property === 'format.font.color') ?? [];
    expect(new Set(colors.filter((f) => f.value === '#808080').map((f) => f.range)).size).toBe(3000);
    const b2 = colors.filter((f) => f.range === 'B2').map((f) => f.value);
    expect(b2[b2.length - 1]).toBe('#808080');
  });

  it('keeps text that looks like a formula as text, and writes formulas and dates as such', async () => {
    const fake = createExcelFake();
    await hostOver(fake).apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['=1+1', '+86', '@a', '-1', { formula: 'SUM(1,2)' }, { date: '2023-03-01' }, 7]] }]);
    const cells = [0, 1, 2, 3, 4, 5, 6].map((c) => fake.sheet('Sheet1')?.cells.get(`0,${c}`));
    expect(cells.slice(0, 4).map((c) => [c?.value, c?.numberFormat, c?.formula])).toEqual([
      ['=1+1', '@', undefined], ['+86', '@', undefined], ['@a', '@', undefined], ['-1', '@', undefined],
    ]);
    expect(cells[4]?.formula).toBe('=SUM(1,2)');
    expect(cells[5]).toMatchObject({ value: 44986, numberFormat: 'yyyy-mm-dd' });
    expect(cells[6]).toMatchObject({ value: 7, numberFormat: 'General' });
  });

  it('the fake itself turns such strings into formulas when written naively (so the test above can fail)', async () => {
    const fake = createExcelFake();
    await fake.Excel.run(async (context: unknown) => {
      const ctx = context as Excel.RequestContext;
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').values = [['=1+1', '001', '@a']];
      await ctx.sync();
    });
    const cells = [0, 1, 2].map((c) => fake.sheet('Sheet1')?.cells.get(`0,${c}`));
    expect(cells.map((c) => c?.formula ?? c?.value)).toEqual(['=1+1', 1, '=a']);
  });

  it('chunks a large block so no request passes the budget, and keeps the data whole', async () => {
    const fake = createExcelFake();
    const budget = 64 * 1024;
    const host = hostOver(fake, { payloadBudgetBytes: budget });
    const values: CellValue[][] = Array.from({ length: 2000 }, (_, i) => [i, `行${i}`.repeat(20)]);
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'B2', values }]);
    const chunks = fake.recorder.calls.filter((c) => c.member === 'values');
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.reduce((n, c) => n + (c.rows ?? 0), 0)).toBe(2000);
    expect(Math.max(...fake.recorder.syncPayloads)).toBeLessThanOrEqual(budget + 1024);
    const used = await host.readUsedRange('Sheet1');
    expect(used.address).toBe('B2:C2001');
    expect(used.values[1999]).toEqual(['1999', '行1999'.repeat(20)]);
  });

  it('writes more than 5 MB in one apply without hitting the request limit', async () => {
    const fake = createExcelFake();
    const values: CellValue[][] = Array.from({ length: 6000 }, (_, i) => [`${i}：${'很长的任务描述'.repeat(60)}`]);
    await hostOver(fake).apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values }]);
    expect(fake.recorder.syncPayloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(Math.max(...fake.recorder.syncPayloads)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(fake.recorder.runs).toBe(1);
  });

  it('turns events back on, rolls the batch back and reports the translated error when a write fails midway', async () => {
    const fake = createExcelFake();
    fake.shared.failOn = (member) => (member === 'merge' ? 'GeneralException' : undefined);
    const host = hostOver(fake);
    const ops: WriteOp[] = [{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['a', 'b']] }, { op: 'merge', sheet: 'Sheet1', range: 'A1:B1' }];
    await expect(host.apply(ops)).rejects.toMatchObject({ name: 'FenjieError', code: 'host-apply-rolled-back', details: expect.objectContaining({ causeCode: 'host-failed', officeCode: 'GeneralException' }) });
    expect(fake.shared.enableEvents).toBe(true);
    expect(fake.data.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect((await host.readUsedRange('Sheet1')).values).toEqual([['']]);
  });

  it('degrades by requirement set: no notes before 1.18, no dropdowns before 1.8, one entry per kind', async () => {
    for (const [apiMinor, expected] of [[14, ['setNote']], [18, []], [7, ['setListValidation', 'setNote']]] as const) {
      const fake = createExcelFake({ apiMinor });
      const report = await hostOver(fake).apply([
        { op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['状态'], ['推进中']] },
        { op: 'setListValidation', sheet: 'Sheet1', range: 'A2', list: ['未开始', '推进中'], strict: true },
        { op: 'setNote', sheet: 'Sheet1', cell: 'A2', text: '核对' },
        { op: 'setNote', sheet: 'Sheet1', cell: 'A1', text: '核对' },
      ]);
      if (apiMinor < 18) expect(report.degraded.find((d) => d.op === 'setNote')?.message).toMatch(/共 2 处/);
      expect(report.degraded.map((d) => d.op)).toEqual(expected);
      expect(fake.sheet('Sheet1')?.notes.length).toBe(apiMinor >= 18 ? 2 : 0);
    }
  });

  it('skips a dropdown whose inline source is longer than Excel allows', async () => {
    const fake = createExcelFake();
    const list = Array.from({ length: 80 }, (_, i) => `单位名称${i}`);
    const report = await hostOver(fake).apply([{ op: 'setListValidation', sheet: 'Sheet1', range: 'A1:A5', list, strict: false }]);
    expect(report.degraded).toEqual([expect.objectContaining({ op: 'setListValidation' })]);
    expect(fake.sheet('Sheet1')?.validations).toEqual([]);
  });

  it('reads a pasted sheet with merged areas', async () => {
    const fake = createExcelFake({ sheets: [{ name: '粘贴', values: [[null, null, null], [null, '序号', '工作'], [null, '1', '甲'], [null, null, '乙']], merges: ['B3:B4', 'A1:C1'] }] });
    const used = await hostOver(fake).readUsedRange('粘贴');
    expect(used).toEqual({ sheet: '粘贴', address: 'B2:C4', values: [['序号', '工作'], ['1', '甲'], ['', '乙']], merges: [{ row: 1, col: 0, rows: 2, cols: 1 }] });
  });

  it('unregisters its change handler when the last listener leaves', async () => {
    const fake = createExcelFake();
    const host = hostOver(fake);
    const off = host.onChange(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.shared.handlers).toHaveLength(1);
    off();
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.shared.handlers).toHaveLength(0);
  });

  it('refuses to select on a hidden sheet', async () => {
    const fake = createExcelFake({ sheets: [{ name: 'A' }, { name: 'H', visibility: 'Hidden' }] });
    await expect(hostOver(fake).select('H', 'A1')).rejects.toMatchObject({ code: 'host-invalid-op' });
  });
});

describe('office host reading a used range bigger than one response', () => {
  it('falls back to row chunks when the text passes the 5 MB response limit', async () => {
    const fake = createExcelFake();
    const host = hostOver(fake);
    const values: CellValue[][] = Array.from({ length: 12000 }, (_, i) => [`${i}`, `${'很长的单元格内容'.repeat(20)}${i}`]);
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values }]);
    fake.resetCounts();
    const used = await host.readUsedRange('Sheet1');
    expect(used.address).toBe('A1:B12000');
    expect(used.values).toHaveLength(12000);
    expect(used.values[11999]).toEqual(['11999', `${'很长的单元格内容'.repeat(20)}11999`]);
    expect(fake.recorder.runs).toBeGreaterThan(2);
  });
});
