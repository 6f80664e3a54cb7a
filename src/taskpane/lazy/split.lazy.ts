/**
 * Distribution, collection and rollover: one workbook per unit (EXP's planner, W's ExcelJS writer)
 * zipped into one download; the units' files taken back; next year's workbook. ExcelJS is the
 * heaviest library here and loads only when the user asks for one of these.
 */
import { zipSync } from 'fflate';
import {
  applyRegistryNames, assignUnits, buildWorkbookPlan, collectTracking, createRegistryIndex, isFenjieError, namedUnits, planCollectSheet, planUnitWorkbook,
  readFenjieWorkbook, rolloverChangesAsFixes, rolloverTables, unitFileName,
  type CellValue, type CollectFinding, type CollectResult, type ParsedTable, type Registry, type UnitReturn, type WorkbookPlan,
} from '../../core';
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

export interface CollectOutput {
  result: CollectResult;
  /** The 收回记录 report sheet. */
  report: WorkbookPlan;
}

/** Reads the unit files the user picked and merges their tracking columns into the master's records. */
export async function collectFiles(master: ParsedTable[], files: { name: string; bytes: Uint8Array }[]): Promise<CollectOutput> {
  const returns: UnitReturn[] = [];
  const unreadable: CollectFinding[] = [];
  for (const file of files) {
    try {
      const book = await readFenjieWorkbook(file.bytes, file.name);
      returns.push({ fileName: file.name, state: book.state, tables: book.result.tables });
    } catch (error) {
      if (!isFenjieError(error)) throw error;
      unreadable.push({ code: 'collect-unreadable', severity: 'error', message: `${file.name} 无法读取：${error.messageZh}`, messageEn: `${file.name} cannot be read: ${error.messageEn}`, file: file.name });
    }
  }
  const years = [...new Set(master.map((table) => table.year))];
  const result = collectTracking(master, returns, { year: years.length === 1 ? years[0] : null, knownUnits: namedUnits(master) });
  result.findings.unshift(...unreadable);
  return { result, report: { version: 1, sheets: [planCollectSheet(result)] } };
}

/** A tracking value as the sheet cell it goes into: dates as dates, progress as a fraction. */
export function trackingCell(field: string, text: string): CellValue {
  if (!text) return null;
  if ((field === 'deadline' || field === 'updated') && /^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text };
  if (field === 'progress') {
    const n = Number.parseFloat(text);
    if (Number.isFinite(n)) return text.includes('%') || n > 1 ? n / 100 : n;
  }
  return text;
}

/** Next year's workbook from this year's records, as an .xlsx to download. */
export async function rollover(tables: ParsedTable[], year: number, registry: Registry | null, dropFinished: boolean): Promise<{ bytes: Uint8Array; changes: number }> {
  const index = registry ? createRegistryIndex(registry) : null;
  const rolled = rolloverTables(tables, { year, registry, dropFinished, applyNames: index ? (t) => applyRegistryNames(t, index) : undefined });
  const plan = buildWorkbookPlan({
    results: [{ source: 'workbook', notice: { number: null, title: null, date: null }, tables: rolled.tables, fixes: rolloverChangesAsFixes(rolled.changes), warnings: [] }],
    state: { rolledOverFrom: { years: [...new Set(tables.map((t) => t.year))] } },
  });
  return { bytes: await writeXlsx(plan), changes: rolled.changes.length };
}
