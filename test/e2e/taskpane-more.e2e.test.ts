/**
 * The other sections in the harness: cross-check, registry sheets, downloads (.docx read back by the
 * core, per-unit workbooks), the English UI and keyboard use.
 */
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseDocument, readFenjieWorkbook } from '../../src/core/testing';
import { downloadFile, screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt, countIdRows, findCell, importFile, openHarness, openSection, sheetNames, sheetText } from './harness-page';
import { editUnitWorkbook } from '../fakes/unit-workbook-editor';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');

const session = useBrowserSession(DIST, assertBuilt);

async function openImported() {
  const opened = await openHarness(session.browser, session.url);
  session.track(opened.page);
  await importFile(opened.page, NOTICE_2023);
  return opened;
}

test('exports the sheets as an official .docx that reads back to the same records', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'export');
  const { name, bytes } = await downloadFile(page, 'export-docx');
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
  const { name, bytes } = await downloadFile(page, 'export-split');
  expect(name).toMatch(/\.zip$/);
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((file) => file.endsWith('.xlsx'));
  expect(names.length).toBeGreaterThan(10);
  expect(names.some((file) => file.includes('发改委'))).toBe(true);
  for (const file of names) expect([file, files[file][0], files[file][1]]).toEqual([file, 0x50, 0x4b]);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['分发清单.csv', '分发清单.json']));
  await page.waitForSelector('[data-testid="workbook-view"] button[data-sheet="分发清单"]', { timeout: 60000 });
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
  const opened = await openHarness(session.browser, session.url);
  session.track(opened.page);
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

test('takes back a unit’s filled-in workbook into the sheets', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'export');
  const { bytes } = await downloadFile(page, 'export-split');
  const files = unzipSync(bytes);
  const unitFile = Object.keys(files).find((file) => file.includes('发改委')) as string;
  const filled = await editUnitWorkbook(files[unitFile], (sheet) => {
    const id = sheet.ids()[0];
    sheet.set(id, '进展状态', '推进中');
    return id;
  });
  await page.setInputFiles('[data-testid="collect-files"]', { name: unitFile, mimeType: 'application/octet-stream', buffer: Buffer.from(filled.bytes) });
  await page.waitForSelector('[data-testid="collect-status"]', { timeout: 60000 });
  const rows = (await sheetText(page, '主要工作')) ?? [];
  expect(findCell(rows, filled.value, '进展状态').text).toBe('推进中');
  await screenshot(page, 'collect');
  expect(errors).toEqual([]);
});

test('creates next year’s workbook from this year’s', async () => {
  const { page, errors } = await openImported();
  await openSection(page, 'export');
  await page.fill('[data-testid="rollover-year"] input, input[data-testid="rollover-year"]', '2024');
  const { name, bytes } = await downloadFile(page, 'rollover-run');
  expect(name).toBe('2024分解落实表.xlsx');
  const book = await readFenjieWorkbook(bytes, name);
  expect(book.result.tables.map((table) => [table.kind, table.year, table.rows.length])).toEqual([
    ['tasks', 2024, 88],
    ['projects', 2024, 22],
  ]);
  expect(book.result.tables[0].rows[0].id).toBe('2024-T-001');
  expect(errors).toEqual([]);
});

test('tells the user which features the host lacks', async () => {
  const opened = await openHarness(session.browser, session.url, '?off=tables,dataBars');
  session.track(opened.page);
  const note = (await opened.page.textContent('[data-testid="capability-note"]')) ?? '';
  expect(note).toContain('表格对象');
  expect(note).toContain('数据条');
});
