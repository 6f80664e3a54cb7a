/** `fenjie convert FILE… -o OUT.xlsx [--json]`: documents (or fenjie workbooks) → the structured workbook. */
import { FenjieError } from '../../core/index';
import { parseArgs, usageError, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { buildIndex, loadRegistry } from './registry-input';
import { formatWorkbookSummary, readInput, sheetCounts, writeWorkbook, type RegistryChoice } from './workbook-output';

/** --registry FILE, else an input workbook's 名录, else the default registry. */
export async function chooseRegistry(registryPath: string | undefined, inputs: string[]): Promise<RegistryChoice> {
  const loaded = loadRegistry(registryPath, inputs);
  return { index: await buildIndex(loaded.registry), origin: loaded.origin };
}

const USAGE_ZH = '用法：fenjie convert FILE… -o OUT.xlsx [--registry R.json|--no-registry] [--json]';
const USAGE_EN = 'Usage: fenjie convert FILE… -o OUT.xlsx [--registry R.json|--no-registry] [--json]';

export const command: Command = {
  summaryZh: '把通知或表格文件转换为带跟踪列的结构化工作簿（.xlsx）',
  summaryEn: 'Convert notices or tables into the structured tracking workbook (.xlsx)',
  usage: 'convert FILE… -o OUT.xlsx [--registry R] [--json]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    const output = typeof flags.o === 'string' ? flags.o : typeof flags.output === 'string' ? flags.output : null;
    if (positional.length === 0 || !output) throw usageError(USAGE_ZH, USAGE_EN);
    if (!/\.xlsx$/i.test(output)) throw usageError(`输出文件应以 .xlsx 结尾：${output}`, `The output file should end in .xlsx: ${output}`);
    const inputs = [];
    for (const file of positional) inputs.push(await readInput(file));
    if (inputs.every((i) => i.result.tables.length === 0)) {
      throw new FenjieError('convert-no-table', '输入文件中没有可识别的表格，未写出工作簿', 'No recognisable table in the input files; no workbook written', { details: { files: positional } });
    }
    const registry = flags['no-registry'] ? undefined : await chooseRegistry(typeof flags.registry === 'string' ? flags.registry : undefined, positional);
    const written = await writeWorkbook(inputs, output, registry);
    if (flags.json) {
      io.out(JSON.stringify({ output: written.output, backup: written.backup, sheets: sheetCounts(written.plan), registry: registry?.origin ?? null, findings: written.findings, results: inputs.map((i) => i.result) }, null, 2));
    } else {
      io.out(formatWorkbookSummary(inputs, written, io.lang));
    }
    return 0;
  },
};
