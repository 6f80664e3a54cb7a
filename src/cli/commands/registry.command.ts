/**
 * `fenjie registry init FILE… -o registry.json`: a first registry from documents, with proposed
 * merges for review; `registry default -o FILE`; `registry show [FILE]`.
 */
import { chooseRegistry, describeRegistry, initRegistry, loadDefaultRegistry, loadPinyin, serialiseRegistry, type Registry } from '../../core/index';
import { OUTPUT_OPTION, parseArgs, usageError } from '../cli-args';
import { baseName, readInputFile, writeOutputFile, type CliIO } from '../cli-io';
import { outputArg, readInputArg } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'registry init FILE… [-o registry.json] [--city 太仓市] | registry default [-o FILE] | registry show [FILE]';

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [OUTPUT_OPTION, { name: 'city', value: true }]);
    const [sub, ...files] = positional;
    const output = outputArg(flags) ?? undefined;
    if (sub === 'init' && files.length > 0) {
      const inputs = await Promise.all(files.map((f) => readInputArg(f)));
      const registry = initRegistry(inputs.map((i) => i.result), { pinyin: await loadPinyin(), city: typeof flags.city === 'string' ? flags.city : undefined });
      return emit(registry, output, io, true, files);
    }
    if (sub === 'default' && files.length === 0) return emit(loadDefaultRegistry(), output, io, false);
    if (sub === 'show' && files.length <= 1) {
      const choice = files[0] ? chooseRegistry({ explicit: { bytes: readInputFile(files[0]), fileName: baseName(files[0]) } }) : chooseRegistry({ explicit: 'default' });
      io.out(describeRegistry(choice, io.lang));
      io.out(formatRegistry(choice.registry, io.lang));
      return 0;
    }
    throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
  },
};

function emit(registry: Registry, output: string | undefined, io: CliIO, showProposals: boolean, inputs: readonly string[] = []): number {
  const text = serialiseRegistry(registry);
  if (!output) {
    io.out(text);
    return 0;
  }
  const { backup } = writeOutputFile(output, text, { inputs });
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
