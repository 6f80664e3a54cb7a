import { planListSheet } from '../list-sheet.planner';
import type { ColumnPlan } from '../plan.model';

const COLUMNS: ColumnPlan[] = [{ key: 'a', header: '甲', width: 8, kind: 'text' }];

describe('planListSheet', () => {
  it('freezes the header row, copies the columns and draws a table over the rows', () => {
    const plan = planListSheet({ name: 'S', role: 'other', columns: COLUMNS, rows: [['x']], table: 'T', freezeCols: 1 });
    expect(plan).toEqual({ name: 'S', role: 'other', columns: COLUMNS, rows: [['x']], freeze: { rows: 1, cols: 1 }, table: { name: 'T', style: 'TableStyleLight9' } });
    expect(plan.columns[0]).not.toBe(COLUMNS[0]);
  });

  it('draws no table over no rows, keeps a preamble and a chosen table style', () => {
    expect(planListSheet({ name: 'S', role: 'other', columns: COLUMNS, rows: [], table: 'T' }).table).toBeUndefined();
    const plan = planListSheet({ name: 'S', role: 'other', columns: COLUMNS, rows: [['x']], table: 'T', tableStyle: 'TableStyleLight1', preamble: ['说明'] });
    expect(plan.preamble).toEqual(['说明']);
    expect(plan.table).toEqual({ name: 'T', style: 'TableStyleLight1' });
    expect(plan.freeze).toEqual({ rows: 1, cols: 0 });
  });
});
