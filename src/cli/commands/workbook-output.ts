/** Shared by convert and demo: read inputs (documents or fenjie workbooks), plan, write the .xlsx, summarise. */
import { buildRegistryExtras, buildWorkbookPlan, findZipEntry, isFenjieWorkbook, isZip, openZip, parseDocument, parseGrids, readFenjieWorkbook, readXlsx, type Finding, type ParseResult, type RegistryIndex, type SheetPlan, type WorkbookPlan, type WorkbookState } from '../../core/index';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';
import { baseName, readInputFile, writeOutputFile } from '../cli-io';

export interface ReadInput {
  result: ParseResult;
  /** State of a fenjie workbook given as input (kept: dismissed findings, registry choice). */
  state: WorkbookState | null;
}

/** An .xlsx package (a sheet with a pasted table) rather than a .docx. */
function isSpreadsheetPackage(bytes: Uint8Array): boolean {
  const zip = openZip(bytes);
  return !!findZipEntry(zip, 'xl/workbook.xml') && !findZipEntry(zip, 'word/document.xml');
}

/** A document is parsed; a workbook fenjie wrote is read back with its ids and tracking. */
export async function readInput(file: string): Promise<ReadInput> {
  const bytes = readInputFile(file);
  const name = baseName(file);
  if (isZip(bytes) && isFenjieWorkbook(bytes)) {
    const book = await readFenjieWorkbook(bytes, name);
    return { result: book.result, state: book.state };
  }
  if (isZip(bytes) && isSpreadsheetPackage(bytes)) return { result: parseGrids(readXlsx(bytes), name), state: null };
  return { result: await parseDocument(bytes, name), state: null };
}

export interface WrittenWorkbook {
  output: string;
  backup: string | null;
  plan: WorkbookPlan;
  bytes: number;
  findings: Finding[];
}

/** The registry the workbook is checked against: its 校验 / 名录 / 分工明细 sheets are added. */
export interface RegistryChoice {
  index: RegistryIndex;
  origin: string;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function writeWorkbook(inputs: ReadInput[], output: string, registry?: RegistryChoice): Promise<WrittenWorkbook> {
  const results = inputs.map((i) => i.result);
  const state: WorkbookState = { ...(inputs.find((i) => i.state)?.state ?? {}) };
  let findings: Finding[] = [];
  let extraSheets: SheetPlan[] = [];
  if (registry) {
    // A first plan gives the layout, so every finding carries its cell address on the 校验 sheet.
    const layout = buildWorkbookPlan({ results }).layout;
    ({ findings, sheets: extraSheets } = buildRegistryExtras({ results, index: registry.index, today: todayIso(), layout }));
    state.registryChoice = registry.origin;
  }
  const plan = buildWorkbookPlan({ results, state, findings, extraSheets });
  const bytes = await writeXlsx(plan);
  const { backup } = writeOutputFile(output, bytes);
  return { output, backup, plan, bytes: bytes.length, findings: plan.findings ?? [] };
}

export function sheetCounts(plan: WorkbookPlan): { name: string; rows: number }[] {
  return plan.sheets.filter((s) => s.visibility !== 'veryHidden').map((s) => ({ name: s.name, rows: s.rows.length }));
}

/** A few lines a clerk can read: tables and rows per input, fixes, warnings, what was written. */
export function formatWorkbookSummary(inputs: ReadInput[], written: WrittenWorkbook, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  for (const { result } of inputs) {
    const tables = result.tables.map((t) => `${t.title ?? (t.kind === 'tasks' ? '主要工作' : '民生实事')} ${t.rows.length}${zh ? ' 行' : ' rows'}`).join(zh ? '；' : '; ');
    lines.push(zh ? `${result.source}：${tables || '没有表格'}；修订 ${result.fixes.length} 处；提示 ${result.warnings.length} 条` : `${result.source}: ${tables || 'no tables'}; ${result.fixes.length} fixes; ${result.warnings.length} warnings`);
    for (const w of result.warnings.slice(0, 5)) lines.push(`  [${w.code}] ${zh ? w.message : w.messageEn ?? w.message}`);
    if (result.warnings.length > 5) lines.push(zh ? `  ……另有 ${result.warnings.length - 5} 条` : `  ... ${result.warnings.length - 5} more`);
  }
  if (written.plan.sheets.some((s) => s.role === 'findings')) {
    const count = (sev: string): number => written.findings.filter((f) => f.severity === sev).length;
    lines.push(zh ? `名称校验：错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条（见“校验”表）` : `Name check: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info (see the 校验 sheet)`);
  }
  const sheets = sheetCounts(written.plan).map((s) => `${s.name}(${s.rows})`).join(' ');
  lines.push(zh ? `已写入 ${written.output}：${sheets}` : `Wrote ${written.output}: ${sheets}`);
  if (written.backup) lines.push(zh ? `原文件已备份为 ${written.backup}` : `The previous file was kept as ${written.backup}`);
  return lines.join('\n');
}
