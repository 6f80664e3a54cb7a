import type { WriteOp } from '../../../core/index';
import { createFakeEtApplication, type FakeEtOptions } from '../../../../test/fakes/et-application.fake';
import { createWpsHost } from '../wps.host';

function setup(options: FakeEtOptions = {}) {
  const fake = createFakeEtApplication(options);
  const host = createWpsHost({ Application: fake.Application, ApiEvent: fake.ApiEvent });
  return { fake, host };
}

describe('WPS host: writing values', () => {
  it('writes a block and reads it back as text', async () => {
    const { fake, host } = setup();
    await host.apply([
      { op: 'addSheet', sheet: '主要工作' },
      { op: 'writeValues', sheet: '主要工作', start: 'B2', values: [['门类', '序号'], ['综合指标', 1], ['民生', 2.5]] },
    ]);
    expect(fake.sheetNames()).toEqual(['Sheet1', '主要工作']);
    const used = await host.readUsedRange('主要工作');
    expect(used).toEqual({ sheet: '主要工作', address: 'B2:C4', values: [['门类', '序号'], ['综合指标', '1'], ['民生', '2.5']], merges: [] });
    expect(fake.sheet('主要工作').valueAt('C3')).toBe(1);
  });

  it('writes strings that look like formulas or numbers as text (NumberFormat "@" first)', async () => {
    const risky = ['=SUM(1,2)', '+86 512', '-5%', '@home', '007'];
    // Control: the fake parses such typing, so the test below can fail.
    const control = createFakeEtApplication();
    control.userEdit('Sheet1', 'A1', '=SUM(1,2)');
    expect(control.sheet('Sheet1').cellAt('A1')?.formula).toBe('=SUM(1,2)');

    const { fake, host } = setup();
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['序号'], ...risky.map((s) => [s]), [3]] }]);
    const sheet = fake.sheet('Sheet1');
    risky.forEach((text, i) => {
      const cell = sheet.cellAt(`A${i + 2}`);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(text);
      expect(cell?.numberFormat).toBe('@');
    });
    expect(sheet.valueAt('A7')).toBe(3);
    expect(sheet.cellAt('A7')?.numberFormat).toBeUndefined();
  });

  it('writes whole text columns with one NumberFormat call and the block with one Value2 call', async () => {
    const { fake, host } = setup();
    const rows = Array.from({ length: 500 }, (_, i) => [`任务${i}`, `单位${i}`, i]);
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: rows }]);
    const methods = fake.calls.map((c) => c.method);
    expect(methods.filter((m) => m === 'Range.Value2')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'Range.NumberFormat')).toEqual([{ method: 'Range.NumberFormat', sheet: 'Sheet1', address: 'A1:B500' }]);
  });

  it('writes dates as serials with a date format and formulas as formulas', async () => {
    const { fake, host } = setup();
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [[{ date: '2023-03-01' }, { formula: 'COUNTA(A:A)' }, null, true]] }]);
    const sheet = fake.sheet('Sheet1');
    expect(sheet.valueAt('A1')).toBe(44986);
    expect(sheet.cellAt('A1')?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.cellAt('B1')?.formula).toBe('=COUNTA(A:A)');
    expect(sheet.valueAt('C1')).toBeUndefined();
    expect(sheet.valueAt('D1')).toBe(true);
    const used = await host.readUsedRange('Sheet1');
    expect(used.values[0][0]).toBe('2023-03-01');
  });
});

