/**
 * Round trips of an import through the Office host: the 2023 seed's tasks replicated to 100 and
 * 10,000 rows, planned by the real planner, applied by createOfficeHost over the recording Excel
 * fake, counting Excel.run and context.sync calls and the largest request. A naive adapter (one
 * range write and one sync per row, the usual first attempt) is the baseline.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type CellValue, type ParseResult, type WorkbookPlan, type WriteOp } from '../src/core';
import { buildWorkbookPlan, parseDocument, planToOps } from '../src/core/testing';
import { createOfficeHost } from '../src/hosts/office/office.host';
import type { OfficeEnv } from '../src/hosts/office/office-env';
import { toExcelValue } from '../src/hosts/office/office-write';
import { createExcelFake } from '../test/fakes/excel.fake';
import { measure, type BenchContext, type BenchResult } from './run';

const SEED = path.join(__dirname, '..', 'seeds', '000_8040c5413e4a8407.txt');

async function planWithRows(seed: ParseResult, rows: number): Promise<WorkbookPlan> {
  const tasks = seed.tables.find((t) => t.kind === 'tasks');
  if (!tasks || !tasks.rows.length) throw new Error('the seed has no task rows');
  const base = tasks.rows;
  const replicated = Array.from({ length: rows }, (_, i) => ({ ...base[i % base.length], id: `2023-T-${String(i + 1).padStart(5, '0')}` }));
  const result: ParseResult = { ...seed, tables: [{ ...tasks, rows: replicated }], fixes: [], warnings: [] };
  return buildWorkbookPlan({ results: [result], today: '2023-06-30' });
}

/** The baseline: what a first attempt does — one write and one sync per row (header included). */
async function naiveImport(env: OfficeEnv, ops: WriteOp[]): Promise<void> {
  await env.Excel.run(async (context) => {
    for (const op of ops) {
      if (op.op === 'addSheet') {
        context.workbook.worksheets.add(op.sheet);
        await context.sync();
      }
      if (op.op !== 'writeValues') continue;
      const sheet = context.workbook.worksheets.getItem(op.sheet);
      const width = Math.max(...op.values.map((r) => r.length));
      const start = Number(/\d+/.exec(op.start)?.[0] ?? 1);
      for (let r = 0; r < op.values.length; r++) {
        const row: CellValue[] = [...op.values[r], ...new Array<CellValue>(width - op.values[r].length).fill(null)];
        const last = String.fromCharCode(64 + Math.min(width, 26));
        sheet.getRange(`A${start + r}:${last}${start + r}`).values = [row.slice(0, 26).map(toExcelValue)];
        await context.sync();
      }
    }
  });
}

async function measureImport(plan: WorkbookPlan) {
  const fake = createExcelFake();
  const host = createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office });
  const ops = planToOps(plan);
  fake.resetCounts();
  const timed = await measure(() => host.apply(ops));
  return { fake, ms: timed.ms, degraded: timed.value.degraded.length, ops: ops.length };
}

async function measureNaive(plan: WorkbookPlan) {
  const fake = createExcelFake();
  fake.resetCounts();
  const timed = await measure(() => naiveImport({ Excel: fake.Excel as unknown as OfficeEnv['Excel'] }, planToOps(plan)));
  return { syncs: fake.recorder.syncs, ms: timed.ms };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const seed = await parseDocument(new Uint8Array(fs.readFileSync(SEED)), path.basename(SEED));
  const out: BenchResult = {};
  for (const rows of [100, 10000]) {
    const plan = await planWithRows(seed, rows);
    const ours = await measureImport(plan);
    const naive = await measureNaive(plan);
    const rec = ours.fake.recorder;
    const tag = rows === 100 ? '100' : '10k';
    out[`rows${tag}_ops`] = ours.ops;
    out[`rows${tag}_excelRuns`] = rec.runs;
    out[`rows${tag}_syncs`] = rec.syncs;
    out[`rows${tag}_valueWrites`] = rec.calls.filter((c) => c.member === 'values').length;
    out[`rows${tag}_maxRequestKB`] = Math.round(Math.max(...rec.syncPayloads) / 102.4) / 10;
    out[`rows${tag}_totalKB`] = Math.round(rec.syncPayloads.reduce((a, b) => a + b, 0) / 102.4) / 10;
    out[`rows${tag}_ms`] = ours.ms;
    out[`rows${tag}_naiveSyncs`] = naive.syncs;
    out[`rows${tag}_naiveMs`] = naive.ms;
    out[`rows${tag}_syncRatio`] = Math.round((naive.syncs / rec.syncs) * 10) / 10;
    ctx.log(`${rows} rows: ${rec.syncs} syncs in ${rec.runs} Excel.run (naive per-row: ${naive.syncs}); largest request ${out[`rows${tag}_maxRequestKB`]} KB`);
  }
  out.targetSyncs = 4;
  out.sameSyncsForBothSizes = out.rows100_syncs === out.rows10k_syncs;
  return out;
}
