/**
 * Issue 16 kill test: `node bin/fenjie.js convert` of a large input, SIGKILLed at 20 random
 * moments over its run. Afterwards the output is the old file or a complete new one that opens,
 * and no temporary file remains once the folder is written to again (a killed process cannot
 * remove its own temporary file; the next write into the folder sweeps those of dead processes).
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFenjieWorkbook } from '../src/core/testing';
import { sweepStaleTemps } from '../src/cli/atomic-file.writer';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin/fenjie.js');
const KILLS = 20;

/**
 * bin/fenjie.js runs lib/ (built by npm ci); rebuilt when stale through scripts/build-cli.js, the
 * build npm uses. Regression: this test once rebuilt lib/ with a plain tsc, leaving an eager core
 * index that slowed every later `fenjie` run and bench.
 */
function ensureBuilt(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.js'), '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Deterministic moments (a fixed-seed LCG), so a failure can be replayed; every other one near the end, where the file is written. */
function moments(count: number, span: number): number[] {
  let x = 16;
  return Array.from({ length: count }, (_, i) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const r = x / 2 ** 31;
    return Math.round(i % 2 === 0 ? r * span * 1.05 : span * (0.8 + r * 0.25));
  });
}

function runConvert(input: string, output: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; pid: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'convert', input, '-o', output, '--no-registry'], { stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, pid: child.pid ?? 0, ms: Date.now() - started });
    });
  });
}

describe('issue 16: convert killed with SIGKILL at random moments', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-kill-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds lib/ with the lazy core index, as npm ci does (regression: a plain tsc rebuild made it eager)', () => {
    ensureBuilt();
    expect(fs.readFileSync(path.join(ROOT, 'lib/core/index.js'), 'utf8')).toMatch(/var \w+_m; function \w+\(\) \{ return \w+_m \|\| \(\w+_m = require\(/);
  });

  it('leaves the old file or a complete new one, and no temporary file after the next write', async () => {
    ensureBuilt();
    const seed = fs.readFileSync(path.join(ROOT, 'seeds/000_8040c5413e4a8407.txt'), 'utf8');
    const input = path.join(dir, 'big.txt');
    fs.writeFileSync(input, seed.repeat(6));
    const out = path.join(dir, '台账.xlsx');
    const reference = path.join(dir, 'reference.xlsx');
    const full = await runConvert(input, reference);
    expect(full.code).toBe(0);
    const rows = (await readFenjieWorkbook(new Uint8Array(fs.readFileSync(reference)))).result.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toBeGreaterThan(600);
    fs.writeFileSync(out, 'the old 台账');
    let oldSha = sha(out);
    const outcomes = { old: 0, complete: 0, tempLeft: 0 };
    for (const delay of moments(KILLS, full.ms)) {
      const run = await runConvert(input, out, delay);
      const now = sha(out);
      if (now === oldSha) outcomes.old++;
      else {
        const book = await readFenjieWorkbook(new Uint8Array(fs.readFileSync(out)));
        expect(book.result.tables.reduce((n, t) => n + t.rows.length, 0)).toBe(rows);
        outcomes.complete++;
        oldSha = now;
      }
      const temps = fs.readdirSync(dir).filter((f) => f.endsWith('.tmp') && f.includes(`-${run.pid}-`));
      for (const t of temps) expect(t).toMatch(/^\.台账\.xlsx\.fenjie-\d+-[0-9a-z]+\.tmp$/);
      if (temps.length > 0) outcomes.tempLeft++;
    }
    expect(outcomes.old + outcomes.complete).toBe(KILLS);
    // The folder's next write sweeps what a killed run left; a complete run leaves nothing behind.
    expect((await runConvert(input, out)).code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(sweepStaleTemps(dir)).toEqual([]);
    process.stdout.write(`kill test: ${JSON.stringify(outcomes)} over ${KILLS} kills, full run ${full.ms} ms\n`);
  }, 120_000);
});
