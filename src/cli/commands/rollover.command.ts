/**
 * `fenjie rollover WORKBOOK --year N -o NEXT.xlsx [--registry R] [--drop-finished]`: next year's
 * workbook from this year's, every change listed (printed and in the 修订记录 sheet).
 */
import { planRollover, type RolloverChange, type RolloverResult } from '../../core/index';
import { writeWorkbookBytes } from '../cli-xlsx';
import { OUTPUT_OPTION, parseArgs, REGISTRY_OPTION, usageError } from '../cli-args';
import { baseName, writeOutputFile, type CliIO } from '../cli-io';
import { assertNotInput, chooseRegistryArg, inputPaths, outputArg, parseYearOption, printRegistry, readInputArg, requireTables } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'rollover WORKBOOK [--year N] -o NEXT.xlsx [--registry R|default | --no-registry] [--drop-finished]';
const OPTIONS = [OUTPUT_OPTION, REGISTRY_OPTION, { name: 'no-registry' }, { name: 'year', value: true }, { name: 'drop-finished' }];

const KIND_ZH: Record<RolloverChange['kind'], string> = {
  'name-registry': '名称按名录改写',
  'leader-replaced': '负责人按分管调整',
  'leader-departed': '负责人不再在任（请核对）',
  'leader-unknown': '负责人不在名录中（请核对）',
  'finished-dropped': '已完成，未带入下一年',
};

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
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, OPTIONS);
    const out = outputArg(flags);
    const year = parseYearOption(flags.year);
    if (positional.length !== 1 || !out) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const readFiles = inputPaths(positional, flags);
    assertNotInput(out, readFiles);
    const input = await readInputArg(positional[0]);
    requireTables(input, 'rollover-no-table');
    const registry = flags['no-registry'] ? null : chooseRegistryArg(flags, [input]);
    const rolled = planRollover({ ...input.result, source: baseName(positional[0]) }, { year, registry: registry?.registry ?? null, dropFinished: flags['drop-finished'] === true });
    const { backup } = writeOutputFile(out, writeWorkbookBytes(rolled.plan), { inputs: readFiles });
    io.out(io.lang === 'en' ? `Wrote ${out} (${rolled.fromYear ?? '?'} → ${rolled.year})` : `已写入 ${out}（${rolled.fromYear ?? '？'} → ${rolled.year} 年度）`);
    if (backup) io.out(io.lang === 'en' ? `The existing file was kept as ${backup}` : `原文件已备份为 ${backup}`);
    if (registry) printRegistry(io, registry);
    else io.out(io.lang === 'en' ? 'Registry: none (--no-registry): names and leaders kept as they are' : '名录：未使用（--no-registry），名称和负责人保持原样');
    for (const line of formatRollover(rolled.rollover, io.lang)) io.out(line);
    return 0;
  },
};
