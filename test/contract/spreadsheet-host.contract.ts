/**
 * The contract every SpreadsheetHost adapter passes (memory, Office.js over the recording fake,
 * WPS over the fake ET Application). Not a test file itself: an adapter's test calls
 * `describeSpreadsheetHostContract('office', () => createOfficeHost(...))`.
 */
import { isFenjieError, type ApplyReport, type CellValue, type SpreadsheetHost, type WorkbookPlan, type WriteOp } from '../../src/core';
import { planToOps } from '../../src/core/testing';

export interface ContractHooks {
  /** Makes the host's workbook see a user edit (fires the host's change event). Without it the user-edit tests only check own writes. */
  userEdit?: (host: SpreadsheetHost, sheet: string, address: string, value: string) => Promise<void> | void;
  /** What the host recorded on a sheet, when the adapter can tell (fakes can). */
  recorded?: (host: SpreadsheetHost, sheet: string) => Promise<RecordedFeatures> | RecordedFeatures;
}

export interface RecordedFeatures {
  tables: string[];
  validations: number;
  conditionalFormats: number;
  notes: number;
  /** Charts drawn on the sheet, when the adapter can tell. */
  charts?: number;
}

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectInvalid(promise: Promise<unknown>): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(isFenjieError(caught)).toBe(true);
  expect((caught as { code: string }).code).toBe('host-invalid-op');
}

const TRICKY_TEXT = ['=1+1', '=SUM(A1:A3)', '+86 10 1234', '-5', '-', '@user', '001', '2023-03-01', '1/2', '50%', 'TRUE', '  spaced  ', '多行\n文本'];

function tinyPlan(): WorkbookPlan {
  return {
    version: 1,
    sheets: [
      {
        name: '主要工作',
        role: 'tasks',
        preamble: ['2023年重点工作分解落实表'],
        table: { name: '主要工作表' },
        columns: [
          { key: 'seq', header: '序号', width: 6, kind: 'number' },
          { key: 'content', header: '重点工作', width: 40, kind: 'text', wrap: true },
          { key: 'status', header: '状态', width: 10, kind: 'list', list: ['未开始', '推进中', '已完成'] },
          { key: 'progress', header: '进度', width: 8, kind: 'percent' },
        ],
        rows: [
          [1, '=不是公式', '推进中', 0.5],
          [2, '-减号开头', '未开始', 0],
        ],
        freeze: { rows: 2, cols: 0 },
        validations: [{ range: 'C3:C4', list: ['未开始', '推进中', '已完成'], strict: true }],
        conditionalFormats: [
          { kind: 'equals', range: 'C3:C4', value: '已完成', fill: { color: '#C6EFCE' } },
          { kind: 'dataBar', range: 'D3:D4', color: '#5B9BD5', min: 0, max: 1 },
        ],
        cellStyles: [{ range: 'B3', fill: { color: '#FFC7CE' }, note: '请核对' }],
      },
      { name: '_fenjie_state', role: 'state', columns: [], rows: [['{"planVersion":1}']], visibility: 'veryHidden' },
    ],
  };
}

