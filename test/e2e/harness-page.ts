/** Helpers that drive the harness page (the task pane over the memory host) and read its workbook. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const DIST = join(__dirname, '..', '..', 'dist');

export function assertBuilt(): void {
  for (const file of ['harness.html', 'taskpane.html', 'commands.html', 'legacy.js']) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before the e2e tests.`);
  }
}

export async function openHarness(browser: Browser, baseUrl: string, query = ''): Promise<{ page: Page; firstRenderMs: number; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/harness.html${query}`);
  const firstRenderMs = await page.evaluate(() => window.__fenjie.firstRenderMs);
  return { page, firstRenderMs, errors };
}

/** Rows of a sheet's display text, or null when the sheet does not exist. */
export async function sheetText(page: Page, sheet: string): Promise<string[][] | null> {
  return page.evaluate((name) => window.__fenjie.sheetText(name), sheet);
}

export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__fenjie.snapshot().sheets.map((s) => s.name));
}

/** Rows whose cells hold a task id such as 2023-T-001 (kind 'T') or 2023-P-001 (kind 'P'). */
export function countIdRows(rows: string[][] | null, kind: 'T' | 'P'): number {
  const pattern = new RegExp(`^\\d{4}-${kind}-\\d{3,}$`);
  return (rows ?? []).filter((row) => row.some((cell) => pattern.test(cell.trim()))).length;
}

/** A1 address of the cell in column `header` on the row of task `id`. */
export function findCell(rows: string[][], id: string, header: string): { address: string; text: string } {
  const headerRow = rows.findIndex((row) => row.includes(header));
  if (headerRow < 0) throw new Error(`header ${header} not found`);
  const col = rows[headerRow].indexOf(header);
  const row = rows.findIndex((r) => r.some((cell) => cell.trim() === id));
  if (row < 0) throw new Error(`row ${id} not found`);
  return { address: `${columnLetters(col)}${row + 1}`, text: rows[row][col] };
}

/** The id of the first record whose `header` cell reads `value`. */
export function findIdWhere(rows: string[][], header: string, value: string): string {
  const headerRow = rows.findIndex((row) => row.includes(header));
  const col = rows[headerRow]?.indexOf(header) ?? -1;
  const idCol = rows[headerRow]?.indexOf('编号') ?? -1;
  const row = rows.find((r, i) => i > headerRow && r[col] === value);
  if (col < 0 || idCol < 0 || !row) throw new Error(`no row with ${header} = ${value}`);
  return row[idCol];
}

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export async function openSection(page: Page, id: string): Promise<void> {
  const toggle = page.locator(`[data-testid="toggle-${id}"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

export async function importFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30000 });
  await page.click('[data-testid="import-write-button"]');
  await page.waitForSelector('[data-testid="import-status"]', { timeout: 30000 });
}

/** Runs 校验 and finds the 负责人 cell of one of 倪嘉臻's tasks, where the tests type the homophone 倪佳臻. */
export async function validateAndFindLeaderCell(page: Page, readSheet: (sheet: string) => Promise<string[][] | null>): Promise<{ rows: string[][]; address: string; text: string }> {
  await openSection(page, 'validate');
  await page.click('[data-testid="validate-run"]');
  await page.waitForSelector('[data-testid="validate-result"]', { timeout: 60000 });
  const rows = (await readSheet('主要工作')) ?? [];
  return { rows, ...findCell(rows, findIdWhere(rows, '负责人', '倪嘉臻'), '负责人') };
}

/** Waits until the page's test API (the harness's window.__fenjie or the WPS fake's __fenjieWps) shows `text` at `address`. */
export async function waitForCellText(page: Page, api: '__fenjie' | '__fenjieWps', sheet: string, address: string, text: string, timeout = 30000): Promise<void> {
  await page.waitForFunction(
    ([apiName, sheetName, a1, wanted]) => {
      const rows = (apiName === '__fenjie' ? window.__fenjie : window.__fenjieWps).sheetText(sheetName) ?? [];
      const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
      const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return rows[Number(m[2]) - 1]?.[col] === wanted;
    },
    [api, sheet, address, text] as const,
    { timeout },
  );
}

/** 跟踪 → 督查期次: opens a round (第1期 for a workbook without one) and waits until the pane shows it. */
export async function openRound(page: Page, period: string, due: string, expected = '第1期'): Promise<void> {
  await openSection(page, 'track');
  await page.waitForSelector('[data-testid="round-current"]');
  await page.fill('[data-testid="round-period"] input, input[data-testid="round-period"]', period);
  await page.fill('[data-testid="round-due"] input, input[data-testid="round-due"]', due);
  await page.click('[data-testid="round-start"]');
  await page.waitForFunction((text) => (document.querySelector('[data-testid="round-current"]')?.textContent ?? '').includes(text), expected, { timeout: 60000 });
}
