/**
 * Issue 17, trusted returns, on the command line: `split` keeps what it sent in 分发记录.json beside
 * the unit files and leaves the master untouched (re-writing it from its records would lose the
 * user's other sheets and formatting); `collect` compares the returns with that record, read from
 * the returns' folder or given with --sent.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbookPlan, parseDocument, readFenjieWorkbook } from '../../../core/testing';
import { parseSentRecordJson, type CollectFinding } from '../../../core/index';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { command as split } from '../split.command';
import { command as collect } from '../collect.command';
import { command as round } from '../round.command';
import { editUnitFile } from './unit-file-edit';
import { captureMergedIO } from './capture-io';

const SEED_2023 = path.join(__dirname, '../../../../seeds/000_8040c5413e4a8407.txt');
const sha = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

type Row = { id?: string; leadUnits: string[]; relatedUnits: string[]; tracking?: Record<string, unknown> };

describe('split keeps a sent record; collect compares returns with it (issue 17)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-split-sent-'));
  const master = path.join(dir, 'master.xlsx');
  const units = path.join(dir, 'units');
  const record = path.join(units, '分发记录.json');
  let rows: Row[] = [];
  let splitOut: string[] = [];
  let masterBefore = '';
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const result = await parseDocument(new Uint8Array(fs.readFileSync(SEED_2023)), 'seed.txt');
    fs.writeFileSync(master, await writeXlsx(buildWorkbookPlan({ results: [result] })));
    masterBefore = sha(fs.readFileSync(master));
    const io = captureMergedIO();
    expect(await split.run([master, '--by', 'unit', '-o', units], io)).toBe(0);
    splitOut = io.stdout;
    rows = (await readFenjieWorkbook(new Uint8Array(fs.readFileSync(master)))).result.tables.flatMap((t) => t.rows as unknown as Row[]);
  });

  const own = (unit: string): string[] => rows.filter((r) => r.id?.includes('-T-') && (r.leadUnits.includes(unit) || r.relatedUnits.includes(unit)) && !r.tracking?.status).map((r) => r.id as string);

  async function runCollect(args: string[]): Promise<{ code: number; findings: CollectFinding[]; applied: { id: string; field: string; to: string }[]; sent: string[] }> {
    const io = captureMergedIO();
    const out = path.join(dir, `merged-${Math.random().toString(36).slice(2)}.xlsx`);
    const code = await collect.run([master, ...args, '-o', out, '--json'], io);
    const report = JSON.parse(io.stdout.join(''));
    return { code, findings: report.findings, applied: report.applied, sent: report.sent };
  }

  it('writes 分发记录.json beside the unit files, says where, and leaves the master byte for byte as it was', () => {
    expect(sha(fs.readFileSync(master))).toBe(masterBefore);
    expect(splitOut.join('\n')).toContain(`分发记录（各单位所发任务与分发值，收回时核对用）：${record}；原工作簿 master.xlsx 未改动`);
    const sent = parseSentRecordJson(fs.readFileSync(record, 'utf8'));
    const entry = sent.units.find((u) => u.unit === '发改委')!;
    expect(entry.file).toBe('2023-发改委.xlsx');
    // Each unit's entry names the bytes it was sent.
    expect(entry.fileDigest).toBe(sha(fs.readFileSync(path.join(units, entry.file))));
    expect(entry.tasks.map((i) => sent.tasks[i].id).sort()).toEqual(rows.filter((r) => r.leadUnits.includes('发改委') || r.relatedUnits.includes('发改委')).map((r) => r.id).sort());
  });

  it('collect of the split folder reads the record from it: an honest return is applied, nothing else said, exit 0', async () => {
    const returns = path.join(dir, 'returns');
    fs.mkdirSync(returns);
    fs.copyFileSync(path.join(units, '2023-发改委.xlsx'), path.join(returns, '2023-发改委.xlsx'));
    fs.copyFileSync(record, path.join(returns, '分发记录.json'));
    const id = own('发改委')[0];
    await editUnitFile(path.join(returns, '2023-发改委.xlsx'), [{ id, header: '进展状态', value: '推进中' }]);
    const run = await runCollect([returns]);
    expect([run.code, run.findings, run.applied.map((a) => [a.id, a.to])]).toEqual([0, [], [[id, '推进中']]]);
    expect(run.sent).toEqual([path.join(returns, '分发记录.json')]);
  });

  it('regression (collect applied a return whose hidden baseline was edited): with --sent the forged file is refused with the cell, exit 1', async () => {
    const file = path.join(dir, 'forged.xlsx');
    fs.copyFileSync(path.join(units, '2023-发改委.xlsx'), file);
    const id = own('发改委')[0];
    await editUnitFile(file, [{ id, header: '进展状态', value: '已完成' }], (json) => {
      (json.split as { baseline: Record<string, { tracking: Record<string, unknown> }> }).baseline[id].tracking.status = '已完成';
    });
    const without = await runCollect([file]);
    // Before the record, the edit hid itself: the unit's value equals the baseline it claims.
    expect(without.applied).toEqual([]);
    expect(without.findings.map((f) => f.code)).toEqual(['collect-no-sent-record']);
    const run = await runCollect([file, '--sent', record]);
    expect(run.code).toBe(1);
    const forged = run.findings.find((f) => f.code === 'collect-baseline-forged')!;
    expect(forged).toMatchObject({ unit: '发改委', id, field: 'status', value: '已完成', refused: true });
    expect(forged.cell).toMatch(/^'主要工作'!\w+\d+$/);
    expect(run.findings.filter((f) => f.id === id && f.code === 'collect-baseline-forged').length).toBe(2);
    expect(run.applied).toEqual([]);
  });

  it('regression (round collect did not read the sent record and exited 0): the forged file is refused there too, exit 1', async () => {
    const opened = path.join(dir, 'round.xlsx');
    expect(await round.run(['start', master, '--period', '2023Q3', '--due', '2023-09-20', '-o', opened], captureMergedIO())).toBe(0);
    const file = path.join(dir, 'forged-round.xlsx');
    fs.copyFileSync(path.join(units, '2023-发改委.xlsx'), file);
    const id = own('发改委')[0];
    await editUnitFile(file, [{ id, header: '进展状态', value: '已完成' }], (json) => {
      (json.split as { baseline: Record<string, { tracking: Record<string, unknown> }> }).baseline[id].tracking.status = '已完成';
    });
    const io = captureMergedIO();
    const code = await round.run(['collect', opened, file, '--sent', record, '-o', path.join(dir, 'round-merged.xlsx'), '--date', '2023-09-30'], io);
    expect(code).toBe(1);
    const merged = await readFenjieWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, 'round-merged.xlsx'))));
    const row = merged.result.tables.flatMap((t) => t.rows as unknown as Row[]).find((r) => r.id === id);
    expect(row?.tracking?.status ?? null).not.toBe('已完成');
  });

  it('a --sent file that is not a sent record is refused with sent-record-invalid', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"kind":"split-manifest"}');
    await expect(runCollect([path.join(units, '2023-发改委.xlsx'), '--sent', bad])).rejects.toMatchObject({ code: 'sent-record-invalid' });
  });
});
