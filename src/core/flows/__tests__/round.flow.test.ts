/**
 * A scripted year of the supervision cycle on the 2023 seed: round 1 (2023Q3) opened, two units
 * return (one late with nothing), the merge recorded in 进展记录 and 未报送, the 通报 and 催办单
 * with figures checked by hand; then round 2 keeps round 1's history.
 */
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { readFenjieInput } from '../read-input.flow';
import { planSplit } from '../split.flow';
import { decideRound, planRoundCollect, recordCollectInState, roundStatus, startRound } from '../round.flow';
import { mergeReturns } from '../collect.flow';
import { reportBulletin, reportLeaders, reportReminders, reportSummary, reportYearEnd } from '../report.flow';
import { buildBulletinBlocks } from '../../supervision/bulletin.writer';
import { readSupervision } from '../../supervision/supervision.model';
import type { AnyRecord } from '../../model/records.model';
import type { UnitReturn } from '../../distribute/collect.merger';
import { isFenjieError } from '../../errors';

async function openYear() {
  const seed = parseSeed(SEED_2023);
  const bytes = await writeXlsx(buildWorkbookPlan({ results: [seed] }));
  return readFenjieInput(bytes, '台账.xlsx');
}

async function reread(plan: Parameters<typeof writeXlsx>[0]) {
  return readFenjieInput(await writeXlsx(plan), '台账.xlsx');
}

/** A unit's return: its own file read back, with `fill` applied to its lead tasks. */
async function unitReturn(master: Awaited<ReturnType<typeof openYear>>, unit: string, fill: (row: AnyRecord, i: number) => void): Promise<UnitReturn> {
  const file = [...planSplit(master.result.tables, { source: '台账.xlsx', createdAt: '2023-09-21' })].find((f) => f.unit === unit);
  if (!file) throw new Error(`no unit file for ${unit}`);
  const back = await readFenjieInput(await writeXlsx(file.plan), file.fileName);
  let i = 0;
  for (const row of back.result.tables.flatMap((t) => t.rows as AnyRecord[])) if (row.leadUnits.includes(unit)) fill(row, i++);
  return { fileName: file.fileName, state: back.state, tables: back.result.tables };
}

function leadTasks(master: Awaited<ReturnType<typeof openYear>>, unit: string): string[] {
  return master.result.tables.flatMap((t) => (t.rows as AnyRecord[]).filter((r) => r.leadUnits.includes(unit)).map((r) => r.id as string));
}

