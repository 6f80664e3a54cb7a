/**
 * Issue 11, defects 3, 12 and 13 in the real pane (harness over the memory host): a cell too long
 * for Excel named before writing, progress feedback while writing, and keyboard / screen-reader use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser';
import { DIST, assertBuilt, openHarness, openSection, sheetText, validateAndFindLeaderCell } from './harness-page';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');
const LONG_TASK = '布局发展楼宇经济，打造集总部经济、研发中心等于一体的“空中产业园区”。';

const session = useBrowserSession(DIST, assertBuilt);

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openHarness(session.browser, session.url);
  session.track(opened.page);
  return opened;
}

/** The 2023 notice with one task's text made longer than Excel's 32,767 characters. */
function longCellNotice(): Buffer {
  const files = unzipSync(new Uint8Array(readFileSync(NOTICE_2023)));
  const xml = strFromU8(files['word/document.xml']);
  if (!xml.includes(LONG_TASK)) throw new Error('fixture text not found');
  files['word/document.xml'] = strToU8(xml.replace(LONG_TASK, LONG_TASK + '很'.repeat(33000)));
  return Buffer.from(zipSync(files));
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

test('regression (defect 3: a cell over 32,767 characters): the preview names the cell before writing; the write error names it without pasting it', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('[data-testid="import-file"]', { name: 'long.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: longCellNotice() });
  const long = page.locator('[data-testid="import-preview-long-cells"]');
  await long.waitFor({ timeout: 30000 });
  const said = (await long.textContent()) ?? '';
  expect(said).toMatch(/“主要工作”工作表 [A-Z]+\d+ 单元格（第 \d+ 行第 \d+ 列/);
  expect(said).not.toContain('很'.repeat(30));
  await page.click('[data-testid="import-write-button"]');
  const status = page.locator('[data-testid="import-status"]');
  await status.waitFor({ timeout: 30000 });
  const text = (await status.textContent()) ?? '';
  expect(text).toMatch(/第 \d+ 行第 \d+ 列/);
  expect(text.length).toBeLessThan(600);
  expect(await status.getAttribute('data-code')).toBe('cell-too-long');
  expect(await sheetText(page, '主要工作')).toBeNull();
  expect(errors).toEqual([]);
});

test('regression (defect 12: no indicator before the freeze, the bar jumped 0→100 %): busy at once, button disabled, frames painted between steps, bar advancing', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('[data-testid="import-file"]', NOTICE_2023);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30000 });
  // Sample what the browser paints, frame by frame, from the click to the end of the write.
  await page.evaluate(() => {
    const samples: { progress: string | null; disabled: string | null }[] = [];
    (window as unknown as { samples: typeof samples }).samples = samples;
    const tick = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      samples.push({ progress: bar?.getAttribute('data-progress') ?? null, disabled: document.querySelector('[data-testid="import-write-button"]')?.getAttribute('aria-disabled') ?? null });
      if (!document.querySelector('[data-testid="import-status"]')) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.click('[data-testid="import-write-button"]');
  await page.waitForSelector('[data-testid="import-status"]', { timeout: 60000 });
  const samples = await page.evaluate(() => (window as unknown as { samples: { progress: string | null; disabled: string | null }[] }).samples);
  const busy = samples.filter((s) => s.progress !== null);
  expect(busy.length).toBeGreaterThan(1);
  expect(busy.every((s) => s.disabled === 'true')).toBe(true);
  const values = [...new Set(busy.map((s) => Number(s.progress)))];
  expect(values.length).toBeGreaterThanOrEqual(3);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(await page.textContent('[data-testid="import-status"]')).toContain('已写入');
  expect(errors).toEqual([]);
});

test('regression (defect 12: a double click turned success into 「工作表已存在」): one write, success, no prompt', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('[data-testid="import-file"]', NOTICE_2023);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30000 });
  await page.dblclick('[data-testid="import-write-button"]');
  await page.waitForSelector('[data-testid="import-status"], [data-testid="import-confirm"]', { timeout: 60000 });
  await page.waitForTimeout(500);
  expect(await page.locator('[data-testid="import-confirm"]').count()).toBe(0);
  expect(await page.textContent('[data-testid="import-status"]')).toContain('已写入');
  const names = await page.evaluate(() => window.__fenjie.snapshot().sheets.map((s) => s.name));
  expect(names.filter((n) => n.includes('备份'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('regression (defect 13: focus jumped to the top; Esc did not close the prompt; pickers unnamed): focus stays and the prompt is keyboard-usable', async () => {
  const { page, errors } = await open();
  expect(await page.getAttribute('[data-testid="import-file"]', 'aria-label')).toBeTruthy();
  // After choosing a file the picker keeps the focus.
  await page.focus('[data-testid="import-file"]');
  await page.setInputFiles('[data-testid="import-file"]', NOTICE_2023);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30000 });
  expect(await activeTestId(page)).toBe('import-file');
  await page.click('[data-testid="import-write-button"]');
  await page.waitForSelector('[data-testid="import-status"]', { timeout: 60000 });
  // The replace prompt takes the focus; Esc closes it and gives the focus back to the button.
  await page.focus('[data-testid="import-write-button"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="import-confirm"]', { timeout: 30000 });
  expect(await activeTestId(page)).toBe('import-confirm');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="import-confirm"]', { state: 'detached', timeout: 5000 });
  expect(await activeTestId(page)).toBe('import-write-button');
  // 开始校验 from the keyboard keeps the focus on the button.
  await openSection(page, 'validate');
  await page.focus('[data-testid="validate-run"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="validate-result"]', { timeout: 60000 });
  await page.waitForTimeout(300);
  expect(await activeTestId(page)).toBe('validate-run');
  // 采用 removes the card: the focus goes to the card now in its place (or the summary), not the top.
  const cell = await validateAndFindLeaderCell(page, (sheet) => sheetText(page, sheet));
  await page.evaluate(([address]) => window.__fenjie.edit('主要工作', address, '倪佳臻'), [cell.address] as const);
  const accept = page.locator('[data-testid="finding-group"][data-value="倪佳臻"] [data-testid="accept-suggestion"]').first();
  await accept.waitFor({ timeout: 30000 });
  await accept.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="finding-group"][data-value="倪佳臻"]').waitFor({ state: 'detached', timeout: 30000 });
  await page.waitForTimeout(300);
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    return { inList: !!el?.closest('[data-testid="validate-result"]'), body: el === document.body };
  });
  expect(focus).toEqual({ inList: true, body: false });
  expect(errors).toEqual([]);
});
