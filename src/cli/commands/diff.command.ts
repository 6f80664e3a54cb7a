/** `fenjie diff OLD NEW [--registry R|default] [--json]`: what changed between two years' documents or workbooks. */
import { diffResults, formatDiffSummary, loadPinyin } from '../../core/index';
import { JSON_OPTION, parseArgs, REGISTRY_OPTION, usageError } from '../cli-args';
import type { CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import { chooseRegistryArg, readInputArg } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'diff OLD NEW [--registry R|default] [--json]';

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [REGISTRY_OPTION, JSON_OPTION]);
    if (positional.length !== 2) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const [oldInput, newInput] = await Promise.all(positional.map((f) => readInputArg(f)));
    const { registry } = chooseRegistryArg(flags, [oldInput, newInput]);
    const report = diffResults(oldInput.result, newInput.result, { registry, pinyin: await loadPinyin() });
    if (flags.json) printJson(io, report);
    else io.out(formatDiffSummary(report, io.lang));
    return 0;
  },
};
