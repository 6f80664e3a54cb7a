/**
 * Issue 17, trusted returns: the office's workbook keeps what a split sent (the sent record, in the
 * state), and collect compares each return with it. The pane's path, against the memory host.
 * Each forgery is a regression test named after it: nothing of a forged file is applied, every
 * difference is listed with the unit, the task and the cell.
 */
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { createMemoryHost, type MemoryHost } from '../../host/memory.host';
import { splitDigest } from '../../distribute/collect-trust.rules';
import { readSentRecords, SENT_STATE_KEY, withSentRecord, type SentRecord } from '../../distribute/sent-record.codec';
import { stateToCells } from '../../sheet/workbook-state';
import type { ParsedTable, ProjectRecord, TaskRecord } from '../../model/records.model';
import type { WorkbookPlan } from '../../workbook/plan.model';
import { mergeReturns, readReturns, sentRecordsOf } from '../collect.flow';
import { readHostRecords, type SheetTables } from '../host-records.flow';
import { planSplitFiles, planSplitRecord, type UnitWorkbookPlan } from '../split.flow';
import { writePlan } from '../write-plan.flow';

type AnyRecord = TaskRecord | ProjectRecord;
type Json = Record<string, unknown> & { split: { unit: string; year: number | null; splitId: string; digest: string; baseline: Record<string, { fp: string; tracking: Record<string, unknown> }> } };

const UNIT = '发改委';

async function officeAfterSplit(): Promise<{ host: MemoryHost; data: SheetTables; unit: UnitWorkbookPlan; sent: SentRecord[]; splitId: string }> {
  const host = createMemoryHost();
  await writePlan(host, buildWorkbookPlan({ results: [parseSeed(SEED_2023)] }));
  const data = await readHostRecords(host);
  const split = planSplitFiles(data.tables, { source: '2023分解落实表.xlsx', createdAt: '2024-03-01T08:00:00.000Z' });
  const before = host.applyCount;
  await writePlan(host, planSplitRecord(await host.readState(), split));
  expect(host.applyCount).toBe(before + 1);
  const unit = [...split.plans()].find((u) => u.unit === UNIT)!;
  return { host, data: await readHostRecords(host), unit, sent: sentRecordsOf(await host.readState()), splitId: split.manifest.splitId };
}

function taskSheet(plan: WorkbookPlan) {
  return plan.sheets.find((s) => s.role === 'tasks')!;
}

/** Sets a tracking cell of the unit file's row for `id`. */
function fill(plan: WorkbookPlan, id: string, key: string, value: string): void {
  const sheet = taskSheet(plan);
  const idCol = sheet.columns.findIndex((c) => c.key === 'id');
  sheet.rows.find((r) => r[idCol] === id)![sheet.columns.findIndex((c) => c.key === key)] = value;
}

/** Edits the unit file's hidden state as a unit with a text editor would. */
function editState(plan: WorkbookPlan, edit: (json: Json) => void): void {
  const sheet = plan.sheets.find((s) => s.role === 'state')!;
  const json = JSON.parse((sheet.preamble as string[]).join('')) as Json;
  edit(json);
  sheet.preamble = stateToCells(json).map((row) => row[0]);
}

/** The file's digest recomputed after an edit, as a forger who read the source would. */
function redigest(json: Json): void {
  json.split.digest = splitDigest(json.split);
}

async function collect(data: SheetTables, plan: WorkbookPlan, sent: SentRecord[] | undefined, tables: ParsedTable[] = data.tables) {
  const { returns } = await readReturns([{ name: `2023-${UNIT}.xlsx`, bytes: await writeXlsx(plan) }]);
  return mergeReturns(tables, returns, [], { collectedAt: '2024-04-01T00:00:00.000Z', ...(sent !== undefined ? { sent } : {}) });
}

const rowsOf = (tables: ParsedTable[]): AnyRecord[] => tables.flatMap((t) => t.rows as AnyRecord[]);
const isOwn = (r: AnyRecord, unit: string) => r.leadUnits.includes(unit) || r.relatedUnits.includes(unit);

