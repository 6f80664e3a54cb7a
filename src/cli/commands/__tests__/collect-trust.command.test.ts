/**
 * Issue 17, trusted returns: collect accepts from a unit only the tracking columns of its own
 * tasks, with values it can read and that make sense, from a file whose identity holds. Each case
 * of the issue is a regression test; every refused value is a finding with unit, task and cell,
 * none of them is applied, and collect exits 1.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbookPlan, parseDocument, readFenjieWorkbook } from '../../../core/testing';
import type { CollectFinding } from '../../../core/index';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { command as split } from '../split.command';
import { command as collect } from '../collect.command';
import { editUnitFile } from './unit-file-edit';
import { captureMergedIO } from './capture-io';

const SEED_2023 = path.join(__dirname, '../../../../seeds/000_8040c5413e4a8407.txt');

type Row = { id?: string; leadUnits: string[]; relatedUnits: string[]; tracking?: Record<string, unknown> };

describe('collect accepts only what a unit may change (issue 17)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-collect-trust-'));
  const master = path.join(dir, 'master.xlsx');
  const units = path.join(dir, 'units');
  let rows: Row[] = [];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const result = await parseDocument(new Uint8Array(fs.readFileSync(SEED_2023)), 'seed.txt');
    fs.writeFileSync(master, await writeXlsx(buildWorkbookPlan({ results: [result] })));
    expect(await split.run([master, '--by', 'unit', '-o', units], captureMergedIO())).toBe(0);
    rows = (await readFenjieWorkbook(new Uint8Array(fs.readFileSync(master)))).result.tables[0].rows as Row[];
  });

  const own = (unit: string): string[] => rows.filter((r) => r.leadUnits.includes(unit) || r.relatedUnits.includes(unit)).map((r) => r.id as string);
  const fileOf = (unit: string, copy: string): string => {
    const to = path.join(dir, copy);
    fs.copyFileSync(path.join(units, `2023-${unit}.xlsx`), to);
    return to;
  };

  async function runCollect(files: string[], json = true): Promise<{ code: number; findings: CollectFinding[]; applied: { id: string; field: string; to: string }[]; stdout: string[]; merged: Row[] }> {
    const io = captureMergedIO();
    const out = path.join(dir, `merged-${Math.random().toString(36).slice(2)}.xlsx`);
    const code = await collect.run([master, ...files, '-o', out, ...(json ? ['--json'] : [])], io);
    const merged = (await readFenjieWorkbook(new Uint8Array(fs.readFileSync(out)))).result.tables[0].rows as Row[];
    const report = json ? JSON.parse(io.stdout.join('')) : { findings: [], applied: [] };
    return { code, findings: report.findings, applied: report.applied, stdout: io.stdout, merged };
  }

  it("regression (collect applied another unit's task): a changed row of another unit's task is refused with unit, task and cell", async () => {
    const mine = own('发改委');
    const foreign = rows.find((r) => !own('发改委').includes(r.id as string) && !r.tracking?.status)?.id as string;
    const file = fileOf('发改委', 'other-task.xlsx');
    // The clerk pastes another unit's task id over one of its rows and reports it done.
    await editUnitFile(file, [{ id: mine[0], header: '进展状态', value: '已完成' }]);
    await editUnitFile(file, [{ id: mine[0], header: '编号', value: foreign }]);
    const run = await runCollect([file]);
    expect(run.code).toBe(1);
    const refused = run.findings.find((f) => f.code === 'collect-not-own-task');
    expect(refused).toMatchObject({ unit: '发改委', id: foreign, field: 'status', value: '已完成', refused: true });
    expect(refused?.cell).toMatch(/^'主要工作'!\w+\d+$/);
    expect(run.merged.find((r) => r.id === foreign)?.tracking?.status ?? null).toBeNull();
    expect(run.applied).toEqual([]);
  });

  it('regression (collect credited a forged unit): a state edited to name another unit is refused as a whole, each value listed', async () => {
    const file = fileOf('发改委', 'forged.xlsx');
    const id = own('发改委')[0];
    await editUnitFile(file, [{ id, header: '进展状态', value: '已完成' }], (json) => ((json.split as { unit: string }).unit = '财政局'));
    const run = await runCollect([file]);
    expect(run.code).toBe(1);
    const forged = run.findings.filter((f) => f.code === 'collect-identity-mismatch');
    expect(forged.map((f) => [f.unit, f.id ?? null, f.field ?? null])).toEqual([
      ['财政局', null, null],
      ['财政局', id, 'status'],
    ]);
    expect(run.applied).toEqual([]);
  });

  it('regression (collect credited a forged unit): a digest that no longer matches the state is refused even when the tasks overlap', async () => {
    const file = fileOf('发改委', 'forged-baseline.xlsx');
    const id = own('发改委')[0];
    await editUnitFile(file, [{ id, header: '进展状态', value: '推进中' }], (json) => {
      // A task added to what the state says was sent: the digest the split wrote no longer matches.
      (json.split as { baseline: Record<string, unknown> }).baseline['2099-T-001'] = { fp: '', tracking: {} };
    });
    const run = await runCollect([file]);
    expect(run.findings.map((f) => f.code)).toContain('collect-identity-mismatch');
    expect(run.applied).toEqual([]);
  });

  it('regression (collect applied 150 %): a progress out of 0–100 % is refused', async () => {
    const [a, b] = own('发改委');
    const file = fileOf('发改委', 'range.xlsx');
    await editUnitFile(file, [
      { id: a, header: '完成进度', value: '150%' },
      { id: b, header: '完成进度', value: '-10%' },
    ]);
    const run = await runCollect([file]);
    expect(run.code).toBe(1);
    expect(run.findings.filter((f) => f.code === 'collect-value-out-of-range').map((f) => [f.unit, f.id, f.field, f.value])).toEqual([
      ['发改委', a, 'progress', '150'],
      ['发改委', b, 'progress', '-10'],
    ]);
    expect(run.applied).toEqual([]);
  });

  it('regression (collect dropped 完成了 and 八成 silently): unreadable values are refused with the cell, and the suggestion', async () => {
    const [a, b] = own('发改委');
    const file = fileOf('发改委', 'unreadable.xlsx');
    await editUnitFile(file, [
      { id: a, header: '进展状态', value: '完成了' },
      { id: b, header: '完成进度', value: '八成' },
    ]);
    const run = await runCollect([file]);
    expect(run.code).toBe(1);
    const found = run.findings.filter((f) => f.code === 'collect-value-unreadable');
    expect(found.map((f) => [f.id, f.field, f.value])).toEqual([
      [a, 'status', '完成了'],
      [b, 'progress', '八成'],
    ]);
    expect(found.every((f) => /^'主要工作'!\w+\d+$/.test(f.cell ?? ''))).toBe(true);
    expect(found[1].message).toContain('80%');
    expect(run.applied).toEqual([]);
  });

  it('regression (collect applied 2023-02-30): an impossible date is refused', async () => {
    const [a] = own('发改委');
    const file = fileOf('发改委', 'date.xlsx');
    await editUnitFile(file, [{ id: a, header: '完成时限', value: '2023-02-30' }]);
    const run = await runCollect([file]);
    expect(run.findings.filter((f) => f.code === 'collect-date-impossible').map((f) => [f.unit, f.id, f.field, f.value])).toEqual([['发改委', a, 'deadline', '2023-02-30']]);
    expect(run.merged.find((r) => r.id === a)?.tracking?.deadline).not.toBe('2023-02-30');
    expect(run.applied).toEqual([]);
  });

  it('regression (collect exited 0 with errors): every submitted value is applied or listed, and the run says why it exits 1', async () => {
    const [a, b, c] = own('发改委');
    const file = fileOf('发改委', 'mixed.xlsx');
    await editUnitFile(file, [
      { id: a, header: '进展状态', value: '推进中' },
      { id: b, header: '完成进度', value: '八成' },
      { id: c, header: '完成进度', value: '150%' },
    ]);
    const text = await runCollect([file], false);
    expect(text.code).toBe(1);
    expect(text.stdout.join('\n')).toMatch(/\[collect-value-unreadable\][\s\S]*\[collect-value-out-of-range\][\s\S]*未采用 2 处/);
    expect(text.merged.find((r) => r.id === a)?.tracking?.status).toBe('推进中');
    const run = await runCollect([file]);
    expect(run.applied.map((x) => [x.id, x.field])).toEqual([[a, 'status']]);
    expect(run.findings.filter((f) => f.refused).map((f) => [f.id, f.field])).toEqual([
      [b, 'progress'],
      [c, 'progress'],
    ]);
  });

  it('an untouched return applies nothing, refuses nothing and exits 0 (with the sent record: no finding at all)', async () => {
    const run = await runCollect([fileOf('发改委', 'untouched.xlsx'), '--sent', path.join(units, '分发记录.json')]);
    expect([run.code, run.applied, run.findings]).toEqual([0, [], []]);
  });

  it('without a sent record, collect checks as before and says so once (collect-no-sent-record, info)', async () => {
    const run = await runCollect([fileOf('发改委', 'untouched-a.xlsx'), fileOf('财政局', 'untouched-b.xlsx')]);
    expect([run.code, run.applied]).toEqual([0, []]);
    expect(run.findings.map((f) => [f.code, f.severity, f.refused])).toEqual([['collect-no-sent-record', 'info', false]]);
  });
});
