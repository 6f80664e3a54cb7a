/**
 * One supervision round in the pane (issue 12): import the 2023 notice, open 第1期 in 跟踪, and
 * download the 通报, the 催办单 and the 领导清单; the 通报 names the round and its figures come from
 * the workbook (python-docx reads the lagging list back with every task, since nothing is reported).
 * Then a unit's return asks for a 延期, and the office approves it in the pane.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt, findCell, importFile, openHarness, openSection, sheetNames, sheetText } from './harness-page';
import { readBackDocx } from '../schema/ooxml';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');
const session = useBrowserSession(DIST, assertBuilt);

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(`[data-testid="${testId}"]`)]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

async function openRound(page: Page): Promise<void> {
  await openSection(page, 'track');
  await page.waitForSelector('[data-testid="round-current"]');
  await page.fill('[data-testid="round-period"] input, input[data-testid="round-period"]', '2023Q3');
  await page.fill('[data-testid="round-due"] input, input[data-testid="round-due"]', '2023-10-10');
  await page.click('[data-testid="round-start"]');
  await page.waitForFunction(() => /第1期/.test(document.querySelector('[data-testid="round-current"]')?.textContent ?? ''), undefined, { timeout: 60000 });
}

/** A unit asks, in its workbook, to move its first task's deadline (as a clerk types it in Excel). */
async function askForDelay(bytes: Uint8Array, to: string, reason: string): Promise<{ bytes: Uint8Array; id: string; title: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('主要工作');
  if (!sheet) throw new Error('unit workbook without 主要工作');
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && (row.values as unknown[]).includes('申请延期至')) header = n;
  });
  const headers = sheet.getRow(header).values as unknown[];
  const row = sheet.getRow(header + 1);
  const id = String(row.getCell(headers.indexOf('编号')).value);
  const title = String(row.getCell(headers.indexOf('内容和要求')).value ?? '').replace(/\s+/g, ' ').trim();
  row.getCell(headers.indexOf('进展状态')).value = '推进中';
  row.getCell(headers.indexOf('申请延期至')).value = new Date(`${to}T00:00:00Z`);
  row.getCell(headers.indexOf('延期理由')).value = reason;
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), id, title };
}

test('approves a unit’s 延期 request in 跟踪: the deadline moves and the request is recorded', async () => {
  const { page, errors } = await openHarness(session.browser, session.url);
  session.track(page);
  await importFile(page, NOTICE_2023);
  await openRound(page);
  await openSection(page, 'export');
  const files = unzipSync((await download(page, 'export-split')).bytes);
  const unitFile = Object.keys(files).find((file) => file.includes('发改委')) as string;
  const asked = await askForDelay(files[unitFile], '2024-06-30', '土地报批未完成');
  await page.setInputFiles('[data-testid="collect-files"]', { name: unitFile, mimeType: 'application/octet-stream', buffer: Buffer.from(asked.bytes) });
  await page.waitForSelector('[data-testid="collect-status"]', { timeout: 60000 });
  // The pane writes the computed 序时 columns as round collect does: every task has its 序时状态 and 预警.
  const collected = (await sheetText(page, '主要工作')) ?? [];
  expect(['已完成', '超序时', '按序时', '慢于序时', '未启动']).toContain(findCell(collected, asked.id, '序时状态').text);
  expect(['红', '黄', '绿', '蓝']).toContain(findCell(collected, asked.id, '预警').text);
  expect(await sheetNames(page)).toEqual(expect.arrayContaining(['进展记录', '延期办结申请', '进展情况汇总表']));

  await page.waitForSelector('[data-testid="round-accept-R1-1"]', { timeout: 60000 });
  const item = (await page.textContent('[data-request="R1-1"]')) ?? '';
  expect(item).toContain(asked.id);
  // The task's title (its start) and the unit, not the id alone.
  expect(item).toContain(asked.title.slice(0, 10));
  expect(item).toContain('发改委');
  expect(item).toContain('2024-06-30');
  expect(item).toContain('土地报批未完成');
  const before = findCell((await sheetText(page, '主要工作')) ?? [], asked.id, '完成时限').text;
  expect(before).not.toBe('2024-06-30');
  await screenshot(page, 'round-requests');
  await page.click('[data-testid="round-accept-R1-1"]');
  await page.waitForSelector('[data-testid="round-requests-status"]', { timeout: 60000 });
  expect(await page.textContent('[data-testid="round-requests-status"]')).toContain('已同意 R1-1');
  expect(findCell((await sheetText(page, '主要工作')) ?? [], asked.id, '完成时限').text).toBe('2024-06-30');
  await page.waitForFunction(() => !document.querySelector('[data-request="R1-1"]'), undefined, { timeout: 30000 });
  expect(await page.textContent('[data-testid="round-requests"]')).toContain('没有待审核的延期/办结申请');
  expect(errors).toEqual([]);
});

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
