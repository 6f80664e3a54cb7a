/**
 * Issue 10: `fenjie parse big.docx --json` as a whole process (node start, read, recognise,
 * normalise, JSON out) side by side with mammoth.convertToHtml of the same file in its own
 * process, and with a floor script (bench/floor-parse.js: unzip + one tokenizer pass +
 * JSON.stringify). Targets: ≥ 10× faster than mammoth, within 3× of the floor, linear to 50,000 rows.
 * Needs the compiled CLI (lib/); it is built once when missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeSyntheticDocx } from './make-synthetic-docx';
import { buildCli, ROOT } from './child-process';
import type { BenchContext, BenchResult } from './run';

const REPEATS = 3;

function file(ctx: BenchContext, rows: number): string {
  const name = path.join(ctx.tmpDir, `synthetic-${rows}.docx`);
  if (!fs.existsSync(name)) fs.writeFileSync(name, makeSyntheticDocx(rows));
  return name;
}

/** Best wall time of a few runs of a whole process, its stdout thrown away (but written). */
function bestProcessMs(args: string[]): number {
  let best = Infinity;
  for (let i = 0; i < REPEATS; i += 1) {
    const start = process.hrtime.bigint();
    const out = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (out.status !== 0 && out.status !== 1) throw new Error(`${args.join(' ')} exited ${out.status}`);
    best = Math.min(best, ms);
  }
  return Math.round(best);
}

const MAMMOTH = "require('mammoth').convertToHtml({path: process.argv[1]}).then((r) => process.stdout.write(r.value))";

export async function run(ctx: BenchContext): Promise<BenchResult> {
  if (!fs.existsSync(path.join(ROOT, 'lib/cli/main.js'))) {
    ctx.log('building lib/ (npm run build:cli)');
    buildCli();
  }
  const result: BenchResult = {};
  const tenK = file(ctx, 10000);
  const fenjie = bestProcessMs(['bin/fenjie', 'parse', tenK, '--json']);
  const floor = bestProcessMs(['bench/floor-parse.js', tenK]);
  const mammoth = bestProcessMs(['-e', MAMMOTH, tenK]);
  const fiftyK = file(ctx, 50000);
  const fenjie50 = bestProcessMs(['bin/fenjie', 'parse', fiftyK, '--json']);
  const floor50 = bestProcessMs(['bench/floor-parse.js', fiftyK]);
  Object.assign(result, {
    process_10k_fenjie_parse_json_ms: fenjie,
    process_10k_floor_ms: floor,
    process_10k_mammoth_ms: mammoth,
    process_10k_speedup_vs_mammoth: Math.round((mammoth / fenjie) * 10) / 10,
    process_10k_ratio_to_floor: Math.round((fenjie / floor) * 100) / 100,
    process_50k_fenjie_parse_json_ms: fenjie50,
    process_50k_floor_ms: floor50,
    process_linearity_50k_vs_10k: Math.round((fenjie50 / fenjie / 5) * 100) / 100,
    target_10x_mammoth: mammoth / fenjie >= 10,
    target_within_3x_floor: fenjie / floor <= 3,
    loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
  });
  ctx.log(`10k rows, whole process: fenjie parse --json ${fenjie} ms, floor ${floor} ms, mammoth ${mammoth} ms`);
  return result;
}
