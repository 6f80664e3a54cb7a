/**
 * The supervision outputs (督查通报, 催办单, the round's workbook) are valid ECMA-376 packages and
 * read back in python-docx / openpyxl with the figures fenjie computed.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
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

interface ReadRule {
  range: string;
  type: string;
  formula: string[];
  fill: string | null;
}

/** The conditional formats as openpyxl reads them, per sheet. */
function readConditionalFormats(bytes: Uint8Array): Record<string, ReadRule[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-cf-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync('/usr/bin/python3', [join(__dirname, 'conditional-formats.py'), file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, ReadRule[]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

  it('the task sheets’ computed 序时 columns and their 预警 colours pass the schemas and openpyxl reads them', async () => {
    const { bytes } = await roundWorkbook();
    expect(checkOoxml([{ name: 'round.xlsx', bytes }])).toEqual([]);
    const back = readBackXlsx({ name: 'round.xlsx', bytes });
    for (const name of ['主要工作', '民生实事']) {
      const [header, first] = back.sheets[name];
      const at = header.indexOf('序时状态');
      expect(header.slice(at)).toEqual(['序时状态', '偏差（百分点）', '预警']);
      // Nothing is reported at 2023-09-20: every task 未启动, no gap, and red (about 72 % due).
      expect([first[at], first[at + 1], first[at + 2]]).toEqual(['未启动', null, '红']);
      const letter = (i: number) => String.fromCharCode(65 + i);
      const rules = readConditionalFormats(bytes)[name].filter((r) => r.range.startsWith(`${letter(at)}2:`));
      expect(rules.map((r) => [r.type, r.formula[0]])).toEqual(['红', '黄', '绿', '蓝'].map((c) => ['expression', `$${letter(at + 2)}2="${c}"`]));
      expect(rules[0].range).toBe(`${letter(at)}2:${letter(at + 2)}${back.sheets[name].length}`);
      expect(rules.map((r) => r.fill?.slice(-6))).toEqual(['F8CBAD', 'FFE699', 'C6EFCE', 'BDD7EE']);
    }
    // 统计 counts by 序时状态 with COUNTIFS over the computed column of each sheet (openpyxl reads the formulas).
    const statusLetter = (name: string) => String.fromCharCode(65 + back.sheets[name][0].indexOf('序时状态'));
    const notStarted = back.sheets['统计'].find((r) => r[0] === '序时状态' && r[1] === '未启动');
    expect(notStarted?.slice(2, 4)).toEqual(['主要工作', '民生实事'].map((name) => `=COUNTIFS('${name}'!$${statusLetter(name)}:$${statusLetter(name)},"未启动")`));
  });
});
