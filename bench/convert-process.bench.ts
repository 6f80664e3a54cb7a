/**
 * `fenjie convert` as a user waits for it: a child process `node bin/fenjie.js convert big.docx
 * -o out.xlsx` (CLI defaults: default registry, all sheets) on generated .docx files of 10,000
 * and 50,000 task rows; wall time (median and min of a few runs), CPU time and peak RSS of the
 * child (process.resourceUsage, written by a preloaded hook at exit). Targets (issue 15): 10k in
 * ≤ 2.0 s and ≤ 300 MiB; 50k in ≤ 5× the 10k time and ≤ 700 MiB. Then the writer on its own
 * against ExcelJS's in-memory writer of the same plan (bench/exceljs-plan.writer.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseRegistry, indexRegistry, planImport, readInput, type WorkbookPlan } from '../src/core/index';
import { readFenjieWorkbook } from '../src/core/testing';
import { writeWorkbookBytes } from '../src/cli/cli-xlsx';
import { writeXlsxWithExcelJs } from './exceljs-plan.writer';
import { makeSyntheticDocx } from './make-synthetic-docx';
import { BIN, buildCli, median, round, runChild, type ChildRun } from './child-process';
import { measure, type BenchContext, type BenchResult } from './run';

const RUNS: Record<number, number> = { 10000: 5, 50000: 3 };


function runConvert(ctx: BenchContext, input: string, output: string): ChildRun {
  return runChild(ctx, [BIN, 'convert', input, '-o', output]);
}

/** Read and plan as the CLI does, for the writer comparison. */
async function planOf(bytes: Uint8Array): Promise<WorkbookPlan> {
  const input = await readInput(bytes, 'big.docx');
  const choice = chooseRegistry({ explicit: 'default' });
  return planImport({ inputs: [input], registry: { choice, index: await indexRegistry(choice.registry) } }).plan;
}

/** The two writers on one plan, alternately, three times each: medians and their ratio. */
async function compareWriters(plan: WorkbookPlan): Promise<BenchResult> {
  const ours: number[] = [];
  const exceljs: number[] = [];
  let oursHeap = 0;
  let exceljsHeap = 0;
  for (let i = 0; i < 3; i += 1) {
    const a = await measure(() => writeWorkbookBytes(plan));
    ours.push(a.ms);
    oursHeap = Math.max(oursHeap, a.peakHeapMB);
    const b = await measure(() => writeXlsxWithExcelJs(plan));
    exceljs.push(b.ms);
    exceljsHeap = Math.max(exceljsHeap, b.peakHeapMB);
  }
  return {
    'writer10k.oursMedianMs': median(ours),
    'writer10k.exceljsMedianMs': median(exceljs),
    'writer10k.exceljsVsOurs': round(median(exceljs) / median(ours), 1),
    'writer10k.oursPeakHeapMB': oursHeap,
    'writer10k.exceljsPeakHeapMB': exceljsHeap,
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  ctx.log('building the CLI (lib/)…');
  buildCli();
  const out: BenchResult = { loadAverage1m: round(os.loadavg()[0], 1) };
  const medians: Record<number, number> = {};
  const rss: Record<number, number> = {};
  for (const rows of [10000, 50000]) {
    const input = path.join(ctx.tmpDir, `convert-${rows}.docx`);
    fs.writeFileSync(input, makeSyntheticDocx(rows));
    const output = path.join(ctx.tmpDir, `convert-${rows}.xlsx`);
    const runs: ChildRun[] = [];
    for (let i = 0; i < RUNS[rows]; i += 1) {
      ctx.log(`fenjie convert ${rows} rows, run ${i + 1}/${RUNS[rows]}…`);
      fs.rmSync(output, { force: true });
      runs.push(runConvert(ctx, input, output));
    }
    const back = readFenjieWorkbook(new Uint8Array(fs.readFileSync(output)));
    const records = back.result.tables.reduce((n, t) => n + t.rows.length, 0);
    if (records !== rows) throw new Error(`read back ${records} of ${rows} records`);
    const p = `process${rows / 1000}k`;
    medians[rows] = median(runs.map((r) => r.wallS));
    rss[rows] = Math.max(...runs.map((r) => r.rssMiB));
    Object.assign(out, {
      [`${p}.runs`]: runs.length,
      [`${p}.medianS`]: round(medians[rows]),
      [`${p}.minS`]: round(Math.min(...runs.map((r) => r.wallS))),
      [`${p}.cpuMedianS`]: round(median(runs.map((r) => r.cpuS))),
      [`${p}.peakRssMiB`]: Math.round(rss[rows]),
      [`${p}.xlsxKB`]: Math.round(fs.statSync(output).size / 1024),
    });
  }
  out['process.growth50kVs10k'] = round(medians[50000] / medians[10000], 1);
  out.target_convert_10k_s = medians[10000] <= 2.0 && rss[10000] <= 300;
  out.target_convert_50k = medians[50000] <= 5 * medians[10000] && rss[50000] <= 700;
  ctx.log('writers on the same 10k plan: plan-driven vs ExcelJS in memory…');
  const plan = await planOf(new Uint8Array(fs.readFileSync(path.join(ctx.tmpDir, 'convert-10000.docx'))));
  Object.assign(out, await compareWriters(plan));
  return out;
}
