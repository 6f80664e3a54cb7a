import { createFakeEtApplication, type FakeEtOptions } from '../../../../test/fakes/et-application.fake';
import { toBgr } from '../wps-color';
import { createWpsHost } from '../wps.host';

function setup(options: FakeEtOptions = {}) {
  const fake = createFakeEtApplication(options);
  return { fake, host: createWpsHost({ Application: fake.Application }) };
}

describe('WPS host: formats', () => {
  it('adds an equals rule with a BGR fill and the value quoted as a formula', async () => {
    const { fake, host } = setup();
    await host.apply([{ op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'equals', range: 'H2:H89', value: '已完成', fill: { color: '#C6EFCE' }, font: { color: '#006100' } } }]);
    expect(fake.sheet('Sheet1').conditions).toEqual([
      expect.objectContaining({ type: 1, operator: 3, formula1: '="已完成"', interiorColor: toBgr('#C6EFCE'), fontColor: toBgr('#006100') }),
    ]);
    expect(toBgr('#C6EFCE')).not.toBe(0xc6efce);
  });

  it('adds expression rules, data bars and colour scales', async () => {
    const { fake, host } = setup();
    await host.apply([
      { op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'expression', range: 'J2:J89', formula: 'AND(J2<>"",J2<TODAY())', fill: { color: '#FFC7CE' } } },
      { op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'dataBar', range: 'I2:I89', color: '#638EC6', min: 0, max: 1 } },
      { op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'colorScale', range: 'K2:K9', minColor: '#FFFFFF', maxColor: '#63BE7B' } },
    ]);
    const [expr, bar, scale] = fake.sheet('Sheet1').conditions;
    expect(expr).toMatchObject({ type: 2, formula1: '=AND(J2<>"",J2<TODAY())', interiorColor: toBgr('#FFC7CE') });
    expect(bar).toMatchObject({ type: 4, barColor: toBgr('#638EC6'), minPoint: { type: 0, value: 0 }, maxPoint: { type: 0, value: 1 } });
    expect(scale.scale?.map((c) => c.color)).toEqual([toBgr('#FFFFFF'), toBgr('#63BE7B')]);
  });

  it('reports data bars as degraded when this WPS has none', async () => {
    const { fake, host } = setup({ noDatabar: true });
    expect((await host.getCapabilities()).dataBars).toBe(false);
    const report = await host.apply([{ op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'dataBar', range: 'I2:I9', color: '#638EC6' } }]);
    expect(report.degraded).toEqual([expect.objectContaining({ op: 'addConditionalFormat', sheet: 'Sheet1' })]);
    const twice = await host.apply([
      { op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'dataBar', range: 'I2:I9', color: '#638EC6' } },
      { op: 'addConditionalFormat', sheet: 'Sheet1', rule: { kind: 'colorScale', range: 'J2:J9', minColor: '#FFFFFF', maxColor: '#63BE7B' } },
    ]);
    expect(twice.degraded).toHaveLength(1);
    expect(twice.degraded[0].message).toContain('共 2 处');
    expect(fake.sheet('Sheet1').conditions).toEqual([]);
  });

  it('sets list validation, replacing an old one, strict as stop and loose as warning', async () => {
    const { fake, host } = setup();
    await host.apply([{ op: 'setListValidation', sheet: 'Sheet1', range: 'H2:H89', list: ['未开始', '推进中'], strict: false }]);
    await host.apply([{ op: 'setListValidation', sheet: 'Sheet1', range: 'H2:H89', list: ['未开始', '推进中', '已完成'], strict: true }]);
    expect(fake.sheet('Sheet1').validations).toEqual([expect.objectContaining({ type: 3, alertStyle: 1, operator: 1, formula1: '未开始,推进中,已完成' })]);
  });

  it('degrades a dropdown whose list is over 255 characters', async () => {
    const { fake, host } = setup();
    const list = Array.from({ length: 80 }, (_, i) => `单位名称${i}`);
    const report = await host.apply([{ op: 'setListValidation', sheet: 'Sheet1', range: 'A1:A9', list, strict: true }]);
    expect(report.degraded.map((d) => d.op)).toEqual(['setListValidation']);
    expect(fake.sheet('Sheet1').validations).toEqual([]);
  });

  it('applies fonts, fills, wrap, widths and alignment with enum values', async () => {
    const { fake, host } = setup({ withEnum: { xlHAlignCenter: -4108, xlVAlignTop: -4160 } });
    await host.apply([
      { op: 'setFormat', sheet: 'Sheet1', range: 'A1:C1', format: { font: { bold: true, color: '#FFFFFF' }, fill: { color: '#1F4E78' }, wrap: true, columnWidth: 20, horizontalAlignment: 'center', verticalAlignment: 'top', numberFormat: '0%' } },
    ]);
    const sheet = fake.sheet('Sheet1');
    expect(sheet.cellAt('B1')).toMatchObject({ bold: true, fontColor: toBgr('#FFFFFF'), fill: toBgr('#1F4E78'), wrap: true, hAlign: -4108, vAlign: -4160, numberFormat: '0%' });
    expect([1, 2, 3].map((c) => sheet.columnWidths.get(c))).toEqual([20, 20, 20]);
  });

  it('adds and replaces notes', async () => {
    const { fake, host } = setup();
    await host.apply([{ op: 'setNote', sheet: 'Sheet1', cell: 'C5', text: '已从上方补全' }]);
    await host.apply([{ op: 'setNote', sheet: 'Sheet1', cell: 'C5', text: '已改正' }]);
    expect(fake.sheet('Sheet1').cellAt('C5')?.comment).toBe('已改正');
  });
});