export function describeSpreadsheetHostContract(
  name: string,
  makeHost: () => Promise<SpreadsheetHost> | SpreadsheetHost,
  hooks: ContractHooks = {},
): void {
  describe(`SpreadsheetHost contract: ${name}`, () => {
    let host: SpreadsheetHost;
    beforeEach(async () => {
      host = await makeHost();
    });

    it('starts with a visible active sheet and reports capabilities', async () => {
      const sheets = await host.listSheets();
      expect(sheets.some((s) => s.visibility === 'visible')).toBe(true);
      expect(sheets.map((s) => s.name)).toContain(await host.getActiveSheet());
      const caps = await host.getCapabilities();
      for (const key of ['tables', 'conditionalFormats', 'dataBars', 'listValidation', 'notes', 'veryHiddenSheets', 'changeEvents'] as const)
        expect(typeof caps[key]).toBe('boolean');
    });

    it('round-trips a written block through readUsedRange', async () => {
      const values: CellValue[][] = [['序号', '名称', '数量'], [1, '甲', 2.5], [2, '乙', null]];
      const report = await host.apply([{ op: 'addSheet', sheet: '数据' }, { op: 'writeValues', sheet: '数据', start: 'A1', values }]);
      expect(report.applied).toBe(2);
      const used = await host.readUsedRange('数据');
      expect(used.sheet).toBe('数据');
      expect(used.address).toBe('A1:C3');
      expect(used.values).toEqual([['序号', '名称', '数量'], ['1', '甲', '2.5'], ['2', '乙', '']]);
      expect(used.merges).toEqual([]);
    });

    it('reports the used range where the data is, not from A1', async () => {
      await host.apply([{ op: 'addSheet', sheet: 'S' }, { op: 'writeValues', sheet: 'S', start: 'B3', values: [['x', 'y'], ['z', 'w']] }]);
      const used = await host.readUsedRange('S');
      expect(used.address).toBe('B3:C4');
      expect(used.values).toEqual([['x', 'y'], ['z', 'w']]);
    });

    it('reads an empty sheet as A1 with one empty cell', async () => {
      await host.apply([{ op: 'addSheet', sheet: 'Empty' }]);
      expect(await host.readUsedRange('Empty')).toMatchObject({ address: 'A1', values: [['']], merges: [] });
    });

    it('writes strings as text, never as formulas or converted numbers', async () => {
      await host.apply([{ op: 'addSheet', sheet: 'T' }, { op: 'writeValues', sheet: 'T', start: 'A1', values: TRICKY_TEXT.map((t) => [t]) }]);
      const used = await host.readUsedRange('T');
      expect(used.values.map((r) => r[0])).toEqual(TRICKY_TEXT);
    });

    it('writes numbers, dates and formulas as values and formulas', async () => {
      await host.apply([
        { op: 'addSheet', sheet: 'V' },
        { op: 'writeValues', sheet: 'V', start: 'A1', values: [[3.5, { date: '2023-03-01' }, { formula: '1+1' }, true]] },
      ]);
      const [row] = (await host.readUsedRange('V')).values;
      expect(row[0]).toBe('3.5');
      expect(row[1]).toBe('2023-03-01');
      expect(row[2]).not.toBe('=1+1');
      expect(row[3]).toBe('TRUE');
    });

    it('reads merged areas back relative to the used range', async () => {
      await host.apply([
        { op: 'addSheet', sheet: 'M' },
        { op: 'writeValues', sheet: 'M', start: 'A1', values: [['标题', null, null], ['a', 'b', 'c'], [null, 'd', 'e']] },
        { op: 'merge', sheet: 'M', range: 'A1:C1' },
        { op: 'merge', sheet: 'M', range: 'A2:A3' },
      ]);
      const used = await host.readUsedRange('M');
      expect(used.address).toBe('A1:C3');
      if ((await host.getCapabilities()).mergedAreas === false) {
        expect(used.merges).toEqual([]);
        return;
      }
      expect(used.merges).toHaveLength(2);
      expect(used.merges).toEqual(expect.arrayContaining([{ row: 0, col: 0, rows: 1, cols: 3 }, { row: 1, col: 0, rows: 2, cols: 1 }]));
      await host.apply([{ op: 'unmerge', sheet: 'M', range: 'A2:A3' }]);
      expect((await host.readUsedRange('M')).merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 3 }]);
    });

    it('clears a range', async () => {
      await host.apply([
        { op: 'addSheet', sheet: 'C' },
        { op: 'writeValues', sheet: 'C', start: 'A1', values: [['a', 'b'], ['c', 'd']] },
        { op: 'clearRange', sheet: 'C', range: 'A2:B2' },
      ]);
      expect((await host.readUsedRange('C')).values).toEqual([['a', 'b']]);
    });

    it('rejects an invalid batch before changing anything', async () => {
      const before = await host.listSheets();
      const bad: WriteOp[][] = [
        [{ op: 'addSheet', sheet: 'New' }, { op: 'writeValues', sheet: 'NoSuchSheet', start: 'A1', values: [['x']] }],
        [{ op: 'addSheet', sheet: 'New' }, { op: 'writeValues', sheet: 'New', start: 'not-an-address', values: [['x']] }],
        [{ op: 'addSheet', sheet: 'New' }, { op: 'setFormat', sheet: 'New', range: 'A1:', format: { wrap: true } }],
        [{ op: 'addSheet', sheet: 'New' }, { op: 'addSheet', sheet: 'new' }],
        [{ op: 'addSheet', sheet: 'New' }, { op: 'addSheet', sheet: 'bad/name' }],
        [{ op: 'addSheet', sheet: 'New' }, { op: 'writeValues', sheet: 'New', start: 'A1', values: [[Number.NaN]] }],
      ];
      for (const ops of bad) await expectInvalid(host.apply(ops));
      expect(await host.listSheets()).toEqual(before);
    });

    it('frees a table name when its sheet is deleted earlier in the same batch (backup, delete, re-add)', async () => {
      const make = (sheet: string): WriteOp[] => [
        { op: 'addSheet', sheet },
        { op: 'writeValues', sheet, start: 'A1', values: [['编号'], ['2023-T-001']] },
        { op: 'createTable', sheet, range: 'A1:A2', name: '主要工作表' },
      ];
      await host.apply(make('主要工作'));
      await host.apply([{ op: 'copySheet', sheet: '主要工作', to: '主要工作_备份' }, { op: 'deleteSheet', sheet: '主要工作' }, ...make('主要工作')]);
      const names = (await host.listSheets()).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['主要工作', '主要工作_备份']));
      expect((await host.readUsedRange('主要工作')).values).toEqual([['编号'], ['2023-T-001']]);
      // The name is still taken while its sheet exists.
      if ((await host.getCapabilities()).tables) await expectInvalid(host.apply([{ op: 'addSheet', sheet: 'X' }, { op: 'createTable', sheet: 'X', range: 'A1:A2', name: '主要工作表' }]));
    });

    it('keeps at least one visible sheet', async () => {
      const sheets = (await host.listSheets()).filter((s) => s.visibility === 'visible');
      const ops: WriteOp[] = sheets.map((s) => ({ op: 'setSheetVisibility', sheet: s.name, visibility: 'hidden' }));
      await expectInvalid(host.apply(ops));
      expect((await host.listSheets()).filter((s) => s.visibility === 'visible')).toHaveLength(sheets.length);
    });

    it('adds, renames, copies, hides and deletes sheets', async () => {
      await host.apply([
        { op: 'addSheet', sheet: 'A' },
        { op: 'writeValues', sheet: 'A', start: 'A1', values: [['keep']] },
        { op: 'copySheet', sheet: 'A', to: 'A备份' },
        { op: 'renameSheet', sheet: 'A', to: 'B' },
        { op: 'addSheet', sheet: 'H' },
        { op: 'setSheetVisibility', sheet: 'H', visibility: 'hidden' },
        { op: 'addSheet', sheet: 'D' },
        { op: 'deleteSheet', sheet: 'D' },
      ]);
      const sheets = await host.listSheets();
      const names = sheets.map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['B', 'A备份', 'H']));
      expect(names).not.toContain('A');
      expect(names).not.toContain('D');
      expect(sheets.find((s) => s.name === 'H')?.visibility).toBe('hidden');
      expect((await host.readUsedRange('A备份')).values).toEqual([['keep']]);
      expect((await host.readUsedRange('B')).values).toEqual([['keep']]);
    });

    it('selects a range and activates its sheet', async () => {
      await host.apply([{ op: 'addSheet', sheet: 'Sel' }]);
      await host.select('Sel', 'B2:C3');
      expect(await host.getActiveSheet()).toBe('Sel');
      await expectInvalid(host.select('NoSuchSheet', 'A1'));
      await host.apply([{ op: 'addSheet', sheet: 'Act' }, { op: 'activate', sheet: 'Act' }]);
      expect(await host.getActiveSheet()).toBe('Act');
    });

    it('reads and writes workbook state in a very hidden sheet', async () => {
      expect(await host.readState()).toEqual({});
      await host.writeState({ planVersion: 2, dismissedFindings: ['a', 'b'], registryChoice: '默认' });
      expect(await host.readState()).toEqual({ planVersion: 2, dismissedFindings: ['a', 'b'], registryChoice: '默认' });
      await host.writeState({ planVersion: 3 });
      expect(await host.readState()).toEqual({ planVersion: 3 });
      const caps = await host.getCapabilities();
      const state = (await host.listSheets()).find((s) => s.name === '_fenjie_state');
      expect(state?.visibility).toBe(caps.veryHiddenSheets ? 'veryHidden' : 'hidden');
    });

    it('keeps state longer than one cell can hold', async () => {
      const dismissedFindings = Array.from({ length: 3000 }, (_, i) => `finding-${i}-重复名称`);
      await host.writeState({ dismissedFindings });
      expect((await host.readState()).dismissedFindings).toEqual(dismissedFindings);
    });

    it('does not report its own writes as changes', async () => {
      const events: unknown[] = [];
      const off = host.onChange((e) => events.push(e));
      await host.apply([{ op: 'addSheet', sheet: 'W' }, { op: 'writeValues', sheet: 'W', start: 'A1', values: [['x', 'y']] }]);
      await host.writeState({ planVersion: 9 });
      await tick();
      expect(events).toEqual([]);
      if (hooks.userEdit) {
        await hooks.userEdit(host, 'W', 'B1', '改过');
        await tick();
        expect(events).toEqual([{ sheet: 'W', address: 'B1' }]);
        off();
        await hooks.userEdit(host, 'W', 'A1', '再改');
        await tick();
        expect(events).toHaveLength(1);
      } else off();
    });

    it('applies a plan: values, table, dropdowns and formats, degrading what it lacks', async () => {
      const progress: number[] = [];
      const caps = await host.getCapabilities();
      const report = await host.apply(planToOps(tinyPlan()), { onProgress: (p) => progress.push(p) });
      expect(progress[progress.length - 1]).toBe(1);
      const used = await host.readUsedRange('主要工作');
      expect(used.values[0][0]).toBe('2023年重点工作分解落实表');
      expect(used.values[1]).toEqual(['序号', '重点工作', '状态', '进度']);
      expect(used.values[2].slice(0, 3)).toEqual(['1', '=不是公式', '推进中']);
      expect(used.values[3][1]).toBe('-减号开头');
      expect(await host.readState()).toEqual({ planVersion: 1 });
      expect(await host.getActiveSheet()).toBe('主要工作');
      const degradedOps = report.degraded.map((d) => d.op);
      expect(degradedOps.includes('createTable')).toBe(!caps.tables);
      expect(degradedOps.includes('setListValidation')).toBe(!caps.listValidation);
      if (hooks.recorded) {
        const recorded = await hooks.recorded(host, '主要工作');
        expect(recorded.tables).toEqual(caps.tables ? ['主要工作表'] : []);
        expect(recorded.validations).toBe(caps.listValidation ? 1 : 0);
        expect(recorded.conditionalFormats).toBe(!caps.conditionalFormats ? 0 : caps.dataBars ? 2 : 1);
        expect(recorded.notes).toBe(caps.notes ? 1 : 0);
      }
    });

    it('clearConditionalFormats removes the rules on its range and keeps the others, so a redraw does not pile them up', async () => {
      const caps = await host.getCapabilities();
      await expectInvalid(host.apply([{ op: 'addSheet', sheet: 'CF' }, { op: 'clearConditionalFormats', sheet: 'CF', range: 'not a range' }]));
      const rule = (range: string, value: string) => ({ kind: 'equals' as const, range, value, fill: { color: '#C6EFCE' } });
      await host.apply([
        { op: 'addSheet', sheet: 'CF' },
        { op: 'writeValues', sheet: 'CF', start: 'A1', values: [['状态', '预警'], ['已完成', '红']] },
        { op: 'addConditionalFormat', sheet: 'CF', rule: rule('A2:A3', '已完成') },
        { op: 'addConditionalFormat', sheet: 'CF', rule: rule('B2:B3', '红') },
      ]);
      // Drawn again: the old rules on B go first, so B keeps one rule, not two.
      const report = await host.apply([
        { op: 'clearConditionalFormats', sheet: 'CF', range: 'B2:B3' },
        { op: 'addConditionalFormat', sheet: 'CF', rule: rule('B2:B3', '红') },
      ]);
      expect(report.applied).toBe(2);
      expect((await host.readUsedRange('CF')).values).toEqual([['状态', '预警'], ['已完成', '红']]);
      if (hooks.recorded) expect((await hooks.recorded(host, 'CF')).conditionalFormats).toBe(caps.conditionalFormats ? 2 : 0);
      await host.apply([{ op: 'clearConditionalFormats', sheet: 'CF', range: 'A1:B3' }]);
      if (hooks.recorded) expect((await hooks.recorded(host, 'CF')).conditionalFormats).toBe(0);
    });

    it('addChart is recorded or reported as degraded', async () => {
      const caps = await host.getCapabilities();
      const chart = { kind: 'column' as const, title: '按进展状态统计', dataRange: 'A1:C4', anchor: 'E2' };
      await expectInvalid(host.apply([{ op: 'addSheet', sheet: 'Bad' }, { op: 'addChart', sheet: 'Bad', chart: { ...chart, anchor: 'not a cell' } }]));
      expect((await host.listSheets()).map((s) => s.name)).not.toContain('Bad');
      const values: CellValue[][] = [['状态', '主要工作', '民生实事'], ['未开始', 3, 1], ['推进中', 5, 2], ['已完成', 1, 0]];
      const report = await host.apply([
        { op: 'addSheet', sheet: '统计' },
        { op: 'writeValues', sheet: '统计', start: 'A1', values },
        { op: 'addChart', sheet: '统计', chart },
      ]);
      expect(report.applied).toBe(3);
      const degraded = report.degraded.filter((d) => d.op === 'addChart');
      expect(degraded).toHaveLength(caps.charts === false ? 1 : 0);
      for (const d of degraded) expect(d.message.length * d.messageEn.length).toBeGreaterThan(0);
      expect((await host.readUsedRange('统计')).values[2]).toEqual(['推进中', '5', '2']);
      const recorded = hooks.recorded ? await hooks.recorded(host, '统计') : undefined;
      if (recorded?.charts !== undefined) expect(recorded.charts).toBe(caps.charts === false ? 0 : 1);
    });

    it('writes a large block in one apply', async () => {
      const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [i + 1, `任务 ${i + 1}：${'推进'.repeat(i % 7)}`, i % 3 === 0 ? '=看起来像公式' : '完成']);
      await host.apply([{ op: 'addSheet', sheet: 'Big' }, { op: 'writeValues', sheet: 'Big', start: 'A1', values: rows }]);
      const used = await host.readUsedRange('Big');
      expect(used.address).toBe('A1:C3000');
      expect(used.values[2999]).toEqual(['3000', `任务 3000：${'推进'.repeat(2999 % 7)}`, '完成']);
      expect(used.values[2997][2]).toBe('=看起来像公式');
    });
  });
}

