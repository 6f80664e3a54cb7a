/**
 * Export and distribution at scale: the 2023 seed's rows replicated to 10,000 tasks, written as the
 * official .docx; and a 10,000-row workbook split across 60 units (read the workbook, plan each
 * unit's file, write the 60 .xlsx files).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type ParseResult, type TaskRecord } from '../src/core';
import { assignUnits, buildWorkbookPlan, parseDocument, planUnitWorkbook, readFenjieWorkbook, writeNoticeDocx } from '../src/core/testing';
import { writeXlsx } from '../src/writers/xlsx/xlsx.writer';
import { measure, type BenchContext, type BenchResult } from './run';

/** CPU milliseconds of this process (user + system): less noisy than wall time on a shared machine. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
}

const SEED = path.join(__dirname, '..', 'seeds', '000_8040c5413e4a8407.txt');
const ROWS = 10_000;
const UNITS = 60;

function replicate(seed: ParseResult, rows: number, units: number): TaskRecord[] {
  const tasks = seed.tables.find((t) => t.kind === 'tasks');
  if (!tasks) throw new Error('the seed has no task table');
  const base = tasks.rows as TaskRecord[];
  return Array.from({ length: rows }, (_, i) => {
    const r = base[i % base.length];
    // categories change every 40 rows so that the merges stay realistic
    return {
      ...r,
      id: `2023-T-${String(i + 1).padStart(5, '0')}`,
      category: `${r.category}${Math.floor(i / 40)}`,
      leadUnits: [`单位${(i * 7) % units}`],
      relatedUnits: [`单位${(i * 11 + 3) % units}`, '各有关镇（区）有关部门'],
    };
  });
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const seed = await parseDocument(new Uint8Array(fs.readFileSync(SEED)), 'seed.txt');
  const rows = replicate(seed, ROWS, UNITS);
  const tasks = { kind: 'tasks' as const, title: '2023年政府各项主要工作分解落实表', year: 2023, rows };

  const docxCpu = process.cpuUsage();
  const docx = await measure(() => writeNoticeDocx({ tables: [tasks] }));
  const exportDocxCpuMs = cpuMs(docxCpu);
  fs.writeFileSync(path.join(ctx.tmpDir, 'export-10000.docx'), docx.value.bytes);
  const reread = await measure(() => parseDocument(docx.value.bytes, 'export-10000.docx'));
  ctx.log(`  export read back: ${reread.value.tables[0]?.rows.length ?? 0} rows`);

  const result: ParseResult = { source: 'bench.xlsx', notice: { number: null, title: null, date: null }, tables: [tasks], fixes: [], warnings: [] };
  const workbookBytes = await writeXlsx(buildWorkbookPlan({ results: [result], today: '2023-06-30' }));
  const splitCpu = process.cpuUsage();
  const read = await measure(() => readFenjieWorkbook(workbookBytes, 'bench.xlsx'));
  const tables = read.value.result.tables;
  const meta = { source: 'bench.xlsx', createdAt: '2023-03-01T00:00:00Z' };
  const plan = await measure(() => assignUnits(tables).map((a) => planUnitWorkbook(tables, a, meta)));
  let bytes = 0;
  const write = await measure(async () => {
    for (const p of plan.value) bytes += (await writeXlsx(p)).length;
  });
  const splitCpuMs = cpuMs(splitCpu);
  return {
    exportRows: ROWS,
    exportDocxCpuMs,
    exportDocxMs: docx.ms,
    exportDocxPeakHeapMB: docx.peakHeapMB,
    exportDocxKB: Math.round(docx.value.bytes.length / 1024),
    exportReadBackMs: reread.ms,
    exportReadBackRows: reread.value.tables[0]?.rows.length ?? 0,
    splitRows: ROWS,
    splitUnits: plan.value.length,
    splitReadWorkbookMs: read.ms,
    splitReadWorkbookPeakHeapMB: read.peakHeapMB,
    splitPlanMs: plan.ms,
    splitPlanPeakHeapMB: plan.peakHeapMB,
    splitWriteXlsxMs: write.ms,
    splitWriteXlsxPeakHeapMB: write.peakHeapMB,
    splitTotalMs: Math.round(read.ms + plan.ms + write.ms),
    splitTotalCpuMs: splitCpuMs,
    splitOutputMB: Math.round((bytes / 1048576) * 10) / 10,
  };
}