describe('WPS host: tables', () => {
  it('creates a ListObject where WPS can', async () => {
    const { fake, host } = setup();
    const report = await host.apply([{ op: 'createTable', sheet: 'Sheet1', range: 'A1:C10', name: '主要工作表', style: 'TableStyleMedium2' }]);
    expect(report.degraded).toEqual([]);
    expect(fake.sheet('Sheet1').listObjects).toEqual([expect.objectContaining({ name: '主要工作表', style: 'TableStyleMedium2' })]);
  });

  it('falls back to a styled header with AutoFilter when ListObjects.Add throws, and says so', async () => {
    const { fake, host } = setup({ listObjectsThrow: true });
    expect((await host.getCapabilities()).tables).toBe(true);
    const report = await host.apply([
      { op: 'createTable', sheet: 'Sheet1', range: 'A1:C10', name: '主要工作表' },
      { op: 'createTable', sheet: 'Sheet1', range: 'E1:F10', name: '民生实事表' },
    ]);
    expect(report.applied).toBe(2);
    // One entry per kind and sheet, with a count.
    expect(report.degraded.map((d) => d.op)).toEqual(['createTable']);
    expect(report.degraded[0].message).toContain('无法创建表格对象');
    expect(report.degraded[0].message).toContain('带筛选');
    expect(report.degraded[0].message).toContain('共 2 处');
    const sheet = fake.sheet('Sheet1');
    expect(sheet.cellAt('B1')).toMatchObject({ bold: true });
    expect(sheet.cellAt('B2')?.bold).toBeUndefined();
    expect(sheet.autoFilter).toEqual({ row: 1, col: 1, rows: 10, cols: 3 });
    expect(fake.calls.filter((c) => c.method === 'ListObjects.Add')).toHaveLength(1);
    expect((await host.getCapabilities()).tables).toBe(false);
  });
});

describe('WPS host: sheets, merges, freeze', () => {
  it('merges and reads merged areas relative to the used range', async () => {
    const { host } = setup();
    await host.apply([
      { op: 'writeValues', sheet: 'Sheet1', start: 'B2', values: [['综合指标', '1'], ['', '2'], ['民生', '3']] },
      { op: 'merge', sheet: 'Sheet1', range: 'B2:B3' },
    ]);
    const used = await host.readUsedRange('Sheet1');
    expect(used.address).toBe('B2:C4');
    expect(used.merges).toEqual([{ row: 0, col: 0, rows: 2, cols: 1 }]);
    await host.apply([{ op: 'unmerge', sheet: 'Sheet1', range: 'B2:B3' }]);
    expect((await host.readUsedRange('Sheet1')).merges).toEqual([]);
  });

  it('copies a sheet as a visible backup right after it (as Excel does), renames, hides and lists visibility', async () => {
    const { fake, host } = setup({ sheets: ['粘贴', 'Sheet2'] });
    fake.userEdit('粘贴', 'A1:B1', [['项目', '内容']]);
    await host.apply([
      { op: 'copySheet', sheet: '粘贴', to: '粘贴 备份' },
      { op: 'setSheetVisibility', sheet: 'Sheet2', visibility: 'veryHidden' },
      { op: 'renameSheet', sheet: '粘贴', to: '原表' },
    ]);
    expect(await host.listSheets()).toEqual([
      { name: '原表', visibility: 'visible' },
      { name: '粘贴 备份', visibility: 'visible' },
      { name: 'Sheet2', visibility: 'veryHidden' },
    ]);
    expect(fake.sheet('粘贴 备份').valueAt('B1')).toBe('内容');
  });

  it('freezes panes through ActiveWindow and gives the user their sheet back', async () => {
    const { fake, host } = setup({ sheets: ['Sheet1', '主要工作'] });
    await host.apply([{ op: 'freeze', sheet: '主要工作', rows: 1, cols: 2 }]);
    expect(fake.sheet('主要工作').freeze).toEqual({ rows: 1, cols: 2 });
    expect(fake.activeName()).toBe('Sheet1');
    await host.apply([{ op: 'activate', sheet: '主要工作' }]);
    expect(await host.getActiveSheet()).toBe('主要工作');
  });

  it('deletes a sheet without a confirmation dialog', async () => {
    const { fake, host } = setup({ sheets: ['Sheet1', '旧表'] });
    await host.apply([{ op: 'deleteSheet', sheet: '旧表' }]);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    expect(fake.alertsShown).toBe(0);
  });

  it('selects a range on another sheet', async () => {
    const { fake, host } = setup({ sheets: ['Sheet1', '校验'] });
    await host.select('校验', 'B3:C4');
    expect(fake.activeName()).toBe('校验');
    expect(fake.sheet('校验').selection).toEqual({ row: 3, col: 2, rows: 2, cols: 2 });
  });

  it('names a missing sheet with a stable code', async () => {
    const { host } = setup();
    await expect(host.readUsedRange('没有')).rejects.toMatchObject({ code: 'host-invalid-op' });
  });
});