/** Test hooks to make the host's workbook fail at its n-th low-level operation (a queued Office command, an ET call, a memory op). */
export interface FaultHooks {
  /** Low-level operations done so far. */
  count: (host: SpreadsheetHost) => number;
  /** The n-th operation from now (0-based) fails, once. */
  failAt: (host: SpreadsheetHost, n: number) => void;
}

/** Everything the port can read back, plus what the adapter recorded per sheet. */
async function snapshotWorkbook(host: SpreadsheetHost, hooks: ContractHooks): Promise<unknown> {
  const sheets = await host.listSheets();
  const perSheet = [];
  for (const s of sheets) {
    const used = await host.readUsedRange(s.name);
    const recorded = hooks.recorded ? await hooks.recorded(host, s.name) : null;
    perSheet.push({ ...s, address: used.address, values: used.values, merges: used.merges, recorded });
  }
  return { sheets: perSheet, active: await host.getActiveSheet(), state: await host.readState() };
}

/** A workbook as a clerk has it: records, a second sheet, a hidden one and state. */
async function seedWorkbook(host: SpreadsheetHost): Promise<void> {
  await host.apply([
    { op: 'addSheet', sheet: '主要工作' },
    { op: 'writeValues', sheet: '主要工作', start: 'A1', values: [['编号', '进展状态'], ['2023-T-001', '推进中'], ['2023-T-002', '未开始']] },
    { op: 'merge', sheet: '主要工作', range: 'A5:B5' },
    { op: 'setListValidation', sheet: '主要工作', range: 'B2:B3', list: ['未开始', '推进中', '已完成'], strict: true },
    { op: 'addSheet', sheet: '备注' },
    { op: 'writeValues', sheet: '备注', start: 'B2', values: [['原来的备注']] },
    { op: 'setNote', sheet: '备注', cell: 'B2', text: '请核对' },
    { op: 'addSheet', sheet: '隐藏' },
    { op: 'writeValues', sheet: '隐藏', start: 'A1', values: [['x']] },
    { op: 'setSheetVisibility', sheet: '隐藏', visibility: 'hidden' },
    { op: 'activate', sheet: '主要工作' },
  ]);
  await host.writeState({ planVersion: 1, dismissedFindings: ['a'] });
}

