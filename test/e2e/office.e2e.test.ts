/**
 * The real Office entry (dist/taskpane.html) in Chromium with office.js replaced by the recording
 * Excel fake: Office.onReady → createOfficeHost → the pane; import, live validation, tracking.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleFakeEntry, screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt, countIdRows, findCell, findIdWhere, importFile, openSection, validateAndFindLeaderCell } from './harness-page';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');

let fakeBundle: string;
let page: Page;

const session = useBrowserSession(DIST, () => {
  assertBuilt();
  fakeBundle = bundleFakeEntry('office-fake.entry.ts');
});

async function sheetText(sheet: string): Promise<string[][] | null> {
  return page.evaluate((name) => (window as unknown as { __excelFake: { sheetText(n: string): string[][] | null } }).__excelFake.sheetText(name), sheet);
}

/**
 * Waits until the pane has made no Excel.run for a second. Excel turns events off while the add-in
 * writes (and the adapter ignores echoes for a short while after), so a user edit made during the
 * add-in's own write is not reported live: the test edits, as a user would, once the pane is idle.
 */
async function waitForPaneIdle(): Promise<void> {
  const runs = () => page.evaluate(() => (window as unknown as { __excelFake: { counts(): { runs: number } } }).__excelFake.counts().runs);
  let last = await runs();
  for (let quiet = 0; quiet < 1000; ) {
    await page.waitForTimeout(250);
    const now = await runs();
    quiet = now === last ? quiet + 250 : 0;
    last = now;
  }
}

test('the Office entry runs the pane over the Office.js adapter: import, live validation, tracking', async () => {
  page = session.track(await session.browser.newPage({ viewport: { width: 420, height: 900 } }));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeBundle }));
  await page.goto(`${session.url}/taskpane.html`);
  await page.waitForSelector('[data-testid="pane-title"]', { timeout: 15000 });
  const firstRender = await page.getAttribute('#container', 'data-first-render-ms');
  console.log(`Office entry: first render ${firstRender} ms after Office.onReady`);

  await importFile(page, NOTICE_2023);
  const counts = await page.evaluate(() => (window as unknown as { __excelFake: { counts(): { runs: number; syncs: number } } }).__excelFake.counts());
  console.log(`Office entry: import of 88 + 22 rows took ${counts.runs} Excel.run and ${counts.syncs} context.sync calls in all (pane reads included)`);
  expect(countIdRows(await sheetText('主要工作'), 'T')).toBe(88);
  expect(countIdRows(await sheetText('民生实事'), 'P')).toBe(22);
  await screenshot(page, 'office-import-written');

  const cell = await validateAndFindLeaderCell(page, sheetText);
  const rows = cell.rows;
  await waitForPaneIdle();
  await page.evaluate((address) => (window as unknown as { __excelFake: { fake: { simulateUserEdit(s: string, a: string, v: string): void } } }).__excelFake.fake.simulateUserEdit('主要工作', address, '倪佳臻'), cell.address);
  const group = page.locator('[data-testid="finding-group"][data-value="倪佳臻"][data-code="leader-homophone"]');
  await group.waitFor({ timeout: 30000 });
  await group.locator('[data-testid="accept-suggestion"]').first().click();
  await group.waitFor({ state: 'detached', timeout: 30000 });
  expect(findCell((await sheetText('主要工作')) ?? [], findCell(rows, findIdWhere(rows, '负责人', '倪嘉臻'), '编号').text, '负责人').text).toBe('倪嘉臻');

  await openSection(page, 'track');
  await page.waitForSelector('[data-testid="track-done"]');
  const status = findCell(rows, '2023-T-001', '进展状态');
  await waitForPaneIdle();
  await page.evaluate((address) => (window as unknown as { __excelFake: { fake: { simulateUserEdit(s: string, a: string, v: string): void } } }).__excelFake.fake.simulateUserEdit('主要工作', address, '已完成'), status.address);
  await page.waitForFunction(() => document.querySelector('[data-testid="track-done"]')?.textContent === '1', undefined, { timeout: 15000 });
  await screenshot(page, 'office-track');
  expect(errors).toEqual([]);
});
