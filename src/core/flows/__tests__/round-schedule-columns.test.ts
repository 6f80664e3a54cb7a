/**
 * The scripted year, seen on the task sheets: once a round is open, 主要工作 / 民生实事 carry the
 * computed 序时状态, 偏差（百分点） and 预警 columns (coloured by 预警), 统计 counts the tasks by 序时状态,
 * and reading the workbook back ignores the computed columns. Figures checked by hand below.
 */
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import type { SheetPlan, WorkbookPlan } from '../../workbook/plan.model';
import { readFenjieInput } from '../read-input.flow';
import { planSplit } from '../split.flow';
import { decideRound, planRoundCollect, startRound } from '../round.flow';
import type { AnyRecord } from '../../model/records.model';
import type { UnitReturn } from '../../distribute/collect.merger';
import type { FormulaValue } from '../../sheet/cell-value';

type Book = Awaited<ReturnType<typeof readFenjieInput>>;

async function reread(plan: WorkbookPlan): Promise<Book> {
  return readFenjieInput(await writeXlsx(plan), '台账.xlsx');
}

async function unitReturn(master: Book, unit: string, fill: (row: AnyRecord, i: number) => void): Promise<UnitReturn> {
  const file = [...planSplit(master.result.tables, { source: '台账.xlsx', createdAt: '2023-09-21' })].find((f) => f.unit === unit);
  if (!file) throw new Error(`no unit file for ${unit}`);
  const back = await readFenjieInput(await writeXlsx(file.plan), file.fileName);
  let i = 0;
  for (const row of back.result.tables.flatMap((t) => t.rows as AnyRecord[])) if (row.leadUnits.includes(unit)) fill(row, i++);
  return { fileName: file.fileName, state: back.state, tables: back.result.tables };
}

function rowsOf(book: Book): AnyRecord[] {
  return book.result.tables.flatMap((t) => t.rows as AnyRecord[]);
}

/** The busiest lead unit whose tasks all run to year end (so 序时 is months elapsed / 12). */
function yearEndUnit(book: Book): string {
  const count = new Map<string, number>();
  for (const row of rowsOf(book)) for (const u of row.leadUnits) count.set(u, (count.get(u) ?? 0) + 1);
  const plain = (u: string) => rowsOf(book).filter((r) => r.leadUnits.includes(u)).every((r) => !r.tracking?.deadline && !(r as { deadline?: { iso?: string | null } }).deadline?.iso);
  const unit = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([u]) => u).find(plain);
  if (!unit) throw new Error('no unit with year-end tasks only');
  return unit;
}

function cellsOf(sheet: SheetPlan, id: string, keys: string[]): unknown[] {
  const row = sheet.rows.find((r) => r[0] === id) as unknown[];
  return keys.map((k) => row[sheet.columns.findIndex((c) => c.key === k)]);
}

function statsRow(plan: WorkbookPlan, group: string, name: string): FormulaValue[] {
  const row = plan.sheets.find((s) => s.name === '统计')?.rows.find((r) => r[0] === group && r[1] === name);
  if (!row) throw new Error(`no 统计 row ${group}/${name}`);
  return row.slice(2, 5) as FormulaValue[];
}

const SCHEDULE = ['scheduleStatus', 'scheduleGap', 'scheduleColour'];

