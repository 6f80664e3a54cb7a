/** `fenjie diff OLD NEW [--registry r.json] [--json]`: what changed between two years' documents or workbooks. */
import { diffResults, formatDiffSummary } from '../../core/index';
import { parseArgs, usageError, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { readInput } from './workbook-output';
import { getPinyin, loadRegistry } from './registry-input';

const USAGE = 'diff OLD NEW [--registry registry.json] [--json]';

export const command: Command = {
  summaryZh: '对比两年的文件：领导、单位更名、任务延续/新增/取消、单位任务量变化',
  summaryEn: "Compare two years' files: leaders, renamed units, tasks carried over / new / dropped, unit load",
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    if (positional.length !== 2) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const [oldInput, newInput] = await Promise.all(positional.map((f) => readInput(f)));
    const { registry } = loadRegistry(typeof flags.registry === 'string' ? flags.registry : undefined, positional);
    const report = diffResults(oldInput.result, newInput.result, { registry, pinyin: await getPinyin() });
    io.out(flags.json ? JSON.stringify(report, null, 2) : formatDiffSummary(report, io.lang));
    return 0;
  },
};
