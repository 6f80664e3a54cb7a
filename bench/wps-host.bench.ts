/**
 * Calls into WPS for an import through the WPS host: the 2023 seed's tasks replicated to 100 and
 * 10,000 rows, planned by the real planner, applied by createWpsHost over the fake ET Application.
 * Every ET call is a synchronous round trip into WPS, so the count is what matters: it should grow
 * with the number of 2,000-row chunks, not with rows. Also the Range lookups of reading the sheet
 * back. A naive adapter (one Value2 write per row) is the baseline.
 */
import * as fs from 'fs';
import * as path from 'path';
import { type ParseResult, type WorkbookPlan } from '../src/core';
import { buildWorkbookPlan, parseDocument, planToOps } from '../src/core/testing';
import { createWpsHost } from '../src/hosts/wps/wps.host';
import { createFakeEtApplication } from '../test/fakes/et-application.fake';
import { measure, type BenchContext, type BenchResult } from './run';

const SEED = path.join(__dirname, '..', 'seeds', '000_8040c5413e4a8407.txt');

async function planWithRows(seed: ParseResult, rows: number): Promise<WorkbookPlan> {
  const tasks = seed.tables.find((t) => t.kind === 'tasks');
  if (!tasks || !tasks.rows.length) throw new Error('the seed has no task rows');
  const replicated = Array.from({ length: rows }, (_, i) => ({ ...tasks.rows[i % tasks.rows.length], id: `2023-T-${String(i + 1).padStart(5, '0')}` }));
  return buildWorkbookPlan({ results: [{ ...seed, tables: [{ ...tasks, rows: replicated }], fixes: [], warnings: [] }], today: '2023-06-30' });
}

async function importRows(seed: ParseResult, rows: number) {
  const ops = planToOps(await planWithRows(seed, rows));
  const fake = createFakeEtApplication();
  const host = createWpsHost({ Application: fake.Application, settleMs: 0 });
  const write = await measure(() => host.apply(ops));
  const calls = fake.calls.length;
  const notes = fake.calls.filter((c) => c.method === 'Range.AddComment').length;
  const before = fake.core.rangeLookups;
  const read = await measure(() => host.readUsedRange('主要工作'));
  const naive = ops.filter((op) => op.op === 'writeValues').reduce((sum, op) => sum + (op.op === 'writeValues' ? op.values.length : 0), 0);
  return { calls, notes, naive, writeMs: write.ms, readLookups: fake.core.rangeLookups - before, readMs: read.ms };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const seed = await parseDocument(new Uint8Array(fs.readFileSync(SEED)), path.basename(SEED));
  const small = await importRows(seed, 100);
  const large = await importRows(seed, 10000);
  for (const [label, r] of [['100 rows', small], ['10,000 rows', large]] as const) {
    ctx.log(`${label}: ${r.calls} ET write calls, of which ${r.notes} cell notes (one call each: no bulk API); naive per-row baseline ≥${r.naive} value writes alone; read back with ${r.readLookups} Range lookups`);
  }
  return {
    etCalls100: small.calls,
    etCalls10k: large.calls,
    etCallsWithoutNotes100: small.calls - small.notes,
    etCallsWithoutNotes10k: large.calls - large.notes,
    naiveCalls10k: large.naive,
    callRatioWithoutNotes10k: Number((large.naive / (large.calls - large.notes)).toFixed(1)),
    readLookups100: small.readLookups,
    readLookups10k: large.readLookups,
    fakeWriteMs10k: Math.round(large.writeMs),
    fakeReadMs10k: Math.round(large.readMs),
  };
}
