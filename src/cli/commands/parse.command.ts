/** `fenjie parse FILE [--json]`: read a 通知 / table file into records and print them. */
import { parseDocument, type ParseResult } from '../../core/index';
import { baseName, parseArgs, readInputFile, usageError, type CliIO } from '../cli-io';
import type { Command } from '../main';

export const command: Command = {
  summaryZh: '读取通知或表格文件（.txt/.docx/.xlsx），输出整理后的记录',
  summaryEn: 'Read a notice or table file (.txt/.docx/.xlsx) into clean records',
  usage: 'parse FILE [--json]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    if (positional.length !== 1) throw usageError('用法：fenjie parse FILE [--json]', 'Usage: fenjie parse FILE [--json]');
    const file = positional[0];
    const result = await parseDocument(readInputFile(file), baseName(file));
    if (flags.json) io.out(JSON.stringify(result, null, 2));
    else io.out(formatSummary(result, io.lang));
    return reportErrorFindings(result, io);
  },
};

/** Error findings (no recognisable table, wrong column counts) still print the result, then exit 1. */
function reportErrorFindings(result: ParseResult, io: CliIO): number {
  const errors = result.warnings.filter((finding) => finding.severity === 'error');
  for (const error of errors) {
    io.err(io.lang === 'en' ? `Error [${error.code}]: ${error.messageEn ?? error.message}` : `错误 [${error.code}]：${error.message}`);
  }
  return errors.length > 0 ? 1 : 0;
}

const KIND_NAMES = { tasks: { zh: '主要工作', en: 'tasks' }, projects: { zh: '民生实事', en: 'projects' } } as const;

export function formatSummary(result: ParseResult, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [zh ? `文件：${result.source}` : `File: ${result.source}`];
  const { number, title, date } = result.notice;
  if (number || title || date) lines.push(`${zh ? '通知' : 'Notice'}: ${[number, title, date].filter(Boolean).join(' · ')}`);
  lines.push(zh ? `表格：${result.tables.length} 个` : `Tables: ${result.tables.length}`);
  result.tables.forEach((table, i) => {
    const kind = KIND_NAMES[table.kind][lang];
    const inherited = (table.rows as { inherited: string[] }[]).filter((row) => row.inherited.length > 0).length;
    lines.push(zh
      ? `  ${i + 1}. ${table.title ?? '（无标题）'}［${kind}，${table.year ?? '年份不明'}］${table.rows.length} 行，其中 ${inherited} 行有合并单元格补全的值`
      : `  ${i + 1}. ${table.title ?? '(no title)'} [${kind}, ${table.year ?? 'year unknown'}] ${table.rows.length} rows, ${inherited} with values filled from merged cells`);
  });
  const byRule = new Map<string, number>();
  for (const fix of result.fixes) byRule.set(fix.rule, (byRule.get(fix.rule) ?? 0) + 1);
  lines.push(zh ? `修订：${result.fixes.length} 处` : `Fixes: ${result.fixes.length}`);
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) lines.push(`  ${rule.padEnd(22)} ${count}`);
  lines.push(zh ? `提示：${result.warnings.length} 条` : `Warnings: ${result.warnings.length}`);
  for (const warning of result.warnings) lines.push(`  [${warning.code}] ${zh ? warning.message : warning.messageEn ?? warning.message}`);
  return lines.join('\n');
}
