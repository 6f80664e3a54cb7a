import type { WorkbookPlan } from '../../workbook/plan.model';
import { planToOps } from '../plan-to-ops';
import { createMemoryHost } from '../memory.host';

function plan(): WorkbookPlan {
  return {
    version: 1,
    sheets: [
      {
        name: '主要工作',
        role: 'tasks',
        preamble: ['标题', '说明'],
        table: { name: '主要工作表', style: 'TableStyleMedium2' },
        columns: [
          { key: 'content', header: '重点工作', width: 40, kind: 'text', wrap: true },
          { key: 'progress', header: '进度', width: 8, kind: 'percent' },
          { key: 'deadline', header: '期限', width: 12, kind: 'date' },
        ],
        rows: [['=SUM(1)', 0.25, { date: '2023-06-30' }], ['b']],
        freeze: { rows: 3, cols: 1 },
        validations: [{ range: 'B4:B5', list: ['a'], strict: false }],
        conditionalFormats: [{ kind: 'expression', range: 'C4:C5', formula: '=C4<TODAY()', font: { color: '#C00000' } }],
        cellStyles: [{ range: 'A5', note: '核对' }],
      },
      { name: '统计', role: 'stats', columns: [{ key: 'k', header: '状态', width: 10, kind: 'text' }], rows: [[{ formula: 'COUNTA(主要工作!A:A)' }]] },
      { name: '_fenjie_state', role: 'state', columns: [], rows: [['{}']], visibility: 'veryHidden' },
    ],
  };
}

describe('planToOps', () => {
  it('writes each sheet as one block, then table, dropdowns, formats, notes and freeze, visibility last', () => {
    const ops = planToOps(plan());
    const main = ops.filter((op) => op.sheet === '主要工作').map((op) => op.op);
    expect(main.filter((o) => o === 'writeValues')).toHaveLength(1);
    expect(main.indexOf('writeValues')).toBe(1);
    expect(main.indexOf('createTable')).toBeGreaterThan(main.indexOf('writeValues'));
    expect(main.indexOf('setListValidation')).toBeGreaterThan(main.indexOf('createTable'));
    expect(main).toContain('setNote');
    expect(main[main.length - 1]).toBe('activate');
    const block = ops.find((op) => op.op === 'writeValues' && op.sheet === '主要工作');
    expect(block).toMatchObject({ start: 'A1', values: [['标题', null, null], ['说明', null, null], ['重点工作', '进度', '期限'], ['=SUM(1)', 0.25, { date: '2023-06-30' }], ['b', null, null]] });
    expect(ops.find((op) => op.op === 'createTable')).toMatchObject({ range: 'A3:C5', name: '主要工作表', style: 'TableStyleMedium2' });
    const lastAdd = ops.map((op) => op.op).lastIndexOf('addSheet');
    const hide = ops.findIndex((op) => op.op === 'setSheetVisibility');
    expect(ops[hide]).toMatchObject({ sheet: '_fenjie_state', visibility: 'veryHidden' });
    expect(hide).toBeGreaterThan(lastAdd);
  });

  it('gives columns widths, wrap and number formats by kind', () => {
    const formats = planToOps(plan()).filter((op) => op.op === 'setFormat' && op.sheet === '主要工作');
    expect(formats).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ range: 'A4:A5', format: { columnWidth: 40, wrap: true, numberFormat: '@' } }),
        expect.objectContaining({ range: 'B4:B5', format: { columnWidth: 8, numberFormat: '0%' } }),
        expect.objectContaining({ range: 'C4:C5', format: { columnWidth: 12, numberFormat: 'yyyy-mm-dd' } }),
      ]),
    );
  });

  it('draws a plan on the memory host', async () => {
    const host = createMemoryHost();
    await host.apply(planToOps(plan()));
    const snap = host.snapshot();
    const main = snap.sheets.find((s) => s.name === '主要工作');
    expect(main?.text[3]).toEqual(['=SUM(1)', '25%', '2023-06-30']);
    expect(main?.values[3][0]).toBe('=SUM(1)');
    expect(main?.freeze).toEqual({ rows: 3, cols: 1 });
    expect(main?.notes).toEqual({ A5: '核对' });
    expect(main?.columnWidths).toEqual({ A: 40, B: 8, C: 12 });
    expect(snap.sheets.find((s) => s.name === '统计')?.values[1][0]).toEqual({ formula: 'COUNTA(主要工作!A:A)' });
    expect(snap.activeSheet).toBe('主要工作');
  });

  it('replaces existing sheets without ever leaving the workbook with no visible sheet', async () => {
    const host = createMemoryHost({ sheets: [{ name: '主要工作', values: [['旧']] }] });
    await host.apply(planToOps(plan(), { existingSheets: ['主要工作'] }));
    const names = (await host.listSheets()).map((s) => s.name);
    expect(names).toEqual(['主要工作', '统计', '_fenjie_state']);
    expect((await host.readUsedRange('主要工作')).values[0][0]).toBe('标题');
  });
});
