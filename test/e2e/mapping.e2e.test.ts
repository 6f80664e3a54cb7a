/**
 * Issue 10, the mapping step in the pane: another city's pasted table (one 责任单位 column whose first
 * unit leads), the role of that column changed in the preview, imported, and the sheet shows it;
 * the same layout imported again reads with the mapping kept in the workbook state.
 */
import { join } from 'node:path';
import { screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt, findCell, openHarness, sheetText } from './harness-page';

const F3_XLSX = join(__dirname, '..', 'fixtures', 'families', 'f3-first-unit-leads.xlsx');
const F1_DOCX = join(__dirname, '..', 'fixtures', 'families', 'f1-tasks-other-columns.docx');
const UNITS_SELECT = '[data-testid="import-mapping-0-3"]';

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
