/**
 * Issue 15: the task pane's downloads at 10,000 rows in Chromium, as the clerk waits for them (click
 * to file saved): next year's workbook and the per-unit workbooks zipped. Median of three pane
 * sessions; target ≤ 3 s each. Needs `npm run build` (dist/harness.html).
 */
import * as fs from 'fs';
import * as path from 'path';
import { launchBrowser } from '../test/e2e/browser';
import { DIST, assertBuilt } from '../test/e2e/harness-page';
import { serveStatic } from '../test/e2e/static-server';
import { timePaneDownloads } from '../test/e2e/pane-download';
import { makeSyntheticDocx } from './make-synthetic-docx';
import { median } from './child-process';
import type { BenchContext, BenchResult } from './run';

const ROWS = 10000;
const RUNS = 3;
const TARGET_MS = 3000;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  assertBuilt();
  const notice = path.join(ctx.tmpDir, `pane-${ROWS}.docx`);
  fs.writeFileSync(notice, makeSyntheticDocx(ROWS));
  const server = await serveStatic(DIST);
  const browser = await launchBrowser();
  const imports: number[] = [];
  const rollovers: number[] = [];
  const splits: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const run = await timePaneDownloads(browser, server.url, notice, '2024');
      imports.push(run.importMs);
      rollovers.push(run.rollover.ms);
      splits.push(run.split.ms);
      await run.page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  ctx.log(`  import ${imports.join(' / ')} ms; rollover download ${rollovers.join(' / ')} ms; split download ${splits.join(' / ')} ms`);
  return {
    rows: ROWS,
    'import 10k, median (ms)': median(imports),
    'rollover workbook download 10k, median (ms)': median(rollovers),
    'split zip download 10k, median (ms)': median(splits),
    target_rollover_download_3s: median(rollovers) <= TARGET_MS,
    target_split_download_3s: median(splits) <= TARGET_MS,
  };
}
