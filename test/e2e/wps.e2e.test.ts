/**
 * The WPS add-in as built by `npm run build:wps` (dist-wps/), in headless Chromium with a fake ET
 * Application injected before the page loads: the ribbon opens the pane, the pane imports the 2023
 * .docx into the (fake) WPS workbook, validates it live and follows a status change. Screenshots
 * go to test-results/wps-*.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeEtOptions } from '../fakes/et-application.fake';
import { bundleFakeEntry, screenshot, useBrowserSession } from './browser';
import { countIdRows, findCell, importFile, openSection, validateAndFindLeaderCell, waitForCellText } from './harness-page';

const DIST_WPS = join(__dirname, '..', '..', 'dist-wps');
const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');

let fakeBundle: string;

const session = useBrowserSession(DIST_WPS, () => {
  for (const file of ['ribbon.xml', 'index.html', 'main.js', 'taskpane.html', 'jsplugins.xml']) {
    if (!existsSync(join(DIST_WPS, file))) throw new Error(`dist-wps/${file} is missing: run \`npm run build:wps\` before the e2e tests.`);
  }
  fakeBundle = bundleFakeEntry('wps-fake.entry.ts');
});

/** Opens a dist-wps page with the fake Application injected before any of its scripts run. */
async function openWithFake(path: string, options: FakeEtOptions & { paneUrl?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = session.track(await session.browser.newPage({ viewport: { width: 420, height: 900 } }));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript({ content: `window.__fenjieWpsOptions = ${JSON.stringify(options)};\n${fakeBundle}` });
  await page.goto(`${session.url}/${path}`);
  return { page, errors };
}

async function openPane(options: FakeEtOptions = {}) {
  const opened = await openWithFake('taskpane.html', { ...options, paneUrl: `${session.url}/taskpane.html` });
  await opened.page.waitForSelector('[data-testid="pane-title"]', { timeout: 30000 });
  return opened;
}

const sheetText = (page: Page, sheet: string) => page.evaluate((name) => window.__fenjieWps.sheetText(name), sheet);

test('the ribbon opens the task pane page and hides it again, synchronously', async () => {
  const { page, errors } = await openWithFake('index.html');
  const result = await page.evaluate(() => {
    const w = window as unknown as Record<string, (control: { Id: string }) => unknown>;
    return w.OnAction({ Id: 'fenjieShowPane' });
  });
  expect(result).toBe(true);
  await expect(page.evaluate(() => window.__fenjieWps.taskpanes())).resolves.toEqual([{ url: `${session.url}/taskpane.html`, Visible: true }]);
  await page.evaluate(() => (window as unknown as Record<string, (control: { Id: string }) => unknown>).OnAction({ Id: 'fenjieHidePane' }));
  await expect(page.evaluate(() => window.__fenjieWps.taskpanes()[0].Visible)).resolves.toBe(false);
  expect(errors).toEqual([]);
  const ribbon = readFileSync(join(DIST_WPS, 'ribbon.xml'), 'utf8');
  expect(ribbon).toContain('label="分解落实表"');
});

test('imports the 2023 .docx into the WPS workbook: 88 tasks, 22 projects, state very hidden', async () => {
  const { page, errors } = await openPane();
  const started = Date.now();
  await importFile(page, NOTICE_2023);
  console.log(`WPS fake: import of notice-2023.docx written in ${Date.now() - started} ms`);
  await expect(page.getAttribute('[data-testid="import-status"]', 'class')).resolves.not.toMatch(/error/i);
  expect(countIdRows(await sheetText(page, '主要工作'), 'T')).toBe(88);
  expect(countIdRows(await sheetText(page, '民生实事'), 'P')).toBe(22);
  await expect(page.evaluate(() => window.__fenjieWps.visibility('_fenjie_state'))).resolves.toBe(2);
  await screenshot(page, 'wps-import-written');
  expect(errors).toEqual([]);
});

test('falls back to filtered headers where ListObjects.Add fails, and tells the user', async () => {
  const { page, errors } = await openPane({ listObjectsThrow: true });
  await importFile(page, NOTICE_2023);
  // The write status lists what was done another way (PlanWriteControls' degraded note).
  await page.waitForSelector('[data-testid="import-status"]:has-text("筛选")', { timeout: 30000 });
  await expect(page.evaluate(() => window.__fenjieWps.autoFilter('主要工作'))).resolves.toBe(true);
  await expect(page.evaluate(() => window.__fenjieWps.listObjects('主要工作'))).resolves.toEqual([]);
  expect(countIdRows(await sheetText(page, '主要工作'), 'T')).toBe(88);
  await screenshot(page, 'wps-tables-degraded');
  expect(errors).toEqual([]);
});

test('validates live: a typo typed into the WPS sheet is found and fixed', async () => {
  const { page, errors } = await openPane();
  await importFile(page, NOTICE_2023);
  const cell = await validateAndFindLeaderCell(page, (sheet) => sheetText(page, sheet));
  await page.evaluate(([address]) => window.__fenjieWps.edit('主要工作', address, '倪佳臻'), [cell.address] as const);
  const group = page.locator('[data-testid="finding-group"][data-value="倪佳臻"]').first();
  await group.waitFor({ timeout: 30000 });
  await screenshot(page, 'wps-validate-typo-found');
  await group.locator('[data-testid="accept-suggestion"]').first().click();
  await waitForCellText(page, '__fenjieWps', '主要工作', cell.address, '倪嘉臻', 15000);
  expect(errors).toEqual([]);
});

test('a status changed in the WPS sheet updates the tracking summary', async () => {
  const { page, errors } = await openPane();
  await importFile(page, NOTICE_2023);
  await openSection(page, 'track');
  await expect(page.textContent('[data-testid="track-done"]')).resolves.toBe('0');
  const openCount = Number(await page.textContent('[data-testid="track-open"]'));
  const rows = (await sheetText(page, '主要工作')) ?? [];
  const cell = findCell(rows, '2023-T-001', '进展状态');
  await page.evaluate(([address]) => window.__fenjieWps.edit('主要工作', address, '已完成'), [cell.address] as const);
  await page.waitForFunction(() => document.querySelector('[data-testid="track-done"]')?.textContent === '1', undefined, { timeout: 15000 });
  await expect(page.textContent('[data-testid="track-open"]')).resolves.toBe(String(openCount - 1));
  await screenshot(page, 'wps-track-summary-updated');
  expect(errors).toEqual([]);
});

test("the pane's own button hides it", async () => {
  const { page, errors } = await openPane();
  await page.click('#wps-hide-pane');
  await expect(page.evaluate(() => window.__fenjieWps.taskpanes()[0].Visible)).resolves.toBe(false);
  expect(errors).toEqual([]);
});

test('the bundles are lowered for the older Chromium inside WPS (no ?. or ?? left)', () => {
  const html = readFileSync(join(DIST_WPS, 'taskpane.html'), 'utf8');
  const bundle = /src="?([^"\s>]+\.js)/.exec(html)?.[1];
  expect(bundle).toBeDefined();
  const code = readFileSync(join(DIST_WPS, bundle as string), 'utf8');
  expect(code).not.toMatch(/[\w)\]]\?\.[A-Za-z_$([]/);
  expect(code).not.toMatch(/[\w)\]]\?\?[\w(]/);
});

test('outside WPS and Office the pane says so instead of staying blank', async () => {
  const page = session.track(await session.browser.newPage());
  await page.goto(`${session.url}/taskpane.html`);
  await page.waitForSelector('text=未检测到 Excel 或 WPS 表格', { timeout: 5000 });
  await expect(page.isHidden('#wps-hide-pane')).resolves.toBe(true);
  await screenshot(page, 'wps-no-host');
});
