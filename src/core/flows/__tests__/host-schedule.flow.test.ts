/**
 * Issue 12, the pane's side of the 序时 columns: 新一期填报, 收回填报 and 同意 in the pane (memory
 * host) leave the open workbook as `fenjie round` writes its file — the task sheets carry 序时状态 /
 * 偏差（百分点） / 预警 with their values and 预警 conditional formats, 统计 counts by 序时状态, the
 * round's sheets are there — without piling up rules or sheets, and without touching what a user typed.
 * Regression: the pane's round start and collect used to write the state only (no 序时 columns in Excel/WPS).
 */
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { createMemoryHost, type MemoryHost } from '../../host/memory.host';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import type { AnyRecord } from '../../model/records.model';
import { columnLetter } from '../../sheet/a1';
import { readSupervision } from '../../supervision/supervision.model';
import { readFenjieInput } from '../read-input.flow';
import { planSplit } from '../split.flow';
import { startRound } from '../round.flow';
import { writePlan } from '../write-plan.flow';
import { collectHostRound, decideHostRound, readHostMaster, readHostRound, startHostRound } from '../host-round.flow';

const ROUND = { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' };
const HEADERS = ['序时状态', '偏差（百分点）', '预警'];

async function plainHost(): Promise<MemoryHost> {
  const host = createMemoryHost();
  await writePlan(host, buildWorkbookPlan({ results: [parseSeed(SEED_2023)], today: ROUND.today }), { backupSuffix: 's' });
  return host;
}

function sheet(host: MemoryHost, name: string) {
  const found = host.snapshot().sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The 序时 cells of a task (by its 编号 in column A). */
function scheduleCells(host: MemoryHost, name: string, id: string): string[] {
  const text = sheet(host, name).text;
  const at = text[0].indexOf('序时状态');
  return (text.find((row) => row[0] === id) ?? []).slice(at, at + 3);
}

/** A unit's return with every one of its lead tasks reported at `progress` %. */
async function unitReturn(host: MemoryHost, unit: string, progress: number, report: (row: AnyRecord, i: number) => void = () => undefined) {
  const master = await readHostMaster(host);
  const file = [...planSplit(master.result.tables, { source: '台账.xlsx', createdAt: '2023-09-21' })].find((f) => f.unit === unit);
  if (!file) throw new Error(`no file for ${unit}`);
  const back = await readFenjieInput(await writeXlsx(file.plan), file.fileName);
  const rows = back.result.tables.flatMap((t) => t.rows as AnyRecord[]).filter((r) => r.leadUnits.includes(unit));
  rows.forEach((row, i) => {
    row.tracking = { ...(row.tracking ?? {}), status: '推进中', progress };
    report(row, i);
  });
  return { ret: { fileName: file.fileName, state: back.state, tables: back.result.tables }, ids: rows.map((r) => r.id as string) };
}

describe('pane round actions write the 序时 columns (host schedule flow)', () => {
  it('新一期填报 leaves 主要工作, 民生实事 and 统计 as round start writes them, in one batch', async () => {
    const host = await plainHost();
    const width = sheet(host, '主要工作').text[0].length;
    const batches = host.applyCount;
    const { round } = await startHostRound(host, ROUND);
    expect(round.no).toBe(1);
    expect(host.applyCount - batches).toBe(1);

    // The CLI's file for the same workbook and date, drawn on another host: the same task sheets.
    const cli = createMemoryHost();
    const year = await readFenjieInput(await writeXlsx(buildWorkbookPlan({ results: [parseSeed(SEED_2023)], today: ROUND.today })), '台账.xlsx');
    await writePlan(cli, startRound(year, ROUND).plan, { backupSuffix: 's' });
    for (const name of ['主要工作', '民生实事']) {
      expect(sheet(host, name).text).toEqual(sheet(cli, name).text);
      const rules = (h: MemoryHost) => sheet(h, name).conditionalFormats.filter((r) => r.kind === 'expression' && /="(红|黄|绿|蓝)"$/.test(r.formula));
      expect(rules(host)).toEqual(rules(cli));
      expect(rules(host)).toHaveLength(4);
    }
    const header = sheet(host, '主要工作').text[0];
    expect(header.slice(width)).toEqual(HEADERS);
    // Nothing reported yet: every task is 未启动, without a gap.
    expect(sheet(host, '主要工作').text.slice(1).every((row) => row[width] === '未启动' && row[width + 1] === '')).toBe(true);
    const stats = sheet(host, '统计').values.find((row) => row[0] === '序时状态' && row[1] === '未启动');
    expect(stats?.[2]).toEqual({ formula: `COUNTIFS('主要工作'!$${columnLetter(width + 1)}:$${columnLetter(width + 1)},"未启动")`, result: 88 });
    expect(sheet(host, '统计').values).toEqual(sheet(cli, '统计').values);
    for (const name of ['进展情况汇总表', '进展记录', '延期办结申请', '督查设置', '未报送']) expect(sheet(host, name).text).toEqual(sheet(cli, name).text);
    expect(readSupervision(await host.readState()).rounds.map((r) => r.no)).toEqual([1]);
  });

  it('keeps what a user typed: a column added after the table stays, and the 序时 columns go after it', async () => {
    const host = await plainHost();
    const width = sheet(host, '主要工作').text[0].length;
    const extra = columnLetter(width + 1);
    host.simulateUserEdit('主要工作', `${extra}1`, '科室备注');
    host.simulateUserEdit('主要工作', `${extra}2`, '已约谈');
    await startHostRound(host, ROUND);
    const text = sheet(host, '主要工作').text;
    expect(text[0].slice(width, width + 4)).toEqual(['科室备注', ...HEADERS]);
    expect(text[1][width]).toBe('已约谈');
    expect(text[1][width + 1]).toBe('未启动');
  });

  it('收回填报 into a workbook with no task sheet writes nothing and says so (null)', async () => {
    const host = createMemoryHost();
    const before = JSON.stringify(host.snapshot());
    expect(await collectHostRound(host, [], [], '2023-09-30')).toBeNull();
    expect(JSON.stringify(host.snapshot())).toBe(before);
  });

  it('收回填报 updates the 序时 cells, 进展记录 and 统计, redrawing the 预警 rules instead of adding more', async () => {
    const host = await plainHost();
    await startHostRound(host, ROUND);
    const rules = () => sheet(host, '主要工作').conditionalFormats.length;
    const before = rules();
    const sheetsBefore = host.snapshot().sheets.length;
    const { ret, ids } = await unitReturn(host, '发改委', 60);
    const result = await collectHostRound(host, [ret], [], '2023-09-30');
    expect(result?.round?.recorded).toBe(ids.length);
    expect(result?.cells).toBeGreaterThan(0);
    // At 30 September a year-end task is due 9/12 = 75 %: 60 − 75 = −15 → 慢于序时, 黄 (red from 20 points).
    const yearEnd = ids.find((id) => scheduleCells(host, '主要工作', id)[1] === '-15');
    expect(yearEnd && scheduleCells(host, '主要工作', yearEnd)).toEqual(['慢于序时', '-15', '黄']);
    expect(rules()).toBe(before);
    // 汇总记录 is new; no sheet is doubled or backed up.
    expect(host.snapshot().sheets.map((s) => s.name).filter((n) => n.includes('备份'))).toEqual([]);
    expect(host.snapshot().sheets.length).toBe(sheetsBefore + 1);
    expect(sheet(host, '进展记录').text.length - 1).toBe(ids.length);
    const lagging = sheet(host, '统计').values.find((row) => row[0] === '序时状态' && row[1] === '慢于序时')?.[2] as { result: number };
    expect(lagging.result).toBeGreaterThan(0);
  });

  it('同意 a 延期 rewrites the task’s 序时 cells and marks the request in 延期办结申请', async () => {
    const host = await plainHost();
    await startHostRound(host, ROUND);
    const { ret, ids } = await unitReturn(host, '发改委', 60, (row, i) => {
      if (i === 0) row.tracking = { ...(row.tracking ?? {}), report: { delayTo: '2024-06-30', delayReason: '报批' } };
    });
    await collectHostRound(host, [ret], [], '2023-09-30');
    const [request] = (await readHostRound(host)).pending;
    expect((await readHostRound(host)).titles[request.task]?.length).toBeGreaterThan(0);
    const rules = sheet(host, '主要工作').conditionalFormats.length;
    await decideHostRound(host, { accept: [request.id], reject: [], date: '2023-10-12' }, '2023-10-12');
    // Measured at the period end (30 September): 9 of 18 months → 50 %; 60 − 50 = +10 → 超序时, 绿.
    expect(scheduleCells(host, '主要工作', ids[0])).toEqual(['超序时', '10', '绿']);
    expect(sheet(host, '主要工作').conditionalFormats.length).toBe(rules);
    expect(sheet(host, '延期办结申请').text.some((row) => row.includes(request.id) && row.some((c) => c.includes('同意')))).toBe(true);
  });
});
