/**
 * `fenjie split WORKBOOK --by unit -o DIR/`: one workbook per unit with the tasks it leads or
 * cooperates on, only the tracking columns editable, instructions on top.
 */
import * as path from 'path';
import { FenjieError, planSplit } from '../../core/index';
import { writeWorkbookBytes } from '../cli-xlsx';
import { OUTPUT_OPTION, parseArgs, stringFlag, usageError } from '../cli-args';
import { baseName, writeOutputFile, type CliIO } from '../cli-io';
import { outputArg, readInputArg } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'split WORKBOOK --by unit -o DIR/';

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [OUTPUT_OPTION, { name: 'by', value: true }]);
    const dir = outputArg(flags);
    const by = stringFlag(flags, 'by') ?? 'unit';
    if (positional.length !== 1 || !dir) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    if (by !== 'unit') throw usageError(`暂只支持 --by unit（收到 ${by}）`, `Only --by unit is supported (got ${by})`);
    const { result } = await readInputArg(positional[0]);
    if (result.tables.every((t) => t.rows.length === 0)) throw new FenjieError('split-no-rows', `${result.source} 中没有任务`, `No tasks in ${result.source}`);
    const meta = { source: baseName(positional[0]), createdAt: new Date().toISOString() };
    const zh = io.lang !== 'en';
    let count = 0;
    for (const unit of planSplit(result.tables, meta)) {
      const file = path.join(dir, unit.fileName);
      writeOutputFile(file, writeWorkbookBytes(unit.plan));
      count += 1;
      io.out(zh ? `  ${unit.unit.padEnd(14)} 牵头 ${unit.lead}，配合 ${unit.cooperate} → ${file}` : `  ${unit.unit.padEnd(14)} lead ${unit.lead}, cooperate ${unit.cooperate} → ${file}`);
    }
    io.out(zh ? `已为 ${count} 个单位写入文件到 ${dir}` : `Wrote ${count} unit files to ${dir}`);
    return 0;
  },
};