describe('WPS host: the batch is checked before any change', () => {
  it('refuses a batch with a bad late step without touching the workbook', async () => {
    const { fake, host } = setup();
    const ops: WriteOp[] = [
      { op: 'addSheet', sheet: '主要工作' },
      { op: 'writeValues', sheet: '主要工作', start: 'A1', values: [['a']] },
      { op: 'writeValues', sheet: '不存在', start: 'A1', values: [['b']] },
    ];
    await expect(host.apply(ops)).rejects.toMatchObject({ code: 'host-invalid-op', details: expect.objectContaining({ index: 2 }) });
    expect(fake.calls).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  it.each<[string, WriteOp[]]>([
    ['a non-finite number', [{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['a', 'b'], [Infinity]] }]],
    ['a bad address', [{ op: 'merge', sheet: 'Sheet1', range: 'A1:ZZZZ9' }]],
    ['a duplicate sheet', [{ op: 'addSheet', sheet: 'sheet1' }]],
    ['a bad sheet name', [{ op: 'addSheet', sheet: '名录/2023' }]],
    ['hiding the last visible sheet', [{ op: 'setSheetVisibility', sheet: 'Sheet1', visibility: 'hidden' }]],
    ['a bad colour', [{ op: 'setFormat', sheet: 'Sheet1', range: 'A1', format: { fill: { color: 'red' } } }]],
    ['a renamed-away sheet used later', [{ op: 'renameSheet', sheet: 'Sheet1', to: '统计' }, { op: 'setNote', sheet: 'Sheet1', cell: 'A1', text: 'x' }]],
  ])('refuses %s', async (_label, ops) => {
    const { fake, host } = setup();
    await expect(host.apply(ops)).rejects.toMatchObject({ code: 'host-invalid-op' });
    expect(fake.calls).toEqual([]);
  });

  it('pads short rows instead of failing midway', async () => {
    const { fake, host } = setup();
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['a', 'b'], ['c']] }]);
    expect((await host.readUsedRange('Sheet1')).values).toEqual([['a', 'b'], ['c', '']]);
    expect(fake.sheet('Sheet1').valueAt('B2')).toBeUndefined();
  });

  it('follows sheets added and renamed earlier in the same batch', async () => {
    const { fake, host } = setup();
    await host.apply([
      { op: 'addSheet', sheet: 'tmp' },
      { op: 'renameSheet', sheet: 'tmp', to: '统计' },
      { op: 'writeValues', sheet: '统计', start: 'A1', values: [['ok']] },
    ]);
    expect(fake.sheet('统计').valueAt('A1')).toBe('ok');
  });
});

describe('WPS host: a step failing midway', () => {
  it('says which step failed, and puts the workbook back as it was (WPS cannot undo: the batch is rolled back)', async () => {
    const { fake, host } = setup({ failWhen: (call) => call.method === 'Validation.Add' });
    const ops: WriteOp[] = [
      { op: 'addSheet', sheet: '主要工作' },
      { op: 'writeValues', sheet: '主要工作', start: 'A1', values: [['状态'], ['未开始']] },
      { op: 'setListValidation', sheet: '主要工作', range: 'A2:A10', list: ['未开始', '推进中', '已完成'], strict: true },
      { op: 'freeze', sheet: '主要工作', rows: 1, cols: 0 },
    ];
    const error = await host.apply(ops).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'host-apply-rolled-back', details: { causeCode: 'host-apply-partial', applied: 2, failedIndex: 2, done: { addSheet: 1, writeValues: 1 } } });
    expect((error as Error).message).toContain('第 3/4 步');
    expect((error as Error).message).toContain('已恢复');
    expect((error as { messageEn: string }).messageEn).toContain('add sheet ×1, write values ×1');
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  it('restores screen updating and events after a failure', async () => {
    const { fake, host } = setup({ failWhen: (call) => call.method === 'Range.Merge' });
    await expect(host.apply([{ op: 'merge', sheet: 'Sheet1', range: 'A1:B2' }])).rejects.toMatchObject({ code: 'host-apply-rolled-back', details: { causeCode: 'host-apply-partial' } });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    expect(fake.Application.ScreenUpdating).toBe(true);
    expect(fake.Application.EnableEvents).toBe(true);
    expect(fake.Application.DisplayAlerts).toBe(true);
  });
});

