/**
 * Issue 10: `fenjie parse big.docx --json` as a whole process (node start, read, recognise,
 * normalise, JSON out) side by side with mammoth.convertToHtml of the same file in its own
 * process, and with a floor script (bench/floor-parse.js: unzip + one tokenizer pass +
 * JSON.stringify). Targets: ≥ 10× faster than mammoth, within 3× of the floor, linear to 50,000 rows.
 * Best (min) and median of paired rounds; the targets use the best runs of both sides.
 * Needs the compiled CLI (lib/); rebuilt when stale.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeSyntheticDocx } from './make-synthetic-docx';
import { buildCli, ROOT } from './child-process';
import type { BenchContext, BenchResult } from './run';

const REPEATS = 5;

function file(ctx: BenchContext, rows: number): string {
  const name = path.join(ctx.tmpDir, `synthetic-${rows}.docx`);
  if (!fs.existsSync(name)) fs.writeFileSync(name, makeSyntheticDocx(rows));
  return name;
}

/** Wall time of one whole process, its stdout thrown away (but written). */
function processMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (out.status !== 0 && out.status !== 1) throw new Error(`${args.join(' ')} exited ${out.status}`);
  return ms;
}

/**
 * The commands run in turn, REPEATS rounds (paired: a load spike on this shared machine hits
 * every command of its round, not one command's block); min and median of each.
 */
function pairedMs(commands: Record<string, string[]>): Record<string, { min: number; median: number }> {
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < REPEATS; i += 1) for (const [name, args] of Object.entries(commands)) runs[name].push(processMs(args));
  return Object.fromEntries(Object.entries(runs).map(([name, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return [name, { min: Math.round(sorted[0]), median: Math.round(sorted[Math.floor(sorted.length / 2)]) }];
  }));
}

const MAMMOTH = "require('mammoth').convertToHtml({path: process.argv[1]}).then((r) => process.stdout.write(r.value))";

export async function run(ctx: BenchContext): Promise<BenchResult> {
  buildCli();
  const result: BenchResult = {};
  const tenK = file(ctx, 10000);
  const fiftyK = file(ctx, 50000);
  const ten = pairedMs({ fenjie: ['bin/fenjie', 'parse', tenK, '--json'], floor: ['bench/floor-parse.js', tenK], mammoth: ['-e', MAMMOTH, tenK] });
  const fifty = pairedMs({ fenjie: ['bin/fenjie', 'parse', fiftyK, '--json'], floor: ['bench/floor-parse.js', fiftyK] });
  const fenjie = ten.fenjie.min;
  const mammoth = ten.mammoth.min;
  const floor = ten.floor.min;
  Object.assign(result, {
    process_runs: REPEATS,
    process_10k_fenjie_parse_json_ms: fenjie,
    process_10k_fenjie_parse_json_median_ms: ten.fenjie.median,
    process_10k_floor_ms: floor,
    process_10k_floor_median_ms: ten.floor.median,
    process_10k_mammoth_ms: mammoth,
    process_10k_mammoth_median_ms: ten.mammoth.median,
    process_10k_speedup_vs_mammoth: Math.round((mammoth / fenjie) * 10) / 10,
    process_10k_speedup_vs_mammoth_medians: Math.round((ten.mammoth.median / ten.fenjie.median) * 10) / 10,
    process_10k_ratio_to_floor: Math.round((fenjie / floor) * 100) / 100,
    process_50k_fenjie_parse_json_ms: fifty.fenjie.min,
    process_50k_floor_ms: fifty.floor.min,
    process_linearity_50k_vs_10k: Math.round((fifty.fenjie.min / fenjie / 5) * 100) / 100,
    target_10x_mammoth: mammoth / fenjie >= 10,
    target_within_3x_floor: fenjie / floor <= 3,
    loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
  });
  ctx.log(`10k rows, whole process: fenjie parse --json ${fenjie} ms, floor ${floor} ms, mammoth ${mammoth} ms`);
  return result;
}
