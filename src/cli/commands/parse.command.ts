/** `fenjie parse FILE [--json]`: read a 通知 / table file (or a fenjie workbook) into records and print them. */
import { describeMapping, formatMappingText, summariseRead, type ReadSummary } from '../../core/index';
import { JSON_OPTION, MAP_OPTION, parseArgs, usageError } from '../cli-args';
import type { CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import { readInputArg, readMapArg } from '../cli-input';
import type { Command } from '../command';

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [JSON_OPTION, MAP_OPTION]);
    if (positional.length !== 1) throw usageError('用法：fenjie parse FILE [--json] [--map 表头=角色,…|mapping.json]', 'Usage: fenjie parse FILE [--json] [--map HEADER=ROLE,…|mapping.json]');
    const { result } = await readInputArg(positional[0], await readMapArg(flags));
    const summary = summariseRead(result);
    if (flags.json) printJson(io, result);
    else io.out(formatSummary(summary, io.lang));
    // Error findings (no recognisable table, wrong column counts) still print the result, then exit 1.
    for (const error of summary.errors) io.err(io.lang === 'en' ? `Error [${error.code}]: ${error.messageEn ?? error.message}` : `错误 [${error.code}]：${error.message}`);
    return summary.errors.length > 0 ? 1 : 0;
  },
};

const KIND_NAMES = { tasks: { zh: '主要工作', en: 'tasks' }, projects: { zh: '民生实事', en: 'projects' } } as const;

/** The column roles a table was read with, and the --map text to change them. */
function formatMapping(mapping: NonNullable<ReadSummary['tables'][number]['mapping']>, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const head = zh ? `     列映射（${mapping.form === 'list' ? '清单格式' : '表格'}，${mapping.units === 'first-leads' ? '责任单位第一个为牵头单位' : '牵头、配合分列'}）：` : `     Column roles (${mapping.form}, units: ${mapping.units}):`;
  const lines = [head, ...describeMapping(mapping, lang).map((line) => `       ${line}`)];
  if (mapping.form === 'table') lines.push(zh ? `       修改：--map "${formatMappingText(mapping)}"` : `       To change: --map "${formatMappingText(mapping)}"`);
  return lines;
}

export function formatSummary(summary: ReadSummary, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [zh ? `文件：${summary.source}` : `File: ${summary.source}`];
  const { number, title, date } = summary.notice;
  if (number || title || date) lines.push(`${zh ? '通知' : 'Notice'}: ${[number, title, date].filter(Boolean).join(' · ')}`);
  lines.push(zh ? `表格：${summary.tables.length} 个` : `Tables: ${summary.tables.length}`);
  summary.tables.forEach((table, i) => {
    const kind = KIND_NAMES[table.kind][lang];
    lines.push(zh
      ? `  ${i + 1}. ${table.title ?? '（无标题）'}［${kind}，${table.year ?? '年份不明'}］${table.rows} 行，其中 ${table.inherited} 行有合并单元格补全的值`
      : `  ${i + 1}. ${table.title ?? '(no title)'} [${kind}, ${table.year ?? 'year unknown'}] ${table.rows} rows, ${table.inherited} with values filled from merged cells`);
    if (table.mapping) lines.push(...formatMapping(table.mapping, lang));
  });
  lines.push(zh ? `修订：${summary.fixes} 处` : `Fixes: ${summary.fixes}`);
  for (const [rule, count] of summary.fixesByRule) lines.push(`  ${rule.padEnd(22)} ${count}`);
  lines.push(zh ? `提示：${summary.warnings.length} 条` : `Warnings: ${summary.warnings.length}`);
  for (const warning of summary.warnings) lines.push(`  [${warning.code}] ${zh ? warning.message : warning.messageEn ?? warning.message}`);
  return lines.join('\n');
}