describe('the sent record (issue 17, trusted returns)', () => {
  it('a split writes the sent record into the workbook state with 分发清单, one batch: each task once, each unit its ids and digest', async () => {
    const { host, data, unit, sent, splitId } = await officeAfterSplit();
    expect(sent.map((r) => r.splitId)).toEqual([splitId]);
    const [record] = sent;
    const ids = record.tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const entry = record.units.find((u) => u.unit === UNIT)!;
    const own = rowsOf(data.tables).filter((r) => isOwn(r, UNIT)).map((r) => r.id);
    expect(entry.tasks.map((i) => record.tasks[i].id).sort()).toEqual([...own].sort());
    const unitState = JSON.parse((unit.plan.sheets.find((s) => s.role === 'state')!.preamble as string[]).join('')) as Json;
    expect(entry.digest).toBe(unitState.split.digest);
    expect(entry.file).toBe(unit.fileName);
    // Fewer task entries than unit × task pairs: baselines are stored once per task.
    expect(record.tasks.length).toBeLessThan(record.units.reduce((n, u) => n + u.tasks.length, 0));
    expect(host.snapshot().sheets.map((s) => s.name)).toContain('分发清单');
    // The records and their layout in the state are still there.
    expect((await readHostRecords(host)).tables.map((t) => t.rows.length)).toEqual(data.tables.map((t) => t.rows.length));
  });

  it('later splits add their records; the state keeps the last five (size-bounded)', async () => {
    const { host, data } = await officeAfterSplit();
    let state = await host.readState();
    for (let i = 0; i < 6; i += 1) {
      const again = planSplitFiles(data.tables, { source: 'x.xlsx', createdAt: `2024-03-0${i + 2}T00:00:00.000Z` });
      state = withSentRecord(state, again.sent!);
    }
    const splits = readSentRecords(state)!;
    expect(splits).toHaveLength(5);
    expect(splits[4].createdAt).toBe('2024-03-07T00:00:00.000Z');
    expect(Object.keys(state)).toContain(SENT_STATE_KEY);
  });

  it('an honest return merges as without the record, and no finding is added', async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const id = rowsOf(data.tables).find((r) => isOwn(r, UNIT) && !r.tracking?.status)!.id!;
    fill(unit.plan, id, 'status', '推进中');
    const withRecord = await collect(data, unit.plan, sent);
    const without = await collect(data, unit.plan, undefined);
    expect(withRecord.applied).toEqual(without.applied);
    expect(withRecord.applied.map((a) => [a.id, a.field, a.to])).toEqual([[id, 'status', '推进中']]);
    expect(withRecord.findings).toEqual([]);
  });

  it('regression (collect applied a return whose hidden baseline was edited): the forged baseline is refused with unit, task and cell', async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const target = rowsOf(data.tables).find((r) => isOwn(r, UNIT) && !r.tracking?.status)!;
    const id = target.id!;
    // The office set 推进中 after the split; the unit writes 已完成 and claims it was sent 推进中.
    const master = data.tables.map((t) => ({ ...t, rows: (t.rows as AnyRecord[]).map((r) => (r.id === id ? { ...r, tracking: { ...r.tracking, status: '推进中' as const } } : r)) }) as ParsedTable);
    fill(unit.plan, id, 'status', '已完成');
    editState(unit.plan, (json) => (json.split.baseline[id].tracking.status = '推进中'));
    const before = await collect(data, unit.plan, undefined, master);
    expect(before.applied.map((a) => [a.id, a.to])).toEqual([[id, '已完成']]);
    const run = await collect(data, unit.plan, sent, master);
    expect(run.applied).toEqual([]);
    const forged = run.findings.find((f) => f.code === 'collect-baseline-forged' && f.field === 'status')!;
    expect(forged).toMatchObject({ unit: UNIT, id, from: '', value: '推进中', refused: true });
    expect(forged.cell).toMatch(/^'主要工作'!\w+\d+$/);
    expect(run.findings.filter((f) => f.code === 'collect-baseline-forged' && f.field === 'status' && f.value === '已完成').map((f) => f.id)).toEqual([id]);
    expect(run.files).toEqual([expect.objectContaining({ unit: UNIT, accepted: false })]);
  });

  it('regression (collect applied a task not sent to the unit): an extra row of a task the unit was not sent is refused, the rest applied', async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const [mine] = rowsOf(data.tables).filter((r) => isOwn(r, UNIT) && !r.tracking?.status);
    const extra = rowsOf(data.tables).find((r) => !isOwn(r, UNIT) && !r.tracking?.status)!;
    // The office adds the unit to a task after the split; the unit adds a row for it by hand.
    const master = data.tables.map((t) => ({ ...t, rows: (t.rows as AnyRecord[]).map((r) => (r.id === extra.id ? { ...r, relatedUnits: [...r.relatedUnits, UNIT] } : r)) }) as ParsedTable);
    const sheet = taskSheet(unit.plan);
    const idCol = sheet.columns.findIndex((c) => c.key === 'id');
    const copy = [...sheet.rows[0]];
    copy[idCol] = extra.id!;
    sheet.rows.push(copy);
    fill(unit.plan, extra.id!, 'status', '已完成');
    fill(unit.plan, mine.id!, 'status', '推进中');
    const run = await collect(data, unit.plan, sent, master);
    expect(run.findings.filter((f) => f.refused).map((f) => [f.code, f.unit, f.id, f.field])).toEqual([['collect-not-sent', UNIT, extra.id, 'status']]);
    expect(run.findings.find((f) => f.code === 'collect-not-sent')?.cell).toMatch(/^'主要工作'!\w+\d+$/);
    expect(run.applied.map((a) => [a.id, a.to])).toEqual([[mine.id, '推进中']]);
  });

  it("regression (collect applied another unit's task): a row of another unit's task is refused with the sent record too", async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const foreign = rowsOf(data.tables).find((r) => !isOwn(r, UNIT) && !r.tracking?.status)!;
    const sheet = taskSheet(unit.plan);
    sheet.rows[0][sheet.columns.findIndex((c) => c.key === 'id')] = foreign.id!;
    fill(unit.plan, foreign.id!, 'status', '已完成');
    const run = await collect(data, unit.plan, sent);
    expect(run.findings.filter((f) => f.refused).map((f) => [f.code, f.id, f.field])).toEqual([['collect-not-own-task', foreign.id, 'status']]);
    expect(run.applied).toEqual([]);
  });

  it('regression (collect credited a file whose digest was recomputed): a digest that differs from the one sent is refused as a whole', async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const [mine] = rowsOf(data.tables).filter((r) => isOwn(r, UNIT) && !r.tracking?.status);
    const other = rowsOf(data.tables).find((r) => !isOwn(r, UNIT))!;
    fill(unit.plan, mine.id!, 'status', '推进中');
    // A task added to the hidden baseline and the digest recomputed: the file holds against itself.
    editState(unit.plan, (json) => {
      json.split.baseline[other.id!] = { fp: '', tracking: {} };
      redigest(json);
    });
    const run = await collect(data, unit.plan, sent);
    const codes = run.findings.map((f) => f.code);
    expect(codes[0]).toBe('collect-digest-mismatch');
    expect(run.findings.find((f) => f.code === 'collect-baseline-forged')).toMatchObject({ unit: UNIT, id: other.id });
    expect(run.findings.filter((f) => f.id === mine.id).map((f) => [f.code, f.field])).toEqual([['collect-digest-mismatch', 'status']]);
    expect(run.applied).toEqual([]);
  });

  it('regression (collect credited a file of an unrecorded split): a split id the workbook did not record is refused', async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const [mine] = rowsOf(data.tables).filter((r) => isOwn(r, UNIT) && !r.tracking?.status);
    fill(unit.plan, mine.id!, 'status', '推进中');
    editState(unit.plan, (json) => {
      json.split.splitId = 'S00000000';
      redigest(json);
    });
    const run = await collect(data, unit.plan, sent);
    expect(run.findings.map((f) => [f.code, f.id ?? null])).toEqual([['collect-unknown-split', null], ['collect-unknown-split', mine.id]]);
    expect(run.applied).toEqual([]);
  });

  it('regression (collect credited a unit the split never sent to): a state renamed to another unit, digest recomputed, is refused', async () => {
    const { data, unit, sent } = await officeAfterSplit();
    const [mine] = rowsOf(data.tables).filter((r) => isOwn(r, UNIT) && !r.tracking?.status);
    fill(unit.plan, mine.id!, 'status', '推进中');
    editState(unit.plan, (json) => {
      json.split.unit = '不存在的局';
      redigest(json);
    });
    // The master must know the unit for the file to get this far: name it on the task.
    const master = data.tables.map((t) => ({ ...t, rows: (t.rows as AnyRecord[]).map((r) => ({ ...r, relatedUnits: [...r.relatedUnits, '不存在的局'] })) }) as ParsedTable);
    const run = await collect(data, unit.plan, sent, master);
    expect(run.findings[0]).toMatchObject({ code: 'collect-identity-mismatch', unit: '不存在的局', refused: true });
    expect(run.applied).toEqual([]);
  });

  it('without a sent record (an older workbook) collect behaves as before and says so once', async () => {
    const { data, unit } = await officeAfterSplit();
    const id = rowsOf(data.tables).find((r) => isOwn(r, UNIT) && !r.tracking?.status)!.id!;
    fill(unit.plan, id, 'status', '推进中');
    const run = await collect(data, unit.plan, []);
    expect(run.applied.map((a) => [a.id, a.to])).toEqual([[id, '推进中']]);
    expect(run.findings.map((f) => [f.code, f.severity, f.refused])).toEqual([['collect-no-sent-record', 'info', false]]);
  });
});
