/**
 * One supervision round in the pane (issue 12): import the 2023 notice, open 第1期 in 跟踪, and
 * download the 通报, the 催办单 and the 领导清单; the 通报 names the round and its figures come from
 * the workbook (python-docx reads the lagging list back with every task, since nothing is reported).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './browser';
import { DIST, assertBuilt, importFile, openHarness, openSection } from './harness-page';
import { readBackDocx } from '../schema/ooxml';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');
const session = useBrowserSession(DIST, assertBuilt);

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(`[data-testid="${testId}"]`)]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

test('opens a round in 跟踪 and downloads its 通报, 催办单 and 领导清单', async () => {
  const { page, errors } = await openHarness(session.browser, session.url);
  session.track(page);
  await importFile(page, NOTICE_2023);
  await openSection(page, 'track');
  await page.waitForSelector('[data-testid="round-current"]');
  await page.fill('[data-testid="round-period"] input, input[data-testid="round-period"]', '2023Q3');
  await page.fill('[data-testid="round-due"] input, input[data-testid="round-due"]', '2023-10-10');
  await page.click('[data-testid="round-start"]');
  await page.waitForFunction(() => /第1期/.test(document.querySelector('[data-testid="round-current"]')?.textContent ?? ''), undefined, { timeout: 60000 });

  const bulletin = await download(page, 'round-bulletin');
  expect(bulletin.name).toBe('督查通报第1期.docx');
  const back = readBackDocx({ name: bulletin.name, bytes: bulletin.bytes });
  expect(back.paragraphs.join('\n')).toContain('第1期');
  expect(back.paragraphs.join('\n')).toContain('88项重点工作中');
  expect(back.tables[0].length - 1).toBe(110);

  const reminders = await download(page, 'round-reminders');
  expect(readBackDocx({ name: reminders.name, bytes: reminders.bytes }).tables.length).toBeGreaterThan(10);
  const leaders = await download(page, 'round-leaders');
  expect(readBackDocx({ name: leaders.name, bytes: leaders.bytes }).tables.length).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});
