/**
 * The other sections in the harness: cross-check, registry sheets, downloads (.docx read back by the
 * core, per-unit workbooks), the English UI and keyboard use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { parseDocument } from '../../src/core';
import { launchBrowser, screenshot } from './browser';
import { DIST, assertBuilt, countIdRows, importFile, openHarness, openSection, sheetNames, sheetText } from './harness-page';
import { serveStatic, type StaticServer } from './static-server';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');

let server: StaticServer;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  assertBuilt();
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});

afterEach(async () => {
  while (pages.length) await pages.pop()?.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openImported() {
  const opened = await openHarness(browser, server.url);
  pages.push(opened.page);
  await importFile(opened.page, NOTICE_2023);
  return opened;
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(`[data-testid="${testId}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

test('exports the sheets as an official .docx that reads back to the same records', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'export');
  const { name, bytes } = await download(page, 'export-docx');
  expect(name).toMatch(/\.docx$/);
  const result = await parseDocument(bytes, name);
  expect(result.tables.map((table) => [table.kind, table.rows.length])).toEqual([
    ['tasks', 88],
    ['projects', 22],
  ]);
  await screenshot(page, 'export-docx');
  expect(errors).toEqual([]);
});

test('splits the workbook into one .xlsx per unit, zipped', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'export');
  const { name, bytes } = await download(page, 'export-split');
  expect(name).toMatch(/\.zip$/);
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  expect(names.length).toBeGreaterThan(10);
  expect(names.some((file) => file.includes('发改委'))).toBe(true);
  for (const file of names) expect([file, files[file][0], files[file][1]]).toEqual([file, 0x50, 0x4b]);
  expect(errors).toEqual([]);
});

test('cross-check runs and writes the assignment sheets', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'cross');
  await page.click('[data-testid="cross-run"]');
  await page.waitForSelector('[data-testid="cross-result"]', { timeout: 60000 });
  await page.click('[data-testid="cross-write-button"]');
  await page.waitForSelector('[data-testid="cross-status"]', { timeout: 60000 });
  const names = await sheetNames(page);
  expect(names).toEqual(expect.arrayContaining(['分工明细', '领导单位矩阵']));
  expect(countIdRows(await sheetText(page, '分工明细'), 'T')).toBeGreaterThan(88);
  await page.click('[data-testid="workbook-view"] button[data-sheet="领导单位矩阵"]');
  await screenshot(page, 'cross-check');
  expect(errors).toEqual([]);
});

test('writes the registry to the 名录 sheet and reads it back', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'registry');
  await page.click('[data-testid="registry-default"]');
  await page.waitForFunction(() => /\d+/.test(document.querySelector('[data-testid="registry-current"]')?.textContent ?? ''));
  await page.click('[data-testid="registry-sheet-write-button"]');
  await page.waitForSelector('[data-testid="registry-sheet-status"]', { timeout: 30000 });
  expect(await sheetNames(page)).toContain('名录');
  await page.click('[data-testid="registry-read-sheet"]');
  await page.waitForFunction(() => /名录/.test(document.querySelector('[data-testid="registry-current"]')?.textContent ?? ''));
  const current = (await page.textContent('[data-testid="registry-current"]')) ?? '';
  expect(current).toMatch(/领导 [1-9]\d* 人/);
  await expect(page.evaluate(() => window.__fenjie.host.readState())).resolves.toMatchObject({ registryChoice: 'sheet' });
  await screenshot(page, 'registry-sheet');
  expect(errors).toEqual([]);
});

test('switches to English and is usable from the keyboard', async () => {
  const opened = await openHarness(browser, server.url);
  pages.push(opened.page);
  const { page } = opened;
  await page.click('[data-testid="lang-switch"]');
  await expect(page.textContent('[data-testid="pane-title"]')).resolves.toBe('Task breakdown assistant');
  await page.focus('[data-testid="toggle-validate"]');
  await page.keyboard.press('Enter');
  await expect(page.getAttribute('[data-testid="toggle-validate"]', 'aria-expanded')).resolves.toBe('true');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  expect(focused).toBe('validate-run');
  await screenshot(page, 'pane-english');
});
