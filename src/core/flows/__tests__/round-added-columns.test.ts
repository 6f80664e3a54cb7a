/**
 * Merge regression (issue 10 × issue 12): a workbook with a notice's own columns (序号, 时间节点,
 * 资金来源…) that opens a round carries both the extra columns (before 进展状态) and the computed
 * 序时 columns (last); reading it back keeps the extra fields and never turns 序时状态/偏差/预警
 * into extra fields, so the next round does not write them twice.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import type { AnyRecord } from '../../model/records.model';
import { readFenjieInput, readInput } from '../read-input.flow';
import { startRound } from '../round.flow';

const FIXTURE = path.join(__dirname, '../../../../test/fixtures/families/f8-extra-columns.docx');

async function openedTwice() {
  const parsed = (await readInput(new Uint8Array(readFileSync(FIXTURE)), 'f8.docx')).result;
  const master = await readFenjieInput(await writeXlsx(buildWorkbookPlan({ results: [parsed] })), '台账.xlsx');
  const first = startRound(master, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' });
  const back = await readFenjieInput(await writeXlsx(first.plan), '台账.xlsx');
  const second = startRound(back, { period: '2023Q4', due: '2024-01-10', today: '2023-12-20' });
  return { master, back, plan: second.plan };
}

test('a round over extra columns keeps them and appends the 序时 columns once', async () => {
  const { master, back, plan } = await openedTwice();
  const tasks = plan.sheets.find((s) => s.role === 'tasks');
  const headers = tasks?.columns.map((c) => c.header) ?? [];
  expect(headers.slice(-3)).toEqual(['序时状态', '偏差（百分点）', '预警']);
  expect(headers.filter((h) => h === '序时状态')).toHaveLength(1);
  expect(headers.indexOf('资金来源')).toBeGreaterThan(-1);
  expect(headers.indexOf('资金来源')).toBeLessThan(headers.indexOf('进展状态'));
  const extras = (book: typeof master) => book.result.tables.flatMap((t) => (t.rows as AnyRecord[]).map((r) => r.extra ?? null));
  expect(extras(back)).toEqual(extras(master));
  expect(extras(back).some((e) => e && Object.keys(e).some((k) => /序时|偏差|预警/.test(k)))).toBe(false);
});