describe('WPS host: table capability', () => {
  it('reports no tables when ListObjects is missing and degrades without trying', async () => {
    const { fake, host } = setup({ noListObjects: true });
    expect((await host.getCapabilities()).tables).toBe(false);
    const report = await host.apply([{ op: 'createTable', sheet: 'Sheet1', range: 'A1:B3', name: 'T1' }]);
    expect(report.degraded.map((d) => d.op)).toEqual(['createTable']);
    expect(fake.calls.some((c) => c.method === 'ListObjects.Add')).toBe(false);
  });

  it('remembers a failed ListObjects.Add for later panes of the same WPS session', async () => {
    const { fake, host } = setup({ listObjectsThrow: true });
    await host.apply([{ op: 'createTable', sheet: 'Sheet1', range: 'A1:B3', name: 'T1' }]);
    const later = createWpsHost({ Application: fake.Application });
    expect((await later.getCapabilities()).tables).toBe(false);
  });
});

describe('WPS host: per-cell styles go through union ranges', () => {
  const grey = { font: { color: '#808080', italic: true } };
  const cells = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? `C${i + 2}` : `E${i * 7 + 2}`));
  const ops = cells.map((cell) => ({ op: 'setFormat' as const, sheet: 'Sheet1', range: cell, format: grey }));

  it('styles every cell with a few calls', async () => {
    const { fake, host } = setup();
    const report = await host.apply(ops);
    expect(report.applied).toBe(ops.length);
    for (const cell of cells) expect(fake.sheet('Sheet1').cellAt(cell)).toMatchObject({ fontColor: toBgr('#808080'), italic: true });
    expect(fake.sheet('Sheet1').cellAt('D5')?.italic).toBeUndefined();
    const fontCalls = fake.calls.filter((c) => c.method === 'Font.Color').length;
    expect(fontCalls).toBeLessThan(ops.length);
    // Each union address respects VBA's 255-character limit (the fake throws otherwise).
  });

  it('falls back to one area at a time where WPS refuses union addresses', async () => {
    const { fake, host } = setup({ noUnionRanges: true });
    await host.apply(ops);
    for (const cell of cells) expect(fake.sheet('Sheet1').cellAt(cell)?.italic).toBe(true);
  });

  it('keeps the order of different formats on the same cell', async () => {
    const { fake, host } = setup();
    await host.apply([
      { op: 'setFormat', sheet: 'Sheet1', range: 'A1', format: { fill: { color: '#FF0000' } } },
      { op: 'setFormat', sheet: 'Sheet1', range: 'A2', format: { fill: { color: '#FF0000' } } },
      { op: 'setFormat', sheet: 'Sheet1', range: 'A1', format: { fill: { color: '#0000FF' } } },
    ]);
    expect(fake.sheet('Sheet1').cellAt('A1')?.fill).toBe(toBgr('#0000FF'));
    expect(fake.sheet('Sheet1').cellAt('A2')?.fill).toBe(toBgr('#FF0000'));
  });
});

describe('WPS host: styles interleaved with notes', () => {
  it('groups styles across notes and still writes every note', async () => {
    const { fake, host } = setup();
    const ops = Array.from({ length: 40 }, (_, i) => [
      { op: 'setFormat' as const, sheet: 'Sheet1', range: `C${i + 3}`, format: { font: { italic: true } } },
      { op: 'setNote' as const, sheet: 'Sheet1', cell: `C${i + 3}`, text: `已从上方补全 ${i}` },
    ]).flat();
    const report = await host.apply(ops);
    expect(report.applied).toBe(80);
    expect(fake.calls.filter((c) => c.method === 'Font.Italic')).toEqual([{ method: 'Font.Italic', sheet: 'Sheet1', address: 'C3:C42' }]);
    expect(fake.sheet('Sheet1').cellAt('C42')).toMatchObject({ italic: true, comment: '已从上方补全 39' });
  });

  it('does not regroup differing formats that touch the same cells', async () => {
    const { fake, host } = setup();
    await host.apply([
      { op: 'setFormat', sheet: 'Sheet1', range: 'A1', format: { fill: { color: '#FF0000' } } },
      { op: 'setNote', sheet: 'Sheet1', cell: 'A1', text: 'x' },
      { op: 'setFormat', sheet: 'Sheet1', range: 'A1:A2', format: { fill: { color: '#00FF00' } } },
      { op: 'setFormat', sheet: 'Sheet1', range: 'A2', format: { fill: { color: '#FF0000' } } },
    ]);
    expect(fake.sheet('Sheet1').cellAt('A1')?.fill).toBe(toBgr('#00FF00'));
    expect(fake.sheet('Sheet1').cellAt('A2')?.fill).toBe(toBgr('#FF0000'));
  });
});
