/**
 * `fenjie rollover WORKBOOK --year N -o NEXT.xlsx [--registry R] [--drop-finished]`: next year's
 * workbook from this year's, every change listed (printed and in the 修订记录 sheet).
 */
import * as path from 'path';
import { planRolloverWorkbook, FenjieError, type RolloverChange, type RolloverResult } from '../../core/index';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';
import { baseName, parseArgs, usageError, writeOutputFile, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { loadRecords, loadRegistryOption, parseYearOption } from './export.command';

const USAGE = 'rollover WORKBOOK --year N -o NEXT.xlsx [--registry R|default] [--drop-finished]';

const KIND_ZH: Record<RolloverChange['kind'], string> = {
  'name-registry': '名称按名录改写',
  'leader-replaced': '负责人按分管调整',
  'leader-departed': '负责人不再在任（请核对）',
  'leader-unknown': '负责人不在名录中（请核对）',
  'finished-dropped': '已完成，未带入下一年',
};

/** Refuses to write over the input: the original stays untouched. */
export function assertNotInput(output: string, inputs: string[]): void {
  const out = path.resolve(output);
  if (inputs.some((i) => path.resolve(i) === out)) {
    throw new FenjieError('output-is-input', `输出文件不能与输入文件相同：${output}（原文件保持不变，请另选文件名）`, `The output must not be the input file: ${output} (the original is left untouched; choose another name)`);
  }
}

export function formatRollover(result: RolloverResult, lang: 'zh' | 'en'): string[] {
  const c = result.counts;
  const lines = [
    lang === 'en'
      ? `Rows carried over: ${c.kept}; dropped as finished: ${c.dropped}; names mapped: ${c.namesMapped}; leaders replaced: ${c.leadersReplaced}; to review: ${c.review}`
      : `带入 ${c.kept} 项；已完成未带入 ${c.dropped} 项；名称改写 ${c.namesMapped} 处；负责人调整 ${c.leadersReplaced} 处；待核对 ${c.review} 处`,
  ];
  for (const change of result.changes) {
    const where = change.id ? `${change.id}（原 ${change.previousId ?? '—'}）` : `原 ${change.previousId ?? '—'}`;
    const label = lang === 'en' ? change.kind : KIND_ZH[change.kind];
    lines.push(`  ${where.padEnd(24)} ${label}: ${change.from}${change.to && change.to !== change.from ? ` → ${change.to}` : ''}`);
  }
  return lines;
}

export const command: Command = {
  summaryZh: '由本年度工作簿生成下一年度工作簿（年份、名称、负责人、编号更新，进展清空）',
  summaryEn: "Start next year's workbook from this year's (years, names, leaders, ids; tracking cleared)",
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    const out = typeof flags.o === 'string' ? flags.o : typeof flags.output === 'string' ? flags.output : null;
    const year = parseYearOption(flags.year);
    if (positional.length !== 1 || !out || year === null) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    assertNotInput(out, positional);
    const registry = loadRegistryOption(flags.registry);
    const { result } = await loadRecords(positional[0]);
    if (result.tables.length === 0) throw new FenjieError('rollover-no-table', `${result.source} 中没有表格`, `No table in ${result.source}`);
    const { plan, rollover: rolled, fromYear } = planRolloverWorkbook({ ...result, source: baseName(positional[0]) }, { year, registry, dropFinished: flags['drop-finished'] === true });
    const { backup } = writeOutputFile(out, await writeXlsx(plan));
    io.out(io.lang === 'en' ? `Wrote ${out} (${fromYear ?? '?'} → ${year})` : `已写入 ${out}（${fromYear ?? '？'} → ${year} 年度）`);
    if (backup) io.out(io.lang === 'en' ? `The existing file was kept as ${backup}` : `原文件已备份为 ${backup}`);
    for (const line of formatRollover(rolled, io.lang)) io.out(line);
    return 0;
  },
};
