/**
 * Bundle boundary for distribution, collection and rollover. The writer (plan → .xlsx) and the zip
 * step live here: the flows give plans, this chunk turns them into the files the pane downloads.
 */
import { zipSync } from 'fflate';
import { planSplit, type ParsedTable, type WorkbookPlan } from '../../core';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';

export { countSplitUnits, readReturns, mergeReturns, planCollectOps, planRollover, defaultRolloverYear } from '../../core';
export { writeXlsx };

/** Every unit's workbook, written and zipped into one download. */
export async function writeSplitZip(tables: ParsedTable[], source: string, total: number, onProgress?: (done: number) => void): Promise<{ zip: Uint8Array; files: number }> {
  const files: Record<string, Uint8Array> = {};
  let done = 0;
  for (const unit of planSplit(tables, { source, createdAt: new Date().toISOString() })) {
    files[unit.fileName] = await writeXlsx(unit.plan);
    done += 1;
    onProgress?.(done / Math.max(total, 1));
  }
  return { zip: zipSync(files, { level: 0 }), files: done };
}

export async function writePlanFile(plan: WorkbookPlan): Promise<Uint8Array> {
  return await writeXlsx(plan);
}
