/**
 * Issue 10, the mapping step in the pane: another city's pasted table (one 责任单位 column whose first
 * unit leads), the role of that column changed in the preview, imported, and the sheet shows it;
 * the same layout imported again reads with the mapping kept in the workbook state. A table's kind
 * changed in the preview (民生实事 → 主要工作) imports into the other sheet, with the source's 序号,
 * 时间节点 and extra columns.
 */
import { join } from 'node:path';
import { screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt, findCell, openHarness, sheetText } from './harness-page';

const F3_XLSX = join(__dirname, '..', 'fixtures', 'families', 'f3-first-unit-leads.xlsx');
const F1_DOCX = join(__dirname, '..', 'fixtures', 'families', 'f1-tasks-other-columns.docx');
const F8_XLSX = join(__dirname, '..', 'fixtures', 'families', 'f8-extra-columns.xlsx');
const UNITS_SELECT = '[data-testid="import-mapping-0-3"]';
const KIND_SELECT = (table: number) => `[data-testid="import-mapping-${table}-kind"]`;

const session = useBrowserSession(DIST, assertBuilt);

test('changing a column role in the preview changes what is imported', async () => {
  const { page, errors } = await openHarness(session.browser, session.url);
  session.track(page);
  await page.setInputFiles('[data-testid="import-file"]', F3_XLSX);
  await page.waitForSelector(UNITS_SELECT, { timeout: 30000 });
  await expect(page.getAttribute(UNITS_SELECT, 'data-header')).resolves.toBe('责任单位');
  await expect(page.inputValue(UNITS_SELECT)).resolves.toBe('leadUnits');
  await page.selectOption(UNITS_SELECT, 'units-first-leads');
  await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLSelectElement | null)?.value === 'units-first-leads' && document.body.textContent?.includes('已确认'), UNITS_SELECT, { timeout: 30000 });
  await screenshot(page, 'import-mapping');
  await page.click('[data-testid="import-write-button"]');
  await page.waitForSelector('[data-testid="import-status"]', { timeout: 30000 });
  const rows = (await sheetText(page, '主要工作')) ?? [];
  expect(findCell(rows, '2023-T-001', '主要责任单位').text).toBe('区经信局');
  expect(findCell(rows, '2023-T-001', '相关单位').text).toBe('区发改局、区统计局');
  expect(findCell(rows, '2023-T-001', '完成时限').text).toBe('2023-12-31');

  // The confirmed mapping is kept in the workbook state: the same layout reads with it next time.
  // (Another file first, so that the dropdowns seen next are those of the new read.)
  await page.setInputFiles('[data-testid="import-file"]', F1_DOCX);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-header') === '牵头单位', UNITS_SELECT, { timeout: 30000 });
  await page.setInputFiles('[data-testid="import-file"]', F3_XLSX);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-header') === '责任单位', UNITS_SELECT, { timeout: 30000 });
  await expect(page.inputValue(UNITS_SELECT)).resolves.toBe('units-first-leads');
  expect(errors).toEqual([]);
});

test('changing a table kind in the preview imports it as that kind, with its extra columns', async () => {
  const { page, errors } = await openHarness(session.browser, session.url);
  session.track(page);
  await page.setInputFiles('[data-testid="import-file"]', F8_XLSX);
  await page.waitForSelector(KIND_SELECT(1), { timeout: 30000 });
  await expect(page.inputValue(KIND_SELECT(0))).resolves.toBe('tasks');
  await expect(page.inputValue(KIND_SELECT(1))).resolves.toBe('projects');
  await expect(page.textContent(`${KIND_SELECT(1)} option[value="projects"]`)).resolves.toBe('民生实事');
  await page.selectOption(KIND_SELECT(1), 'tasks');
  await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLSelectElement | null)?.value === 'tasks' && document.body.textContent?.includes('已确认'), KIND_SELECT(1), { timeout: 30000 });
  await expect(page.inputValue(KIND_SELECT(0))).resolves.toBe('tasks');
  await screenshot(page, 'import-mapping-kind');
  await page.click('[data-testid="import-write-button"]');
  await page.waitForSelector('[data-testid="import-status"]', { timeout: 30000 });
  const rows = (await sheetText(page, '主要工作')) ?? [];
  // The 民生实事 table is now a task table: its 项目名称 in 项目, its content in 内容和要求, its extra column kept.
  expect(findCell(rows, '社区食堂建设', '内容和要求').text).toBe('新建社区食堂20个。');
  expect(findCell(rows, '社区食堂建设', '投资额（万元）').text).toBe('1200');
  expect(findCell(rows, '新增公办幼儿园学位1800个。', '序号').text).toBe('2');
  expect(findCell(rows, '新增公办幼儿园学位1800个。', '时间节点').text).toBe('9月底前');
  expect(findCell(rows, '新增公办幼儿园学位1800个。', '备注').text).toBe('含改扩建');
  const projects = (await sheetText(page, '民生实事')) ?? [];
  expect(projects.some((row) => row.includes('社区食堂建设'))).toBe(false);
  expect(errors).toEqual([]);
});