describe('WPS host: change events', () => {
  const tick = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each(['sync', 'deferred'] as const)('reports user edits but not its own writes (events %s)', async (eventDelivery) => {
    const { fake, host } = setup({ eventDelivery });
    const events: unknown[] = [];
    host.onChange((e) => events.push(e));
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['状态'], ['未开始']] }]);
    await host.writeState({ planVersion: 1 });
    await tick();
    expect(events).toEqual([]);
    fake.userEdit('Sheet1', 'A2:A3', [['已完成'], ['推进中']]);
    fake.userEdit('_fenjie_state', 'A1', '{}');
    await tick();
    expect(events).toEqual([{ sheet: 'Sheet1', address: 'A2:A3' }]);
  });

  it('registers one SheetChange listener with WPS and removes it when the last one leaves', async () => {
    const { fake, host } = setup();
    const off1 = host.onChange(() => undefined);
    const off2 = host.onChange(() => undefined);
    expect(fake.core.listeners.get('SheetChange')).toHaveLength(1);
    off1();
    expect(fake.core.listeners.get('SheetChange')).toHaveLength(1);
    off2();
    expect(fake.core.listeners.get('SheetChange')).toHaveLength(0);
  });
});

describe('WPS host: reading costs few calls', () => {
  it('reads 2,000 rows with numbers, dates and two merges in a few dozen Range lookups', async () => {
    const { fake, host } = setup();
    const rows = Array.from({ length: 2000 }, (_, i) => [`任务${i}`, i + 1, { date: '2023-06-30' }, i % 2 === 0 ? 0.5 : 'x']);
    await host.apply([
      { op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: rows },
      { op: 'merge', sheet: 'Sheet1', range: 'A10:A12' },
      { op: 'merge', sheet: 'Sheet1', range: 'B1500:C1500' },
    ]);
    const before = fake.core.rangeLookups;
    const used = await host.readUsedRange('Sheet1');
    const lookups = fake.core.rangeLookups - before;
    expect(used.merges).toEqual(expect.arrayContaining([{ row: 9, col: 0, rows: 3, cols: 1 }, { row: 1499, col: 1, rows: 1, cols: 2 }]));
    expect(used.merges).toHaveLength(2);
    expect(used.values[1]).toEqual(['任务1', '2', '2023-06-30', 'x']);
    expect(used.values[2]).toEqual(['任务2', '3', '2023-06-30', '0.5']);
    // Column D alternates text and numbers, the worst case: about two lookups per numeric cell.
    expect(lookups).toBeLessThan(2 * 1000 + 100);
    // Columns A–C alone, with one merge breaking column C's date format, cost a few dozen.
    const { fake: fake2, host: host2 } = setup();
    await host2.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: rows.map((r) => r.slice(0, 3)) }, { op: 'merge', sheet: 'Sheet1', range: 'B1500:C1500' }]);
    const before2 = fake2.core.rangeLookups;
    await host2.readUsedRange('Sheet1');
    expect(fake2.core.rangeLookups - before2).toBeLessThan(100);
  });
});

describe('WPS host: no workbook open', () => {
  it('says to open a workbook instead of failing obscurely', async () => {
    const { fake } = setup();
    const bare = { ...fake.Application, ActiveWorkbook: null, ActiveSheet: null } as typeof fake.Application;
    const host = createWpsHost({ Application: bare });
    await expect(host.listSheets()).rejects.toMatchObject({ code: 'host-no-workbook' });
    await expect(host.getActiveSheet()).rejects.toMatchObject({ code: 'host-no-workbook' });
    expect((await host.getCapabilities()).dataBars).toBe(false);
  });
});

describe('WPS host: errors outside a batch', () => {
  it('refuses a bad address for select and wraps WPS failures as host-failed', async () => {
    const { fake, host } = setup();
    await expect(host.select('Sheet1', 'B2:')).rejects.toMatchObject({ code: 'host-invalid-op' });
    const broken = { ...fake.Application, ActiveWorkbook: { Worksheets: { Count: 1, Item: () => { throw new Error('COM 错误'); }, Add: () => { throw new Error('x'); } } } } as unknown as typeof fake.Application;
    await expect(createWpsHost({ Application: broken }).listSheets()).rejects.toMatchObject({ code: 'host-failed' });
  });
});