/** A batch like writePlan's: a backup copy, a sheet replaced, cells written into existing sheets, new sheets, renames, visibility, state. */
function mixedBatch(): WriteOp[] {
  return [
    { op: 'copySheet', sheet: '主要工作', to: '主要工作_备份' },
    { op: 'deleteSheet', sheet: '主要工作' },
    { op: 'addSheet', sheet: '主要工作' },
    { op: 'writeValues', sheet: '主要工作', start: 'A1', values: [['编号', '进展状态'], ['2023-T-001', '已完成']] },
    { op: 'setListValidation', sheet: '主要工作', range: 'B2:B2', list: ['未开始', '已完成'], strict: true },
    { op: 'writeValues', sheet: '备注', start: 'B2', values: [['改过的备注'], ['新一行']] },
    { op: 'unmerge', sheet: '备注', range: 'A1:B1' },
    { op: 'merge', sheet: '备注', range: 'D1:E1' },
    { op: 'addSheet', sheet: '新表' },
    { op: 'writeValues', sheet: '新表', start: 'A1', values: [['新']] },
    { op: 'setSheetVisibility', sheet: '隐藏', visibility: 'visible' },
    { op: 'renameSheet', sheet: '隐藏', to: '不再隐藏' },
    { op: 'writeValues', sheet: '_fenjie_state', start: 'A1', values: [['{"planVersion":2}']] },
    { op: 'activate', sheet: '新表' },
  ];
}

