/**
 * convert to .xlsx: synthetic 分解落实表 texts of 1,000 and 10,000 task rows (the seed quirks:
 * merges, padded and split names, multi-line cells) → records → workbook plan → .xlsx (the plan-driven writer with fflate, as in the
 * browser), and reading the written workbook back. Plan build is timed on its own; the whole
 * command as a process is in convert-process.bench.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { buildWorkbookPlan, parseGrids, readFenjieWorkbook, readTextDocument } from '../src/core/testing';
import type { WorkbookPlan } from '../src/core/index';
import { writeXlsx } from '../src/writers/xlsx/xlsx.writer';
import { makeSyntheticText } from './read-text.bench';
import { measure, type BenchContext, type BenchResult } from './run';

/** The floor: ExcelJS writing the same sheets' values with no table, styles, notes or formats. */
async function plainExcelJs(plan: WorkbookPlan): Promise<number> {
  const t = await measure(async () => {
    const wb = new ExcelJS.Workbook();
    for (const sheet of plan.sheets) {
      const ws = wb.addWorksheet(sheet.name);
      for (const line of sheet.preamble ?? []) ws.addRow([line]);
      for (const row of sheet.rows) ws.addRow(row.map((v) => (typeof v === 'object' && v !== null ? null : v)));
    }
    return wb.xlsx.writeBuffer();
  });
  return t.ms;
}

async function convertOnce(ctx: BenchContext, rows: number): Promise<BenchResult> {
  const bytes = new TextEncoder().encode(makeSyntheticText(rows));
  const parsed = await measure(() => parseGrids(readTextDocument(bytes), `synthetic-${rows}.txt`));
  const records = parsed.value.tables.reduce((n, t) => n + t.rows.length, 0);
  const plan = await measure(() => buildWorkbookPlan({ results: [parsed.value], today: '2023-07-01' }));
  const write = await measure(() => writeXlsx(plan.value));
  fs.writeFileSync(path.join(ctx.tmpDir, `convert-${rows}.xlsx`), write.value);
  const readBack = await measure(() => readFenjieWorkbook(write.value));
  const back = readBack.value.result.tables.reduce((n, t) => n + t.rows.length, 0);
  if (back !== records) throw new Error(`read back ${back} of ${records} records`);
  const floorMs = await plainExcelJs(plan.value);
  const p = `rows${rows}`;
  return {
    [`${p}.records`]: records,
    [`${p}.parseMs`]: parsed.ms,
    [`${p}.planMs`]: plan.ms,
    [`${p}.writeXlsxMs`]: write.ms,
    [`${p}.convertTotalMs`]: Math.round((parsed.ms + plan.ms + write.ms) * 10) / 10,
    [`${p}.peakHeapMB`]: Math.max(parsed.peakHeapMB, plan.peakHeapMB, write.peakHeapMB),
    [`${p}.xlsxKB`]: Math.round(write.value.length / 1024),
    [`${p}.readBackMs`]: readBack.ms,
    [`${p}.exceljsPlainFloorMs`]: floorMs,
    [`${p}.writeVsPlainFloor`]: Math.round((write.ms / floorMs) * 10) / 10,
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const out: BenchResult = { loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10 };
  for (const rows of [1000, 10000]) {
    ctx.log(`convert ${rows} task rows…`);
    Object.assign(out, await convertOnce(ctx, rows));
  }
  out['perRowMs.10000'] = Math.round(((out['rows10000.convertTotalMs'] as number) / 10000) * 1000) / 1000;
  out['growth.10000vs1000'] = Math.round(((out['rows10000.convertTotalMs'] as number) / (out['rows1000.convertTotalMs'] as number)) * 10) / 10;
  return out;
}
