/**
 * Drives the task pane (harness over the memory host) through the import of a large notice and
 * times the two downloads a clerk waits for: next year's workbook (rollover) and the per-unit
 * workbooks (split, zipped). Shared by the e2e test (which checks the files) and the bench (which
 * keeps the ≤ 3 s target), so both measure the same thing.
 */
import type { Browser, Page } from 'playwright-core';
import { importFile, openHarness, openSection } from './harness-page';
import { downloadFile } from './browser';

export interface PaneDownload {
  name: string;
  bytes: Uint8Array;
  /** From the click to the file saved by the browser. */
  ms: number;
}

export interface PaneDownloads {
  importMs: number;
  rollover: PaneDownload;
  split: PaneDownload;
  errors: string[];
  page: Page;
}

export async function timePaneDownloads(browser: Browser, baseUrl: string, noticePath: string, nextYear: string): Promise<PaneDownloads> {
  const { page, errors } = await openHarness(browser, baseUrl);
  const started = Date.now();
  await importFile(page, noticePath);
  const importMs = Date.now() - started;
  await openSection(page, 'export');
  await page.fill('[data-testid="rollover-year"] input, input[data-testid="rollover-year"]', nextYear);
  const rollover = await downloadFile(page, 'rollover-run', 120000);
  const split = await downloadFile(page, 'export-split', 120000);
  return { importMs, rollover, split, errors, page };
}
