/**
 * The standalone page (dist-standalone/fenjie.html) opened from file:// in Chromium with every
 * network request refused: both seeds imported, the workbook, the .docx and the per-unit .zip
 * downloaded; the files pass the schema check, read back with openpyxl/python-docx, and hold the
 * same records as `fenjie convert` of the same seed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { readFenjieWorkbook } from '../../src/core/testing';
import { command as convert } from '../../src/cli/commands/convert.command';
import { command as exportCommand } from '../../src/cli/commands/export.command';
import { checkOoxml, readBackDocx, readBackXlsx } from '../schema/ooxml';
import { downloadFile, launchBrowser, screenshot } from './browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildStandalone } = require('../../scripts/build-standalone.js') as { buildStandalone: (file?: string) => Promise<{ file: string; bytes: number }> };

const ROOT = join(__dirname, '..', '..');
const SEEDS = [
  { file: join(ROOT, 'seeds', '000_8040c5413e4a8407.txt'), year: 2023 },
  { file: join(ROOT, 'seeds', '002_9a155e4ec979336d.txt'), year: 2021 },
];

let browser: Browser;
let pageUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'fenjie-standalone-e2e-'));

beforeAll(async () => {
  const built = await buildStandalone();
  console.log(`dist-standalone/fenjie.html: ${(built.bytes / 1024 / 1024).toFixed(2)} MB`);
  pageUrl = pathToFileURL(built.file).href;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page from disk; every request that is not the file itself is refused and recorded. */
async function openPage(): Promise<{ page: Page; refused: string[]; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const refused: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.route('**', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  await page.goto(pageUrl);
  await page.waitForSelector('[data-testid="page-title"]');
  return { page, refused, errors };
}

const quiet = { out: () => undefined, err: () => undefined, lang: 'zh' as const };

async function cliConvert(seed: string, out: string): Promise<Uint8Array> {
  expect(await convert.run([seed, '-o', out], quiet)).toBe(0);
  return new Uint8Array(readFileSync(out));
}

async function cliBytes(year: number): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(join(dir, `${year}.xlsx`)));
}

async function cliExport(seed: string, out: string): Promise<Uint8Array> {
  expect(await exportCommand.run([seed, '--docx', out], quiet)).toBe(0);
  return new Uint8Array(readFileSync(out));
}

/** Schema errors without the file prefix the checker puts on each line. */
function schemaErrors(files: { name: string; bytes: Uint8Array }[]): string[] {
  return checkOoxml(files).map((line) => line.trim().replace(/^\d+-[^:]*:/, '')).sort();
}

test.each(SEEDS)('imports the $year seed from file:// with no network and downloads the CLI’s files', async ({ file, year }) => {
  const { page, refused, errors } = await openPage();
  await expect(page.textContent('[data-testid="page-title"]')).resolves.toBe('分解落实表助手（离线版）');
  const firstRender = await page.evaluate(() => (window as { fenjieFirstRenderMs?: number }).fenjieFirstRenderMs ?? -1);
  const started = Date.now();
  await page.setInputFiles('[data-testid="notice-input"]', file);
  await page.waitForSelector('[data-testid="check-summary"]', { timeout: 30000 });
  console.log(`standalone ${year}: first render ${firstRender.toFixed(0)} ms, import + check ${Date.now() - started} ms`);
  const rows = await page.$$eval('[data-testid="preview"] li[data-kind]', (items) => items.map((li) => [li.getAttribute('data-kind'), Number(li.getAttribute('data-rows'))]));
  if (year === 2023) await screenshot(page, 'standalone-import');

  const workbook = await downloadFile(page, 'download-workbook');
  const docx = await downloadFile(page, 'download-docx');
  const zip = await downloadFile(page, 'download-zip');
  expect([workbook.name, docx.name, zip.name]).toEqual([expect.stringMatching(/\.xlsx$/), expect.stringMatching(/\.docx$/), expect.stringMatching(/\.zip$/)]);

  const cli = await readFenjieWorkbook(await cliConvert(file, join(dir, `${year}.xlsx`)));
  const fromPage = await readFenjieWorkbook(workbook.bytes);
  expect(fromPage.result.tables).toEqual(cli.result.tables);
  expect(rows).toEqual(cli.result.tables.map((t) => [t.kind, t.rows.length]));

  const units = Object.entries(unzipSync(zip.bytes));
  expect(units.length).toBeGreaterThan(10);
  const firstUnit = { name: units[0][0], bytes: units[0][1] };
  // The page's files are the CLI's files: the same schema findings (none once the writers are clean).
  const cliDocx = await cliExport(file, join(dir, `${year}.docx`));
  expect(schemaErrors([workbook, docx])).toEqual(schemaErrors([{ name: workbook.name, bytes: await cliBytes(year) }, { name: docx.name, bytes: cliDocx }]));
  expect(Object.keys(readBackXlsx(firstUnit).sheets)).toContain('主要工作');
  const readBack = readBackXlsx(workbook);
  const ids = (sheet: string): string[] => readBack.sheets[sheet].flat().filter((v): v is string => typeof v === 'string' && /^\d{4}-[TP]-\d{3}$/.test(v));
  expect(ids('主要工作')).toEqual(cli.result.tables.filter((t) => t.kind === 'tasks').flatMap((t) => t.rows.map((r) => r.id)));
  expect(readBackDocx(docx).tables.length).toBeGreaterThanOrEqual(cli.result.tables.length);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('switches to English, and a bad file gets a coded error line', async () => {
  const { page, errors } = await openPage();
  await page.click('[data-testid="lang-switch"]');
  await expect(page.textContent('[data-testid="page-title"]')).resolves.toBe('fenjie (offline page)');
  await page.setInputFiles('[data-testid="notice-input"]', { name: 'photo.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a document at all') });
  await page.waitForSelector('[data-testid="error"]', { timeout: 30000 });
  await expect(page.getAttribute('[data-testid="error"]', 'data-code')).resolves.toMatch(/^[a-z-]+$/);
  await expect(page.getAttribute('[data-testid="error"]', 'data-code')).resolves.not.toBe('internal');
  await screenshot(page, 'standalone-error');
  expect(errors).toEqual([]);
});
