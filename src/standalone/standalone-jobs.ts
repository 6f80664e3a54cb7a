/**
 * What the standalone page does with files, with no DOM: each job is the core flow the pane and
 * the CLI call (read → planImport → writeXlsx, validateRecords, exportNotice, planSplit, collect),
 * so the page's files are the CLI's files. The view (standalone-view.ts) only shows the results.
 */
import { zipSync } from 'fflate';
import {
  chooseRegistry, countSplitUnits, exportNotice, indexRegistry, planCollect, planCollectOps, planImport, planSplit, readFenjieInput, readInput, readReturns, summariseRead, validateRecords,
  type CollectResult, type ParsedTable, type ParseResult, type ReadInput, type ReadSummary, type RegistryChoice, type Validation, type WorkbookPlan,
} from '../core/index';
import { writeXlsx } from '../writers/xlsx/xlsx.writer';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportedNotice {
  input: ReadInput;
  /** The file name as dropped. */
  name: string;
  bytes: Uint8Array;
  summary: ReadSummary;
}

export interface CheckedImport {
  notice: ImportedNotice;
  registry: RegistryChoice;
  plan: WorkbookPlan;
  validation: Validation;
}

/** Progress from 0 to 1 and what is being done (a message key of the page's strings). */
export type Progress = (fraction: number, step: 'read' | 'check' | 'write' | 'split' | 'collect') => void;

const noProgress: Progress = () => undefined;

/** The file name without its extension, for the names of the downloads. */
export function stemOf(name: string): string {
  return name.replace(/\.[^./\\]+$/, '') || 'fenjie';
}

/** Reads a 通知 (.docx/.doc/.txt) or a workbook (pasted table or one fenjie wrote); problems are in the summary. */
export async function readNotice(file: DroppedFile): Promise<ImportedNotice> {
  const input = await readInput(file.bytes, file.name);
  return { input, name: file.name, bytes: file.bytes, summary: summariseRead(input.result) };
}

/** The CLI's rule: a dropped 名录 file, else the workbook's 名录 sheets, else the default. */
export function chooseRegistryFor(notice: ImportedNotice, registryFile: DroppedFile | null): RegistryChoice {
  if (registryFile) return chooseRegistry({ explicit: { bytes: registryFile.bytes, fileName: registryFile.name } });
  return chooseRegistry({ workbook: notice.input.registry ? { registry: notice.input.registry, name: notice.name } : null });
}

/** The structured workbook's plan (as `fenjie convert` builds it) and the name checks against the registry. */
export async function checkNotice(notice: ImportedNotice, registry: RegistryChoice, progress: Progress = noProgress): Promise<CheckedImport> {
  progress(0.2, 'check');
  const index = await indexRegistry(registry.registry);
  const { plan } = planImport({ inputs: [notice.input], registry: { choice: registry, index } });
  progress(0.6, 'check');
  const tables = notice.input.result.tables;
  const validation = validateRecords({ tables, index, layout: plan.layout ?? null, dismissed: notice.input.state?.dismissedFindings ?? [] });
  progress(1, 'check');
  return { notice, registry, plan, validation };
}

export async function writeWorkbook(checked: CheckedImport): Promise<Uint8Array> {
  return await writeXlsx(checked.plan);
}

/** The official-format .docx (GB/T 9704-2012), as `fenjie export` writes it. */
export function writeNoticeDocx(result: ParseResult): Uint8Array {
  return exportNotice(result).bytes;
}

/** Every unit's workbook (as `fenjie split` writes them), zipped into one download. */
export async function writeUnitZip(tables: ParsedTable[], source: string, progress: Progress = noProgress): Promise<{ zip: Uint8Array; files: number }> {
  const total = Math.max(countSplitUnits(tables), 1);
  const files: Record<string, Uint8Array> = {};
  let done = 0;
  for (const unit of planSplit(tables, { source, createdAt: new Date().toISOString() })) {
    files[unit.fileName] = await writeXlsx(unit.plan);
    done += 1;
    progress(done / total, 'split');
  }
  return { zip: zipSync(files, { level: 0 }), files: done };
}

export interface CollectOutcome {
  workbook: Uint8Array;
  /** The 汇总记录 sheet alone, as its own workbook. */
  report: Uint8Array;
  collect: CollectResult;
}

/** `fenjie collect`: the master workbook (one fenjie wrote) and the units' returned files → the merged workbook. */
export async function collectReturns(master: DroppedFile, returned: DroppedFile[], progress: Progress = noProgress): Promise<CollectOutcome> {
  progress(0.1, 'collect');
  const book = await readFenjieInput(master.bytes, master.name);
  const { returns, problems } = await readReturns(returned.map((f) => ({ name: f.name, bytes: f.bytes })));
  progress(0.4, 'collect');
  const { plan, collect } = planCollect(book, returns, problems);
  const workbook = await writeXlsx(plan);
  progress(0.8, 'collect');
  // No open workbook to write into: only the report plan of the pane's collect step is used.
  const report = await writeXlsx(planCollectOps(plan.layout ?? { tables: [], columns: {} }, [], collect).report);
  progress(1, 'collect');
  return { workbook, report, collect };
}