function busiestLeadUnits(master: Awaited<ReturnType<typeof openYear>>): string[] {
  const count = new Map<string, number>();
  for (const row of master.result.tables.flatMap((t) => t.rows as AnyRecord[])) for (const u of row.leadUnits) count.set(u, (count.get(u) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([u]) => u);
}

describe('round flow: a scripted year', () => {
  it('opens round 1, records two returns, lists the units that did not report, and writes the 通报', async () => {
    const year = await openYear();
    const started = startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' });
    expect(started.round).toMatchObject({ no: 1, period: '2023Q3', label: '2023年第三季度', due: '2023-10-10' });
    const master = await reread(started.plan);
    expect(readSupervision(master.state).rounds.map((r) => r.no)).toEqual([1]);

    const [unitA, unitB] = busiestLeadUnits(master);
    const aTasks = leadTasks(master, unitA);
    // unitA: its first task done, the others at 35 % (40 points behind 75 %); unitB does not report.
    const returnA = await unitReturn(master, unitA, (row, i) => {
      row.tracking = i === 0 ? { status: '已完成', progress: 100, latest: '已竣工' } : { status: '推进中', progress: 35, latest: '推进中' };
    });
    const collected = planRoundCollect(master, [returnA], [], '2023-10-11');
    expect(collected.recorded).toBe(aTasks.length);

    const after = await reread(collected.plan);
    const supervision = readSupervision(after.state);
    expect(supervision.history.filter((h) => h.unit === unitA && h.round === 1).map((h) => h.id).sort()).toEqual([...aTasks].sort());
    expect(after.result.tables.flatMap((t) => t.rows as AnyRecord[]).find((r) => r.id === aTasks[0])?.tracking?.status).toBe('已完成');
    for (const name of ['进展情况汇总表', '进展记录', '未报送', '督查设置', '汇总记录']) expect(collected.plan.sheets.map((s) => s.name)).toContain(name);

    const status = roundStatus(after, '2023-09-30');
    const total = status.counts.tasks.total + status.counts.projects.total;
    expect(total).toBe(after.result.tables.reduce((n, t) => n + t.rows.length, 0));
    // By hand: unitA's first task is done, its others 慢于序时 (35 vs 75), every other task has no report (未启动).
    const done = status.counts.tasks.byStatus['已完成'] + status.counts.projects.byStatus['已完成'];
    const lagging = status.counts.tasks.byStatus['慢于序时'] + status.counts.projects.byStatus['慢于序时'];
    expect([done, lagging]).toEqual([1, aTasks.length - 1]);
    expect(status.missing.map((m) => m.unit)).toContain(unitB);
    expect(status.missing.map((m) => m.unit)).not.toContain(unitA);
    expect(status.missing.find((m) => m.unit === unitB)?.tasks.sort()).toEqual(leadTasks(master, unitB).sort());

    const blocks = buildBulletinBlocks(status, { settings: supervision.settings });
    const text = blocks.map((b) => (b.kind === 'redHeader' ? `${b.text} ${b.issue}` : 'text' in b ? b.text : '')).join('\n');
    expect(text).toContain('第1期');
    expect(text).toContain('截至2023年9月30日');
    const doneKind = status.counts.tasks.byStatus['已完成'] === 1 ? status.counts.tasks : status.counts.projects;
    expect(text).toContain(`已完成1项（占${doneKind.percent['已完成']}%）`);
    expect(doneKind.percent['已完成']).toBe(Math.round((1 / doneKind.total) * 1000) / 10);
    expect(text).toContain(`${aTasks[1]} `);
    expect(text).toContain('落后序时40个百分点');
    expect(text).toContain(unitB);

    // 年终对账 and 领导清单 from the same workbook, counted by hand.
    const account = reportYearEnd(after, { today: '2023-12-31', date: '2023-09-30' }).plan.sheets[0].rows.find((r) => r[0] === unitA);
    expect(account).toEqual([unitA, aTasks.length, expect.any(Number), 1, aTasks.length, 1, 0]);
    const leaders = reportLeaders(after, { today: '2023-12-31', date: '2023-09-30' }).leaders;
    const allRows = after.result.tables.flatMap((t) => t.rows as AnyRecord[]);
    for (const { leader, rows } of leaders) expect(rows.map((r) => r.id).sort()).toEqual(allRows.filter((r) => r.leaders.includes(leader)).map((r) => r.id as string).sort());
    expect(leaders.length).toBe(new Set(allRows.flatMap((r) => r.leaders)).size);
  });

  it('keeps round 1 in the history when round 2 opens, and refuses the same period twice', async () => {
    const year = await openYear();
    const one = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
    const [unit] = busiestLeadUnits(one);
    const ret = await unitReturn(one, unit, (row) => (row.tracking = { status: '推进中', progress: 60 }));
    const merged = await reread(planRoundCollect(one, [ret], [], '2023-10-11').plan);
    const two = await reread(startRound(merged, { period: '2023Q4', due: '2024-01-10', today: '2023-12-20' }).plan);
    const supervision = readSupervision(two.state);
    expect(supervision.rounds.map((r) => [r.no, r.period])).toEqual([[1, '2023Q3'], [2, '2023Q4']]);
    expect(supervision.history.every((h) => h.round === 1)).toBe(true);
    expect(supervision.history.length).toBeGreaterThan(0);
    expect(roundStatus(two, '2023-12-31').missing.map((m) => m.unit)).toContain(unit);
    let code = '';
    try {
      startRound(two, { period: '2023年第四季度', due: '2024-01-10', today: '2023-12-21' });
    } catch (error) {
      code = isFenjieError(error) ? error.code : 'other';
    }
    expect(code).toBe('round-exists');
  });

  it('lists 延期 and 办结 requests without changing the tasks, and applies only the accepted ones', async () => {
    const year = await openYear();
    const master = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
    const [unitA, unitB] = busiestLeadUnits(master);
    const [delayed] = leadTasks(master, unitA);
    const [closed] = leadTasks(master, unitB);
    const retA = await unitReturn(master, unitA, (row, i) => {
      row.tracking = { status: '推进中', progress: 40, ...(i === 0 ? { report: { delayTo: '2024-06-30', delayReason: '土地报批未完成', problems: '用地指标不足' } } : {}) };
    });
    const retB = await unitReturn(master, unitB, (row, i) => {
      row.tracking = { status: '推进中', progress: 90, ...(i === 0 ? { report: { doneNote: '已通过验收' } } : {}) };
    });
    const collected = await reread(planRoundCollect(master, [retA, retB], [], '2023-10-11').plan);
    const supervision = readSupervision(collected.state);
    expect(supervision.requests.map((r) => [r.id, r.task, r.unit, r.kind, r.to ?? null, r.status])).toEqual([
      ['R1-1', delayed, unitA, 'delay', '2024-06-30', 'pending'],
      ['R1-2', closed, unitB, 'done', null, 'pending'],
    ]);
    expect(supervision.history.find((h) => h.id === delayed && h.unit === unitA)?.problems).toBe('用地指标不足');
    const rowOf = (book: typeof collected, id: string) => book.result.tables.flatMap((t) => t.rows as AnyRecord[]).find((r) => r.id === id);
    expect(rowOf(collected, delayed)?.tracking?.deadline).not.toBe('2024-06-30');
    expect(rowOf(collected, closed)?.tracking?.status).toBe('推进中');

    const decided = decideRound(collected, { accept: ['R1-1'], reject: ['R1-2'], date: '2023-10-15' });
    const after = await reread(decided.plan);
    expect(rowOf(after, delayed)?.tracking?.deadline).toBe('2024-06-30');
    expect(rowOf(after, closed)?.tracking?.status).toBe('推进中');
    expect(readSupervision(after.state).requests.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(() => decideRound(after, { accept: ['R1-1'], reject: [], date: '2023-10-16' })).toThrow(expect.objectContaining({ code: 'round-request-unknown' }));
    expect(decided.plan.sheets.find((s) => s.name === '延期办结申请')?.rows.map((r) => r[7])).toEqual(['已同意', '未同意']);
  });

  it('reads the round report columns a unit filled in back from its workbook', async () => {
    const master = await openYear();
    const file = [...planSplit(master.result.tables, { source: '台账.xlsx', createdAt: '2023-09-21' })][0];
    const sheet = file.plan.sheets[0];
    const at = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    sheet.rows[0][at('problems')] = '资金未到位';
    sheet.rows[0][at('delayTo')] = { date: '2024-03-31' };
    sheet.rows[0][at('delayReason')] = '施工受汛期影响';
    const back = await readFenjieInput(await writeXlsx(file.plan), file.fileName);
    const row = back.result.tables.flatMap((t) => t.rows as AnyRecord[]).find((r) => r.id === sheet.rows[0][at('id')]);
    expect(row?.tracking?.report).toEqual({ problems: '资金未到位', delayTo: '2024-03-31', delayReason: '施工受汛期影响' });
  });

  it('refuses a period or a due date it cannot read, with a code', async () => {
    const year = await openYear();
    expect(() => startRound(year, { period: '下季度', due: '2023-10-10', today: '2023-09-20' })).toThrow(expect.objectContaining({ code: 'round-bad-period' }));
    expect(() => startRound(year, { period: '2023Q3', due: '10月10日', today: '2023-09-20' })).toThrow(expect.objectContaining({ code: 'round-bad-date' }));
  });

  it('writes the 催办单 for the units with lagging or unreported tasks, and the 汇总表 sorted lagging first', async () => {
    const year = await openYear();
    const master = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
    const reminders = reportReminders(master, { today: '2023-10-12', replyBy: '2023-10-20' });
    expect(reminders.units.length).toBe(reminders.report.missing.length);
    expect(reminders.bytes.byteLength).toBeGreaterThan(1000);
    const summary = reportSummary(master, { today: '2023-10-12' });
    expect(summary.report.date).toBe('2023-09-30');
    const statuses = summary.plan.sheets[0].rows.map((r) => r[9]);
    expect(statuses.indexOf('未启动')).toBeGreaterThanOrEqual(0);
    const bulletin = reportBulletin(master, { today: '2023-10-12' });
    expect(bulletin.report.round?.no).toBe(1);
  });
});

describe('round flow in the pane', () => {
  it('records a collect into the open round of the workbook state, and does nothing without a round', async () => {
    const year = await openYear();
    expect(recordCollectInState(year.state, [], { tables: year.result.tables, applied: [], findings: [], files: [] }, '2023-10-11')).toBeNull();
    const master = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
    const [unit] = busiestLeadUnits(master);
    const ret = await unitReturn(master, unit, (row, i) => (row.tracking = { status: '推进中', progress: 50, ...(i === 0 ? { report: { doneNote: '已完成验收' } } : {}) }));
    const collect = mergeReturns(master.result.tables, [ret]);
    const recorded = recordCollectInState(master.state, [ret], collect, '2023-10-11');
    expect(recorded?.recorded).toBe(leadTasks(master, unit).length);
    expect(recorded?.requests).toBe(1);
    expect(readSupervision(recorded?.state).history.every((h) => h.unit === unit && h.round === 1)).toBe(true);
  });
});
