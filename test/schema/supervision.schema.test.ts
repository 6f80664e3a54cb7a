/**
 * The supervision outputs (督查通报, 催办单, the round's workbook) are valid ECMA-376 packages and
 * read back in python-docx / openpyxl with the figures fenjie computed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readFenjieInput, reportBulletin, reportLeaders, reportReminders, reportYearEnd, startRound } from '../../src/core';
import { buildWorkbookPlan, parseDocument } from '../../src/core/testing';
import { writeXlsx } from '../../src/writers/xlsx/xlsx.writer';
import { checkOoxml, readBackDocx, readBackXlsx } from './ooxml';

const SEED_2023 = join(__dirname, '..', '..', 'seeds', '000_8040c5413e4a8407.txt');

async function roundWorkbook() {
  const seed = await parseDocument(new Uint8Array(readFileSync(SEED_2023)), 'seed-2023.txt');
  const year = await readFenjieInput(await writeXlsx(buildWorkbookPlan({ results: [seed] })), '台账.xlsx');
  const started = startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' });
  const bytes = await writeXlsx(started.plan);
  return { bytes, master: await readFenjieInput(bytes, '台账.xlsx') };
}

describe('supervision outputs open everywhere', () => {
  it('the 通报 and the 催办单 pass the schemas and python-docx reads the 通报 table back to the same figures', async () => {
    const { master } = await roundWorkbook();
    const bulletin = reportBulletin(master, { today: '2023-10-12' });
    const reminders = reportReminders(master, { today: '2023-10-12', replyBy: '2023-10-20' });
    expect(checkOoxml([{ name: 'bulletin.docx', bytes: bulletin.bytes }, { name: 'reminders.docx', bytes: reminders.bytes }])).toEqual([]);
    const back = readBackDocx({ name: 'bulletin.docx', bytes: bulletin.bytes });
    expect(back.paragraphs.join('\n')).toContain('第1期');
    const lagging = back.tables[0];
    expect(lagging[0]).toEqual(['序号', '编号', '任务', '牵头单位', '完成进度', '序时进度', '预警']);
    expect(lagging.slice(1).map((r) => r[1])).toEqual(bulletin.report.lagging.map((r) => r.id));
    expect(lagging.slice(1).map((r) => r[5])).toEqual(bulletin.report.lagging.map((r) => `${r.verdict.expected}%`));
    const leaders = reportLeaders(master, { today: '2023-10-12' });
    expect(checkOoxml([{ name: 'leaders.docx', bytes: leaders.bytes }, { name: 'yearend.xlsx', bytes: await writeXlsx(reportYearEnd(master, { today: '2023-10-12' }).plan) }])).toEqual([]);
    expect(readBackDocx({ name: 'leaders.docx', bytes: leaders.bytes }).tables.length).toBe(leaders.leaders.length);
    const reminderTables = readBackDocx({ name: 'reminders.docx', bytes: reminders.bytes }).tables;
    expect(reminderTables.length).toBe(reminders.units.length);
  });

  it('the round workbook passes the schemas and openpyxl reads 进展情况汇总表', async () => {
    const { bytes } = await roundWorkbook();
    expect(checkOoxml([{ name: 'round.xlsx', bytes }])).toEqual([]);
    const back = readBackXlsx({ name: 'round.xlsx', bytes });
    const summary = back.sheets['进展情况汇总表'];
    expect(summary[1].slice(0, 3)).toEqual(['编号', '门类', '任务']);
    expect(back.pandasSheets).toContain('督查设置');
  });
});