describe('round flow: 序时 columns on the task sheets and 统计 by 序时状态', () => {
  it('has no computed columns (and no 统计 block) before a round is open', async () => {
    const plan = buildWorkbookPlan({ results: [parseSeed(SEED_2023)] });
    for (const sheet of plan.sheets.filter((s) => s.role === 'tasks' || s.role === 'projects')) expect(sheet.columns.map((c) => c.header)).not.toContain('序时状态');
    expect(plan.sheets.find((s) => s.name === '统计')?.rows.some((r) => r[0] === '序时状态')).toBe(false);
  });

  it('colours and counts round 1 by hand: one done, the rest of one unit behind, everything else not started', async () => {
    const year = await reread(buildWorkbookPlan({ results: [parseSeed(SEED_2023)] }));
    const master = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
    const unit = yearEndUnit(master);
    const mine = rowsOf(master).filter((r) => r.leadUnits.includes(unit)).map((r) => r.id as string);
    const ret = await unitReturn(master, unit, (row, i) => {
      row.tracking = i === 0 ? { status: '已完成', progress: 100, latest: '已竣工' } : { status: '推进中', progress: 35, latest: '推进中' };
    });
    const { plan } = planRoundCollect(master, [ret], [], '2023-09-30');
    const tasks = plan.sheets.find((s) => s.name === '主要工作') as SheetPlan;
    const plain = buildWorkbookPlan({ results: [master.result] }).sheets.find((s) => s.name === '主要工作') as SheetPlan;
    // Appended after every other column: the others keep their order.
    expect(tasks.columns.map((c) => c.header)).toEqual([...plain.columns.map((c) => c.header), '序时状态', '偏差（百分点）', '预警']);
    expect(tasks.columns.slice(-3).some((c) => c.editable)).toBe(false);

    // 30 September: 9 of 12 months → 75 %. 100 − 75 = +25; 35 − 75 = −40 (≥ 20 behind: 红); no report: −75, 红.
    const sheetOf = (id: string) => plan.sheets.find((s) => s.rows.some((r) => r[0] === id) && (s.role === 'tasks' || s.role === 'projects')) as SheetPlan;
    expect(cellsOf(sheetOf(mine[0]), mine[0], SCHEDULE)).toEqual(['已完成', 25, '蓝']);
    expect(cellsOf(sheetOf(mine[1]), mine[1], SCHEDULE)).toEqual(['慢于序时', -40, '红']);
    const other = rowsOf(master).find((r) => !r.leadUnits.includes(unit)) as AnyRecord;
    expect(cellsOf(sheetOf(other.id as string), other.id as string, SCHEDULE)).toEqual(['未启动', null, '红']);

    // The status cells are filled by 预警: one expression rule per colour over the three columns.
    const letter = (key: string) => String.fromCharCode(64 + tasks.columns.findIndex((c) => c.key === key) + 1);
    const rules = (tasks.conditionalFormats ?? []).filter((r) => r.kind === 'expression' && r.range.startsWith(`${letter('scheduleStatus')}2:`));
    expect(rules.map((r) => (r as { formula: string }).formula)).toEqual(['红', '黄', '绿', '蓝'].map((c) => `$${letter('scheduleColour')}2="${c}"`));
    expect(rules[0].range).toBe(`${letter('scheduleStatus')}2:${letter('scheduleColour')}${tasks.rows.length + 1}`);

    // 统计: per status, 主要工作 + 民生实事 = 合计, cached results counted by hand.
    const total = rowsOf(master).length;
    const sums = (name: string) => statsRow(plan, '序时状态', name).map((c) => Number(c.result));
    const [doneT, doneP, doneAll] = sums('已完成');
    expect([doneT + doneP, doneAll]).toEqual([1, 1]);
    expect(sums('慢于序时')[2]).toBe(mine.length - 1);
    expect(sums('未启动')[2]).toBe(total - mine.length);
    expect(sums('按序时')[2] + sums('超序时')[2]).toBe(0);
    expect(statsRow(plan, '序时状态', '未启动')[0].formula).toBe(`COUNTIFS('主要工作'!$${letter('scheduleStatus')}:$${letter('scheduleStatus')},"未启动")`);

    // Read back, the computed columns are not the clerk's data: the records equal those of a plan without them.
    const back = await reread(plan);
    const without = await reread(buildWorkbookPlan({ results: [back.result], state: back.state ?? {} }));
    expect(JSON.stringify(back.result.tables)).toBe(JSON.stringify(without.result.tables));
    expect(rowsOf(back).find((r) => r.id === mine[1])?.tracking?.progress).toBe(35);
  });

  it('moves a task out of 红 when its 延期 is accepted', async () => {
    const year = await reread(buildWorkbookPlan({ results: [parseSeed(SEED_2023)] }));
    const master = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
    const unit = yearEndUnit(master);
    const ret = await unitReturn(master, unit, (row, i) => (row.tracking = { status: '推进中', progress: 60, ...(i === 0 ? { report: { delayTo: '2024-06-30', delayReason: '报批' } } : {}) }));
    const collected = await reread(planRoundCollect(master, [ret], [], '2023-09-30').plan);
    const id = rowsOf(collected).find((r) => r.leadUnits.includes(unit))?.id as string;
    const decided = decideRound(collected, { accept: ['R1-1'], reject: [], date: '2023-09-30' });
    const sheet = decided.plan.sheets.find((s) => s.rows.some((r) => r[0] === id) && s.role !== 'other' && s.role !== 'stats') as SheetPlan;
    // To 2024-06-30: 9 of 18 months due → 50 %; 60 − 50 = +10 → 超序时 (ahead ≥ 10), 绿. Before: 60 − 75 = −15 → 慢于序时.
    expect(cellsOf(sheet, id, SCHEDULE)).toEqual(['超序时', 10, '绿']);
  });
});
