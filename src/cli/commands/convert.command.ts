/** `fenjie convert FILE… -o OUT.xlsx [--registry R|default | --no-registry] [--json]`: documents (or fenjie workbooks) → the structured workbook. */
import { assertHasTables } from '../../core/index';
import { JSON_OPTION, MAP_OPTION, OUTPUT_OPTION, parseArgs, REGISTRY_OPTION, usageError } from '../cli-args';
import type { CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import { assertNotInput, chooseRegistryArg, inputPaths, outputArg, printRegistry, readInputArg, readMapArg, type NamedInput } from '../cli-input';
import { formatWorkbookSummary, sheetCounts, writeImportWorkbook } from '../cli-workbook';
import type { Command } from '../command';

const USAGE_ZH = '用法：fenjie convert FILE… -o OUT.xlsx [--registry R|default | --no-registry] [--json] [--map 表头=角色,…|mapping.json]';
const USAGE_EN = 'Usage: fenjie convert FILE… -o OUT.xlsx [--registry R|default | --no-registry] [--json] [--map HEADER=ROLE,…|mapping.json]';
const OPTIONS = [OUTPUT_OPTION, REGISTRY_OPTION, { name: 'no-registry' }, JSON_OPTION, MAP_OPTION];

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, OPTIONS);
    const output = outputArg(flags);
    if (positional.length === 0 || !output) throw usageError(USAGE_ZH, USAGE_EN);
    if (!/\.xlsx$/i.test(output)) throw usageError(`输出文件应以 .xlsx 结尾：${output}`, `The output file should end in .xlsx: ${output}`);
    const readFiles = inputPaths(positional, flags);
    assertNotInput(output, readFiles);
    const inputs: NamedInput[] = [];
    const mapping = await readMapArg(flags);
    for (const file of positional) inputs.push(await readInputArg(file, mapping));
    assertHasTables(inputs.map((i) => i.result));
    const registry = flags['no-registry'] ? null : chooseRegistryArg(flags, inputs);
    const written = await writeImportWorkbook(inputs, output, registry, readFiles);
    if (flags.json) {
      printJson(io, { output: written.output, backup: written.backup, sheets: sheetCounts(written.plan), registry: registry ? registry.name || registry.origin : null, findings: written.findings, emptyColumns: written.emptyColumns, results: inputs.map((i) => i.result) });
      return 0;
    }
    if (registry) printRegistry(io, registry);
    io.out(formatWorkbookSummary(inputs, written, io.lang));
    return 0;
  },
};
