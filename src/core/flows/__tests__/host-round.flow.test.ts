/**
 * 审核延期/办结 in the pane, against the memory host: the round workbook written to the host, the
 * pending requests read from its state, one 延期 accepted and one 办结 rejected — only the accepted
 * one changes cells (完成时限 and the computed 序时 cells), in one batch, and both are recorded.
 */
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { createMemoryHost } from '../../host/memory.host';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { locateSheetCell } from '../../workbook/workbook-layout';
import type { AnyRecord } from '../../model/records.model';
import { readSupervision } from '../../supervision/supervision.model';
import { readFenjieInput } from '../read-input.flow';
import { planSplit } from '../split.flow';
import { planRoundCollect, startRound } from '../round.flow';
import { writePlan } from '../write-plan.flow';
import { decideHostRound, readHostMaster, readHostRound } from '../host-round.flow';
import type { WorkbookPlan } from '../../workbook/plan.model';

async function reread(plan: WorkbookPlan) {
  return readFenjieInput(await writeXlsx(plan), '台账.xlsx');
}

/** A round workbook on the memory host with two pending requests: R1-1 延期 (unit A), R1-2 办结 (unit B). */
async function hostWithRequests() {
  const year = await reread(buildWorkbookPlan({ results: [parseSeed(SEED_2023)] }));
  const master = await reread(startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' }).plan);
  const files = [...planSplit(master.result.tables, { source: '台账.xlsx', createdAt: '2023-09-21' })].slice(0, 2);
  const returns = await Promise.all(
    files.map(async (file, n) => {
      const back = await readFenjieInput(await writeXlsx(file.plan), file.fileName);
      const first = back.result.tables.flatMap((t) => t.rows as AnyRecord[]).find((r) => r.leadUnits.includes(file.unit)) as AnyRecord;
      first.tracking = { status: '推进中', progress: 60, report: n === 0 ? { delayTo: '2024-06-30', delayReason: '报批' } : { doneNote: '已验收' } };
      return { fileName: file.fileName, state: back.state, tables: back.result.tables, task: first.id as string };
    }),
  );
  const host = createMemoryHost();
  await writePlan(host, planRoundCollect(master, returns, [], '2023-09-30').plan, { backupSuffix: 's' });
  return { host, delayed: returns[0].task, closed: returns[1].task };
}

function cellText(host: ReturnType<typeof createMemoryHost>, sheet: string, address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return host.snapshot().sheets.find((s) => s.name === sheet)?.text[Number(m[2]) - 1]?.[col] ?? '';
}

describe('host round flow (pane)', () => {
  it('reads the open workbook as a master and lists the pending requests of the round', async () => {
    const { host, delayed, closed } = await hostWithRequests();
    const master = await readHostMaster(host);
    expect(master.result.tables.map((t) => t.rows.length)).toEqual([88, 22]);
    expect(readSupervision(master.state).rounds.map((r) => r.no)).toEqual([1]);
    const round = await readHostRound(host);
    expect(round.round?.label).toBe('2023年第三季度');
    expect(round.pending.map((r) => [r.id, r.kind, r.task])).toEqual([
      ['R1-1', 'delay', delayed],
      ['R1-2', 'done', closed],
    ]);
  });

  it('applies an accepted 延期 to the cells in one batch, leaves a rejected 办结 alone, and records both', async () => {
    const { host, delayed, closed } = await hostWithRequests();
    const before = await readHostMaster(host);
    const index = (id: string) => before.data.ids.flatMap((ids, table) => ids.map((x, row) => ({ x, table, row }))).find((p) => p.x === id) as { table: number; row: number };
    const at = (id: string, field: string) => locateSheetCell(before.data.layout, index(id).table, index(id).row, field) as { sheet: string; address: string };
    // 60 % against 75 % (year end): 慢于序时.
    expect(cellText(host, at(delayed, 'scheduleStatus').sheet, at(delayed, 'scheduleStatus').address)).toBe('慢于序时');
    const closedStatus = cellText(host, at(closed, 'status').sheet, at(closed, 'status').address);
    const batches = host.applyCount;

    const result = await decideHostRound(host, { accept: ['R1-1'], reject: ['R1-2'], date: '2023-10-12' }, '2023-10-12');
    expect(result.applied.map((r) => r.id)).toEqual(['R1-1']);
    expect(result.rejected.map((r) => r.id)).toEqual(['R1-2']);
    expect(result.pending).toEqual([]);
    // Cells in one batch (the state is its own write).
    expect(host.applyCount - batches).toBeLessThanOrEqual(2);

    const after = await readHostMaster(host);
    const row = (id: string) => after.result.tables.flatMap((t) => t.rows as AnyRecord[]).find((r) => r.id === id);
    expect(row(delayed)?.tracking?.deadline).toBe('2024-06-30');
    // Measured at 30 September (the period end): 9 of 18 months → 50 %; 60 − 50 = +10 → 超序时, 绿.
    expect([at(delayed, 'scheduleStatus'), at(delayed, 'scheduleGap'), at(delayed, 'scheduleColour')].map((c) => cellText(host, c.sheet, c.address))).toEqual(['超序时', '10', '绿']);
    expect(cellText(host, at(closed, 'status').sheet, at(closed, 'status').address)).toBe(closedStatus);
    expect(row(closed)?.tracking?.status).toBe('推进中');
    expect(readSupervision(after.state).requests.map((r) => [r.id, r.status, r.decided])).toEqual([
      ['R1-1', 'accepted', '2023-10-12'],
      ['R1-2', 'rejected', '2023-10-12'],
    ]);
    expect((await readHostRound(host)).pending).toEqual([]);
    await expect(decideHostRound(host, { accept: ['R1-1'], reject: [], date: '2023-10-13' }, '2023-10-13')).rejects.toMatchObject({ code: 'round-request-unknown' });
  });

  it('closes a task when its 办结 is accepted: 已完成 and 100 %', async () => {
    const { host, closed } = await hostWithRequests();
    await decideHostRound(host, { accept: ['R1-2'], reject: [], date: '2023-10-12' }, '2023-10-12');
    const after = await readHostMaster(host);
    const row = after.result.tables.flatMap((t) => t.rows as AnyRecord[]).find((r) => r.id === closed);
    expect([row?.tracking?.status, row?.tracking?.progress]).toEqual(['已完成', 100]);
    expect((await readHostRound(host)).pending.map((r) => r.id)).toEqual(['R1-1']);
  });
});
