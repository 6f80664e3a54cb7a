/** Shared by convert and demo: plan the structured workbook (core import flow), write it, summarise it. */
import { indexRegistry, planImport, type Finding, type RegistryChoice, type WorkbookPlan } from '../core/index';
import { lazyPinyin } from './cli-pinyin';
import { writeWorkbookBytes } from './cli-xlsx';
import { writeOutputFile } from './cli-io';
import type { NamedInput } from './cli-input';

export interface WrittenWorkbook {
  output: string;
  backup: string | null;
  plan: WorkbookPlan;
  bytes: number;
  findings: Finding[];
  /** Columns empty in every row of a table (printed, never silent). */
  emptyColumns: Finding[];
}

export async function writeImportWorkbook(inputs: NamedInput[], output: string, registry: RegistryChoice | null, readFiles: readonly string[] = inputs.map((i) => i.path)): Promise<WrittenWorkbook> {
  const withIndex = registry ? { choice: registry, index: await indexRegistry(registry.registry, { pinyin: lazyPinyin }) } : null;
  const { plan, findings, emptyColumns } = planImport({ inputs, registry: withIndex });
  const bytes = writeWorkbookBytes(plan);
  const { backup } = writeOutputFile(output, bytes, { inputs: readFiles });
  return { output, backup, plan, bytes: bytes.length, findings, emptyColumns };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function sheetCounts(plan: WorkbookPlan): { name: string; rows: number }[] {
  return plan.sheets.filter((s) => s.visibility !== 'veryHidden').map((s) => ({ name: s.name, rows: s.rows.length }));
}

/** A few lines a clerk can read: tables and rows per input, fixes, warnings, what was written. */
export function formatWorkbookSummary(inputs: NamedInput[], written: WrittenWorkbook, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  for (const { result } of inputs) {
    const tables = result.tables.map((t) => `${t.title ?? (t.kind === 'tasks' ? '主要工作' : '民生实事')} ${t.rows.length}${zh ? ' 行' : ' rows'}`).join(zh ? '；' : '; ');
    lines.push(zh ? `${result.source}：${tables || '没有表格'}；修订 ${result.fixes.length} 处；提示 ${result.warnings.length} 条` : `${result.source}: ${tables || 'no tables'}; ${result.fixes.length} fixes; ${result.warnings.length} warnings`);
    // Errors and warnings (missing or guessed columns) before the info lines.
    const shown = [...result.warnings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    for (const w of shown.slice(0, 5)) lines.push(`  [${w.code}] ${zh ? w.message : w.messageEn ?? w.message}`);
    if (result.warnings.length > 5) lines.push(zh ? `  ……另有 ${result.warnings.length - 5} 条` : `  ... ${result.warnings.length - 5} more`);
  }
  for (const w of written.emptyColumns) lines.push(`  [${w.code}] ${zh ? w.message : w.messageEn ?? w.message}`);
  if (written.plan.sheets.some((s) => s.role === 'findings')) {
    const count = (sev: string): number => written.findings.filter((f) => f.severity === sev).length;
    lines.push(zh ? `名称校验：错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条（见“校验”表）` : `Name check: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info (see the 校验 sheet)`);
  }
  const sheets = sheetCounts(written.plan).map((s) => `${s.name}(${s.rows})`).join(' ');
  lines.push(zh ? `已写入 ${written.output}：${sheets}` : `Wrote ${written.output}: ${sheets}`);
  if (written.backup) lines.push(zh ? `原文件已备份为 ${written.backup}` : `The previous file was kept as ${written.backup}`);
  return lines.join('\n');
}
