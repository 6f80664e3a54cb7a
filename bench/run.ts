/**
 * `npm run bench`: runs every bench/*.bench.ts in turn, prints its numbers and ratios, and saves
 * them to bench/results.json. Each bench module exports `run(ctx)` returning a flat object of numbers.
 * Run with --expose-gc so peak-memory figures start from a collected heap.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface BenchContext {
  /** Scratch folder for generated inputs (git-ignored). */
  tmpDir: string;
  log: (line: string) => void;
}

export type BenchResult = Record<string, number | string | boolean>;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = __dirname;
  const tmpDir = path.join(dir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const resultsPath = path.join(dir, 'results.json');
  const results: Record<string, unknown> = fs.existsSync(resultsPath) ? JSON.parse(fs.readFileSync(resultsPath, 'utf8')) : {};
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    process.stdout.write(`\n== ${name} ==\n`);
    const mod = (await import(path.join(dir, file))) as { run: (ctx: BenchContext) => Promise<BenchResult> };
    const result = await mod.run({ tmpDir, log: (line) => process.stdout.write(`${line}\n`) });
    for (const [key, value] of Object.entries(result)) process.stdout.write(`  ${key.padEnd(44)} ${value}\n`);
    results[name] = { ...result, measuredAt: new Date().toISOString() };
  }
  results.machine = { node: process.version, cpus: require('os').cpus().length, platform: process.platform };
  fs.writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nsaved ${path.relative(process.cwd(), resultsPath)}\n`);
}

/** Time an async or sync function; returns milliseconds and the peak RSS/heap growth seen. */
export async function measure<T>(fn: () => T | Promise<T>): Promise<{ ms: number; peakHeapMB: number; value: T }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const start = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms: Math.round(ms * 10) / 10, peakHeapMB: Math.round(((peak - base) / 1048576) * 10) / 10, value };
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