/**
 * All or nothing: a batch failing at any one of its low-level operations leaves the workbook
 * exactly as it was (sheets, visibility, values, merges, dropdowns, notes, state, active sheet).
 */
export function describeAllOrNothingContract(name: string, makeHost: () => Promise<SpreadsheetHost> | SpreadsheetHost, faults: FaultHooks, hooks: ContractHooks = {}): void {
  describe(`SpreadsheetHost all or nothing: ${name}`, () => {
    it('applies the mixed batch when nothing fails', async () => {
      const host = await makeHost();
      await seedWorkbook(host);
      const before = await snapshotWorkbook(host, hooks);
      const report = await host.apply(mixedBatch());
      expect(report.applied).toBe(mixedBatch().length);
      expect(await snapshotWorkbook(host, hooks)).not.toEqual(before);
      const names = (await host.listSheets()).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['主要工作', '主要工作_备份', '备注', '新表', '不再隐藏']));
      expect(names.some((n) => n.startsWith('~fj-undo-'))).toBe(false);
      expect((await host.readUsedRange('备注')).values.flat()).toEqual(expect.arrayContaining(['改过的备注', '新一行']));
    });

    it('leaves the workbook as it was when the batch fails at any of its operations', async () => {
      const probe = await makeHost();
      await seedWorkbook(probe);
      const start = faults.count(probe);
      await probe.apply(mixedBatch());
      const total = faults.count(probe) - start;
      const done = JSON.stringify(await snapshotWorkbook(probe, hooks));
      expect(total).toBeGreaterThanOrEqual(mixedBatch().length);
      const failures: string[] = [];
      for (let n = 0; n < total; n++) {
        const host = await makeHost();
        await seedWorkbook(host);
        const before = await snapshotWorkbook(host, hooks);
        faults.failAt(host, n);
        let caught: unknown = null;
        const report = await host.apply(mixedBatch()).catch((error: unknown) => (caught = error));
        const after = await snapshotWorkbook(host, hooks);
        // A failure while the undo sheets are removed comes after the batch is done: whole, and retried.
        if (caught === null && JSON.stringify(after) === done && (report as ApplyReport).applied === mixedBatch().length) continue;
        if (!isFenjieError(caught)) failures.push(`operation ${n}/${total}: no coded error (${String(caught)})`);
        else if (caught.code === 'host-rollback-failed') failures.push(`operation ${n}/${total}: rollback failed`);
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`operation ${n}/${total}: workbook changed`);
      }
      expect(failures).toEqual([]);
    });
  });
}
