/**
 * 按单位拆分: one workbook per unit (EXP's planner, W's ExcelJS writer), zipped into one download.
 * ExcelJS is the heaviest library here; it loads only when the user asks for the split.
 */
import { zipSync } from 'fflate';
import { assignUnits, planUnitWorkbook, unitFileName, type ParsedTable } from '../../core';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';

export interface SplitOutput {
  zip: Uint8Array;
  files: number;
}

export async function splitByUnit(tables: ParsedTable[], source: string, onProgress?: (done: number) => void): Promise<SplitOutput> {
  const assignments = assignUnits(tables);
  const createdAt = new Date().toISOString();
  const year = tables.find((table) => table.year)?.year ?? null;
  const files: Record<string, Uint8Array> = {};
  for (const [i, assignment] of assignments.entries()) {
    files[unitFileName(assignment.unit, year)] = await writeXlsx(planUnitWorkbook(tables, assignment, { source, createdAt }));
    onProgress?.((i + 1) / assignments.length);
  }
  return { zip: zipSync(files, { level: 0 }), files: assignments.length };
}
