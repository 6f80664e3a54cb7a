/**
 * Issue 15's other whole-process targets, as a user waits for them: a child process per run of
 * `node bin/fenjie.js …`, each paired with a bare `node -e 0` run (the start-up floor of this
 * machine at that moment), median and min of the runs, CPU time and peak RSS of the child.
 * - `split` of a 10,000-row workbook by unit (60 units from the default 名录): ≤ 1.5 s
 * - `collect` of the 60 returns (each edited with ExcelJS, as a clerk's Excel saves it): ≤ 2.0 s
 * - `validate` of a seed: ≤ 0.30 s
 * - `fenjie --help`: ≤ 0.15 s
 * Needs the compiled CLI (lib/); it is rebuilt first.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { makeSyntheticDocx } from './make-synthetic-docx';
import { BIN, buildCli, median, round, ROOT, runChild, type ChildRun } from './child-process';
import type { BenchContext, BenchResult } from './run';

const SEED = path.join(ROOT, 'seeds', '000_8040c5413e4a8407.txt');
const ROWS = 10000;
const UNIT_COUNT = 60;


/** `runs` pairs of (command, bare node): the figures of both, under `name.` keys. */
function pairedRuns(ctx: BenchContext, name: string, runs: number, args: (i: number) => string[], okCodes?: number[]): { out: BenchResult; medianS: number } {
  const cmd: ChildRun[] = [];
  const bare: ChildRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    ctx.log(`${name}, run ${i + 1}/${runs}…`);
    cmd.push(runChild(ctx, args(i), okCodes));
    bare.push(runChild(ctx, ['-e', '0']));
  }
  const medianS = median(cmd.map((r) => r.wallS));
  const out: BenchResult = {
    [`${name}.runs`]: runs,
    [`${name}.medianS`]: round(medianS, 3),
    [`${name}.minS`]: round(Math.min(...cmd.map((r) => r.wallS)), 3),
    [`${name}.cpuMedianS`]: round(median(cmd.map((r) => r.cpuS)), 3),
    [`${name}.peakRssMiB`]: Math.round(Math.max(...cmd.map((r) => r.rssMiB))),
    [`${name}.bareNodeMedianS`]: round(median(bare.map((r) => r.wallS)), 3),
  };
  return { out, medianS };
}

function unitNames(): string[] {
  const registry = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/registry/default-registry.json'), 'utf8')) as { units: { name: string }[] };
  return registry.units.slice(0, UNIT_COUNT).map((u) => u.name);
}

/** A unit's return: 进展状态 and 最新进展 filled in on every third task of its file. */
async function fillReturn(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('主要工作');
  if (!ws) throw new Error(`${file}: no 主要工作 sheet`);
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && (row.values as unknown[]).includes('编号')) headerRow = r;
  });
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const [status, latest] = [headers.indexOf('进展状态'), headers.indexOf('最新进展')];
  ws.eachRow((row, r) => {
    if (r <= headerRow || (r + n) % 3 !== 0) return;
    row.getCell(status).value = '推进中';
    row.getCell(latest).value = `第${r}行：已完成前期工作，正在推进。`;
  });
  await wb.xlsx.writeFile(file);
}

async function prepare(ctx: BenchContext): Promise<{ master: string; returns: string }> {
  const docx = path.join(ctx.tmpDir, `commands-${ROWS}-${UNIT_COUNT}u.docx`);
  fs.writeFileSync(docx, makeSyntheticDocx(ROWS, unitNames()));
  const master = path.join(ctx.tmpDir, 'commands-master.xlsx');
  fs.rmSync(master, { force: true });
  ctx.log(`convert ${ROWS} rows × ${UNIT_COUNT} units → master workbook…`);
  execFileSync(process.execPath, [BIN, 'convert', docx, '-o', master], { stdio: 'ignore' });
  const returns = path.join(ctx.tmpDir, 'commands-returns');
  fs.rmSync(returns, { recursive: true, force: true });
  execFileSync(process.execPath, [BIN, 'split', master, '--by', 'unit', '-o', returns], { stdio: 'ignore' });
  const files = fs.readdirSync(returns).filter((f) => f.endsWith('.xlsx'));
  ctx.log(`filling in ${files.length} returns with ExcelJS…`);
  for (const [i, f] of files.entries()) await fillReturn(path.join(returns, f), i);
  for (const f of fs.readdirSync(returns).filter((name) => !name.endsWith('.xlsx'))) fs.rmSync(path.join(returns, f));
  return { master, returns };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  ctx.log('building the CLI (lib/)…');
  buildCli();
  const out: BenchResult = { loadAverage1mBefore: round(os.loadavg()[0], 1) };
  const { master, returns } = await prepare(ctx);
  const unitFiles = fs.readdirSync(returns).length;
  const splitDir = (i: number): string => path.join(ctx.tmpDir, `commands-split-${i}`);
  const split = pairedRuns(ctx, 'split10k', 3, (i) => {
    fs.rmSync(splitDir(i), { recursive: true, force: true });
    return [BIN, 'split', master, '--by', 'unit', '-o', splitDir(i)];
  });
  const merged = (i: number): string => path.join(ctx.tmpDir, `commands-merged-${i}.xlsx`);
  const collect = pairedRuns(ctx, 'collect10k', 3, (i) => {
    fs.rmSync(merged(i), { force: true });
    return [BIN, 'collect', master, returns, '-o', merged(i)];
    // Exit 1 is collect's answer when some submitted values are not applied (two units filling
    // one task differently, as these returns do): the merged file is still written.
  }, [0, 1]);
  const validate = pairedRuns(ctx, 'validateSeed', 7, () => [BIN, 'validate', SEED], [0, 1]);
  const help = pairedRuns(ctx, 'help', 7, () => [BIN, '--help']);
  Object.assign(out, split.out, collect.out, validate.out, help.out, {
    'split10k.unitFiles': unitFiles,
    target_split_10k_60_units_s: split.medianS <= 1.5,
    target_collect_10k_60_returns_s: collect.medianS <= 2.0,
    target_validate_seed_s: validate.medianS <= 0.3,
    target_help_s: help.medianS <= 0.15,
    loadAverage1mAfter: round(os.loadavg()[0], 1),
  });
  return out;
}
