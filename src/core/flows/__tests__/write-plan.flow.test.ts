import { createMemoryHost } from '../../host/memory.host';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { buildBackupOps, listConflicts, makeBackupName, makeBackupSuffix, writePlan } from '../write-plan.flow';
import { makeSampleResult } from './sample-result';

describe('backup names', () => {
  it('stays within Excel’s 31 characters and never reuses a name', () => {
    const taken = new Set(['主要工作_备份0101-0900']);
    const first = makeBackupName('主要工作', '0101-0900', taken);
    expect(first).not.toBe('主要工作_备份0101-0900');
    expect(taken.has(first)).toBe(true);
    const long = makeBackupName('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', '0101-0900', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith('_备份0101-0900')).toBe(true);
  });

  it('formats the suffix as MMDD-HHmm', () => {
    expect(makeBackupSuffix(new Date(2026, 0, 5, 9, 7))).toBe('0105-0907');
  });

  it('copies before deleting', () => {
    const { ops, backups } = buildBackupOps(['主要工作'], [{ name: '主要工作', visibility: 'visible' }], 'x');
    expect(ops.map((op) => op.op)).toEqual(['copySheet', 'deleteSheet']);
    expect(backups).toEqual(['主要工作_备份x']);
  });
});

describe('writePlan over the memory host', () => {
  it('writes the plan, then on a second write keeps the old sheets as backups', async () => {
    const host = createMemoryHost();
    const plan = buildWorkbookPlan({ results: [makeSampleResult()], today: '2023-06-01' });
    const first = await writePlan(host, plan, { backupSuffix: 's1' });
    expect(first.backups).toEqual([]);
    expect(first.sheets).toEqual(expect.arrayContaining(['主要工作', '民生实事']));
    expect(first.sheets).not.toContain('_fenjie_state');
    await host.simulateUserEdit('主要工作', 'A1', '用户改过');
    const sheets = await host.listSheets();
    expect(listConflicts(plan, sheets)).toEqual(expect.arrayContaining(['主要工作', '民生实事']));

    const second = await writePlan(host, plan, { backupSuffix: 's2', before: [] });
    expect(second.backups).toContain('主要工作_备份s2');
    const snapshot = host.snapshot();
    expect(snapshot.sheets.find((s) => s.name === '主要工作_备份s2')?.text[0][0]).toBe('用户改过');
    expect(snapshot.sheets.filter((s) => s.name === '_fenjie_state')).toHaveLength(1);
    expect(snapshot.sheets.find((s) => s.name === '_fenjie_state')?.visibility).toBe('veryHidden');
  });

  it('carries the workbook state (dismissed findings) through a rewrite', async () => {
    const host = createMemoryHost({ state: { dismissedFindings: ['leader-unknown|leader|某某'] } });
    const state = await host.readState();
    const plan = buildWorkbookPlan({ results: [makeSampleResult()], state });
    await writePlan(host, plan, { backupSuffix: 's' });
    await expect(host.readState()).resolves.toMatchObject({ dismissedFindings: ['leader-unknown|leader|某某'] });
  });
});

describe('writePlan sends one batch', () => {
  it('regression (backups went in a batch of their own as a workaround): backups, deletes and the new sheets in one apply', async () => {
    const host = createMemoryHost();
    const plan = buildWorkbookPlan({ results: [makeSampleResult()], today: '2023-06-01' });
    await writePlan(host, plan, { backupSuffix: 'a' });
    const spy = jest.spyOn(host, 'apply');
    const second = await writePlan(host, plan, { backupSuffix: 'b', before: [{ op: 'addSheet', sheet: '前置' }] });
    expect(spy).toHaveBeenCalledTimes(1);
    const ops = spy.mock.calls[0][0];
    expect(ops[0]).toEqual({ op: 'addSheet', sheet: '前置' });
    expect(ops.slice(1, 3).map((op) => op.op)).toEqual(['copySheet', 'deleteSheet']);
    expect(second.backups).toEqual(expect.arrayContaining(['主要工作_备份b', '民生实事_备份b']));
  });

  it('backup names never clash, case-insensitively', () => {
    const taken = new Set(['主要工作_备份X', 'Sheet_备份x']);
    expect(makeBackupName('主要工作', 'x', taken)).toBe('主要工作_备份x(2)');
    expect(makeBackupName('Sheet', 'X', taken)).toBe('Sheet_备份X(2)');
  });
});
