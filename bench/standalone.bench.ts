/**
 * The standalone page from disk in Chromium (network refused): file size, first render and the
 * import + name check of the 2023 seed, best of three (targets: both under 1 s).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { launchBrowser } from '../test/e2e/browser';
import type { BenchContext, BenchResult } from './run';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildStandalone } = require('../scripts/build-standalone.js') as { buildStandalone: (file?: string) => Promise<{ file: string; bytes: number }> };

const SEED_2023 = path.join(__dirname, '..', 'seeds', '000_8040c5413e4a8407.txt');
const RUNS = 3;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const built = await buildStandalone(path.join(ctx.tmpDir, 'fenjie.html'));
  const browser = await launchBrowser();
  const renders: number[] = [];
  const imports: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const page = await browser.newPage();
      await page.route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(built.file).href);
      await page.waitForSelector('[data-testid="page-title"]');
      renders.push(await page.evaluate(() => (window as { fenjieFirstRenderMs?: number }).fenjieFirstRenderMs ?? NaN));
      const started = Date.now();
      await page.setInputFiles('[data-testid="notice-input"]', SEED_2023);
      await page.waitForSelector('[data-testid="check-summary"]', { timeout: 30000 });
      imports.push(Date.now() - started);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const best = (values: number[]): number => Math.round(Math.min(...values));
  ctx.log(`  fenjie.html ${(built.bytes / 1048576).toFixed(2)} MB; first render ${renders.map(Math.round).join(' / ')} ms; import 2023 ${imports.join(' / ')} ms`);
  return {
    'page size (MB)': Math.round((fs.statSync(built.file).size / 1048576) * 100) / 100,
    'first render from disk, best (ms)': best(renders),
    'first render under 1 s': best(renders) < 1000,
    'import + check 2023 seed, best (ms)': best(imports),
    'import under 1 s': best(imports) < 1000,
  };
}
