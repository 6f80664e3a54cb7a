/**
 * Whole-process measurement shared by the *-process benches: one child process per run, its wall
 * time, CPU time and peak RSS (process.resourceUsage, written by a preloaded hook at exit), and the
 * CLI build the children run (tsc + the lazy core index, as `npm run build:cli` does).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { BenchContext } from './run';

export const ROOT = path.join(__dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'fenjie.js');

export interface ChildRun {
  wallS: number;
  cpuS: number;
  rssMiB: number;
  /** What the child printed on stdout. */
  stdout: string;
}

const PRELOAD = `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.FENJIE_BENCH_USAGE, JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime })); });\n`;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs `node …args` once; throws with its output when the exit code is not one of `okCodes`. */
export function runChild(ctx: BenchContext, args: string[], okCodes: number[] = [0]): ChildRun {
  const preload = path.join(ctx.tmpDir, 'usage-preload.cjs');
  const usage = path.join(ctx.tmpDir, 'usage.json');
  fs.writeFileSync(preload, PRELOAD);
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', preload, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, FENJIE_BENCH_USAGE: usage } });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  if (!okCodes.includes(child.status ?? -1)) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}${child.stdout.slice(0, 2000)}`);
  const u = JSON.parse(fs.readFileSync(usage, 'utf8')) as { maxRSS: number; user: number; system: number };
  return { wallS, cpuS: (u.user + u.system) / 1e6, rssMiB: u.maxRSS / 1024, stdout: child.stdout };
}

/** The CLI the children run, built as `npm run build:cli` builds it (scripts/build-cli.js), when lib/ is stale. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--if-stale'], { stdio: 'inherit' });
}
