/**
 * One supervision round in the pane (issue 12): import the 2023 notice, open 第1期 in 跟踪, and
 * download the 通报, the 催办单 and the 领导清单; the 通报 names the round and its figures come from
 * the workbook (python-docx reads the lagging list back with every task, since nothing is reported).
 * Then a unit's return asks for a 延期, and the office approves it in the pane.
 */
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { downloadFile, screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt, findCell, importFile, openHarness, openRound, openSection, sheetNames, sheetText } from './harness-page';
import { editUnitWorkbook } from '../fakes/unit-workbook-editor';
import { readBackDocx } from '../schema/ooxml';

const NOTICE_2023 = join(__dirname, '..', 'fixtures', 'notice-2023.docx');
const session = useBrowserSession(DIST, assertBuilt);

/** A unit asks, in its workbook, to move its first task's deadline (as a clerk types it in Excel). */
async function askForDelay(bytes: Uint8Array, to: string, reason: string): Promise<{ bytes: Uint8Array; id: string; title: string }> {
  const { bytes: edited, value } = await editUnitWorkbook(bytes, (sheet) => {
    const id = sheet.ids()[0];
    sheet.set(id, '进展状态', '推进中');
    sheet.set(id, '申请延期至', new Date(`${to}T00:00:00Z`));
    sheet.set(id, '延期理由', reason);
    return { id, title: String(sheet.get(id, '内容和要求') ?? '').replace(/\s+/g, ' ').trim() };
  });
  return { bytes: edited, ...value };
}

test('approves a unit’s 延期 request in 跟踪: the deadline moves and the request is recorded', async () => {
  const { page, errors } = await openHarness(session.browser, session.url);
  session.track(page);
  await importFile(page, NOTICE_2023);
  await openRound(page, '2023Q3', '2023-10-10');
  await openSection(page, 'export');
  const files = unzipSync((await downloadFile(page, 'export-split')).bytes);
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
  await openRound(page, '2023Q3', '2023-10-10');

  const bulletin = await downloadFile(page, 'round-bulletin');
  expect(bulletin.name).toBe('督查通报第1期.docx');
  const back = readBackDocx({ name: bulletin.name, bytes: bulletin.bytes });
  expect(back.paragraphs.join('\n')).toContain('第1期');
  expect(back.paragraphs.join('\n')).toContain('88项重点工作中');
  expect(back.tables[0].length - 1).toBe(110);

  const reminders = await downloadFile(page, 'round-reminders');
  expect(readBackDocx({ name: reminders.name, bytes: reminders.bytes }).tables.length).toBeGreaterThan(10);
  const leaders = await downloadFile(page, 'round-leaders');
  expect(readBackDocx({ name: leaders.name, bytes: leaders.bytes }).tables.length).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});
