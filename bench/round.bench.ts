/**
 * The supervision round (issue 12): a 250-task, 60-unit round — split, collect of 60 returns, and
 * the 通报 + 汇总表 + all 催办单 — each measured; then the 通报 of 10,000 tasks with 6 and 12 rounds
 * of history, to show the time grows linearly with rounds × tasks.
 */
import {
  planRoundCollect, planSplit, readFenjieInput, readReturns, reportBulletin, reportReminders, reportSummary, startRound,
  type ParseResult, type TaskRecord, type WorkbookState,
} from '../src/core/index';
import { buildWorkbookPlan } from '../src/core/testing';
import { writeXlsx } from '../src/writers/xlsx/xlsx.writer';
import { measure, type BenchContext, type BenchResult } from './run';

function makeResult(tasks: number, units: number): ParseResult {
  const rows: TaskRecord[] = [];
  for (let i = 0; i < tasks; i += 1) {
    rows.push({
      category: `${['一', '二', '三', '四', '五'][i % 5]}、重点领域${i % 5}`,
      item: `项目${i % 40}`,
      content: `推进第${i + 1}项重点工作，完成年度建设目标并形成可复制的经验做法`,
      leaders: [`领导${i % 12}`],
      leadUnits: [`单位${String(i % units).padStart(2, '0')}局`],
      relatedUnits: [`单位${String((i + 7) % units).padStart(2, '0')}局`],
      inherited: [],
    });
  }
  return { source: 'bench', notice: null, tables: [{ kind: 'tasks', title: '2023年重点工作', year: 2023, rows }], fixes: [], warnings: [] } as unknown as ParseResult;
}

async function roundOf(tasks: number, units: number) {
  const year = await readFenjieInput(await writeXlsx(buildWorkbookPlan({ results: [makeResult(tasks, units)] })), 'bench.xlsx');
  const started = startRound(year, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' });
  return readFenjieInput(await writeXlsx(started.plan), 'bench.xlsx');
}

function withHistory(master: Awaited<ReturnType<typeof roundOf>>, rounds: number): typeof master {
  const ids = master.result.tables.flatMap((t) => t.rows.map((r) => (r as TaskRecord).id as string));
  const history = [];
  for (let round = 1; round <= rounds; round += 1) for (const id of ids) history.push({ round, id, unit: '单位00局', status: '推进中', progress: round * 8, latest: '按计划推进', recorded: '2023-10-01', file: 'x.xlsx' });
  const state = (master.state ?? {}) as WorkbookState & { supervision: { rounds: unknown[] } };
  const roundsList = Array.from({ length: rounds }, (_, i) => ({ no: i + 1, period: `2023-${String(i + 1).padStart(2, '0')}`, label: `2023年${i + 1}月`, due: '2023-12-31', opened: '2023-01-01' }));
  return { ...master, state: { ...state, supervision: { ...state.supervision, rounds: roundsList, history } } };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const master = await roundOf(250, 60);
  const split = await measure(async () => Promise.all([...planSplit(master.result.tables, { source: 'bench.xlsx', createdAt: '2023-09-21' })].map(async (f) => ({ name: f.fileName, bytes: await writeXlsx(f.plan) }))));
  const collect = await measure(async () => {
    const { returns, problems } = await readReturns(split.value);
    return writeXlsx(planRoundCollect(master, returns, problems, '2023-10-11').plan);
  });
  const outputs = await measure(async () => {
    reportBulletin(master, { today: '2023-10-12' });
    await writeXlsx(reportSummary(master, { today: '2023-10-12' }).plan);
    return reportReminders(master, { today: '2023-10-12' }).units.length;
  });
  ctx.log(`  250 tasks × 60 units: ${split.value.length} unit files, ${outputs.value} 催办单 pages`);
  const big = await roundOf(10_000, 60);
  const six = await measure(() => reportBulletin(withHistory(big, 6), { today: '2023-12-31' }).bytes.byteLength);
  const twelve = await measure(() => reportBulletin(withHistory(big, 12), { today: '2023-12-31' }).bytes.byteLength);
  return {
    round_250x60_split_ms: split.ms,
    round_250x60_collect60_ms: collect.ms,
    round_250x60_bulletin_summary_reminders_ms: outputs.ms,
    bulletin_10k_6rounds_ms: six.ms,
    bulletin_10k_12rounds_ms: twelve.ms,
    bulletin_10k_12rounds_peak_heap_mb: twelve.peakHeapMB,
    bulletin_12_over_6_ratio: Math.round((twelve.ms / six.ms) * 100) / 100,
    target_bulletin_10k_12rounds_under_5s: twelve.ms < 5000,
  };
}
