/**
 * Bundle boundary for distribution, collection and rollover. The writer (plan → .xlsx) and the zip
 * step live here: the flows give plans, this chunk turns them into the files the pane downloads.
 */
import { strToU8, zipSync } from 'fflate';
import { fileDigest, planSplitFiles, recordFileDigest, type Finding, type ParsedTable, type SentRecord, type SheetPlan, type WorkbookPlan } from '../../core';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';

export { countSplitUnits, readReturns, collectHostRound, planSplitRecord, planRollover, defaultRolloverYear } from '../../core';
export { writeXlsx };

/**
 * Every unit's workbook (file names unique, see planSplitFiles) and 分发清单, zipped into one
 * download; `sent` is what the office keeps (planSplitRecord), with each file's digest.
 */
export async function writeSplitZip(tables: ParsedTable[], source: string, total: number, onProgress?: (done: number) => void): Promise<{ zip: Uint8Array; files: number; manifestSheet: SheetPlan; sent: SentRecord | null; findings: Finding[] }> {
  const split = planSplitFiles(tables, { source, createdAt: new Date().toISOString() });
  const files: Record<string, Uint8Array> = {};
  let done = 0;
  for (const unit of split.plans()) {
    files[unit.fileName] = await writeXlsx(unit.plan);
    if (split.sent) recordFileDigest(split.sent, unit.unit, await fileDigest(files[unit.fileName]));
    done += 1;
    onProgress?.(done / Math.max(total, 1));
  }
  for (const f of split.manifestFiles) files[f.name] = strToU8(f.text);
  return { zip: zipSync(files, { level: 0 }), files: done, manifestSheet: split.manifestSheet, sent: split.sent, findings: split.findings };
}

export async function writePlanFile(plan: WorkbookPlan): Promise<Uint8Array> {
  return await writeXlsx(plan);
}
