/**
 * Returns sent back untouched are no edits. Regressions: (1) a 完成时限 the notice wrote in words
 * (长期坚持, or two dates in one cell) came back from every unit as "unreadable" and collect refused
 * it and exited 1; (2) `collect M units/*.xlsx` ignored the 分发记录.json split wrote into units/,
 * which `collect M units/` reads.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbookPlan, parseDocument } from '../../../core/testing';
import type { CollectFinding } from '../../../core/index';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { command as split } from '../split.command';
import { command as collect } from '../collect.command';
import { captureMergedIO } from './capture-io';

const SEED_2023 = path.join(__dirname, '../../../../seeds/000_8040c5413e4a8407.txt');

describe('collect of returns sent back as they were sent', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-collect-as-sent-'));
  const master = path.join(dir, 'master.xlsx');
  const units = path.join(dir, 'units');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const result = await parseDocument(new Uint8Array(fs.readFileSync(SEED_2023)), 'seed.txt');
    const rows = result.tables[0].rows;
    rows[0].deadline = { text: '长期坚持', iso: null };
    rows[1].deadline = { text: '6月底前招标，12月底前竣工', iso: null };
    rows[2].deadline = { text: '持续推进', iso: null };
    fs.writeFileSync(master, await writeXlsx(buildWorkbookPlan({ results: [result] })));
    expect(await split.run([master, '--by', 'unit', '-o', units], captureMergedIO({ pretty: false }))).toBe(0);
  });

  async function run(inputs: string[]): Promise<{ code: number; findings: CollectFinding[]; sent: string[] }> {
    const io = captureMergedIO({ pretty: false });
    const code = await collect.run([master, ...inputs, '-o', path.join(dir, `merged-${Math.random().toString(36).slice(2)}.xlsx`), '--json'], io);
    const report = JSON.parse(io.stdout.join('')) as { findings: CollectFinding[]; sent: string[] };
    return { code, findings: report.findings, sent: report.sent };
  }

  it('refuses nothing and exits 0 when every unit returns its file untouched, 完成时限 in words included', async () => {
    const result = await run([units]);
    expect(result.findings.filter((f) => f.refused)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('reads the sent record beside the returns whether the folder or its files are named', async () => {
    const files = fs.readdirSync(units).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(units, f));
    const byFolder = await run([units]);
    const byFiles = await run(files);
    expect(byFolder.sent).toEqual([path.join(units, '分发记录.json')]);
    expect(byFiles.sent).toEqual(byFolder.sent);
    expect(byFiles.findings.map((f) => f.code)).not.toContain('collect-no-sent-record');
  });
});
