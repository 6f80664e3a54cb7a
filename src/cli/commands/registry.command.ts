/**
 * `fenjie registry init FILE… -o registry.json`: a first registry from documents, with proposed
 * merges for review; `registry default -o FILE`; `registry show [FILE]`.
 */
import { initRegistry, loadDefaultRegistry, serialiseRegistry, type Registry } from '../../core/index';
import { parseArgs, usageError, writeOutputFile, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { readInput } from './workbook-output';
import { describeRegistry, getPinyin, loadRegistry } from './registry-input';

const USAGE = 'registry init FILE… [-o registry.json] [--city 太仓市] | registry default [-o FILE] | registry show [FILE]';

export const command: Command = {
  summaryZh: '名录：从文件生成（init，合并建议待人工核实）、导出默认名录（default）、查看（show）',
  summaryEn: 'Registry: build from documents (init, merges proposed for review), write the default (default), show',
  usage: 'registry init FILE… -o registry.json',
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, ['city']);
    const [sub, ...files] = positional;
    const output = typeof flags.o === 'string' ? flags.o : typeof flags.output === 'string' ? flags.output : undefined;
    if (sub === 'init' && files.length > 0) {
      const inputs = await Promise.all(files.map((f) => readInput(f)));
      const registry = initRegistry(inputs.map((i) => i.result), { pinyin: await getPinyin(), city: typeof flags.city === 'string' ? flags.city : undefined });
      return emit(registry, output, io, true);
    }
    if (sub === 'default' && files.length === 0) return emit(loadDefaultRegistry(), output, io, false);
    if (sub === 'show' && files.length <= 1) {
      const loaded = loadRegistry(files[0]);
      io.out(describeRegistry(loaded, io.lang));
      io.out(formatRegistry(loaded.registry, io.lang));
      return 0;
    }
    throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
  },
};

function emit(registry: Registry, output: string | undefined, io: CliIO, showProposals: boolean): number {
  const text = serialiseRegistry(registry);
  if (!output) {
    io.out(text);
    return 0;
  }
  const { backup } = writeOutputFile(output, text);
  const zh = io.lang === 'zh';
  io.out(zh ? `已写入 ${output}：${registry.leaders.length} 位领导、${registry.units.length} 个单位` : `Wrote ${output}: ${registry.leaders.length} leaders, ${registry.units.length} units`);
  if (backup) io.out(zh ? `原文件已备份为 ${backup}` : `The previous file was kept as ${backup}`);
  if (showProposals) io.out(formatProposals(registry, io.lang));
  return 0;
}

function formatProposals(registry: Registry, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const proposals = registry.proposals ?? [];
  const review = proposals.filter((p) => p.kind !== 'oversees');
  const oversees = proposals.length - review.length;
  const lines = [zh ? `待核实的建议 ${review.length} 条（未自动合并；核实后在名录中修改，或删除 proposals）：` : `${review.length} proposals to review (not applied; edit the registry, or delete proposals):`];
  for (const p of review) lines.push(`  [${p.kind}/${p.reason}] ${p.note}`);
  lines.push(zh ? `分管关系：按共同出现推断 ${oversees} 条，已写入各领导的 oversees，请核实。` : `分管: ${oversees} inferred from co-occurrence, written to each leader's oversees; please check.`);
  return lines.join('\n');
}

function formatRegistry(registry: Registry, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  for (const l of registry.leaders) lines.push(`  ${l.name}${l.title ? `（${l.title}）` : ''} ${l.years.join('/')}  ${zh ? '分管' : 'oversees'}: ${l.oversees.join('、') || '—'}`);
  const byKind = new Map<string, string[]>();
  for (const u of registry.units) byKind.set(u.kind, [...(byKind.get(u.kind) ?? []), u.name]);
  for (const [kind, names] of byKind) lines.push(`  [${kind}] ${names.join('、')}`);
  return lines.join('\n');
}
