/**
 * `fenjie split WORKBOOK --by unit -o DIR/`: one workbook per unit with the tasks it leads or
 * cooperates on, only the tracking columns editable, instructions on top.
 */
import * as path from 'path';
import { planUnitWorkbooks, FenjieError } from '../../core/index';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';
import { baseName, parseArgs, usageError, writeOutputFile, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { loadRecords } from './export.command';

const USAGE = 'split WORKBOOK --by unit -o DIR/';

export const command: Command = {
  summaryZh: '按单位拆分工作簿（每个单位一个文件，只能填写进展列）',
  summaryEn: 'Split the workbook into one file per unit (only the tracking columns editable)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    const dir = typeof flags.o === 'string' ? flags.o : typeof flags.output === 'string' ? flags.output : null;
    const by = typeof flags.by === 'string' ? flags.by : 'unit';
    if (positional.length !== 1 || !dir) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    if (by !== 'unit') throw usageError(`暂只支持 --by unit（收到 ${by}）`, `Only --by unit is supported (got ${by})`);
    const { result } = await loadRecords(positional[0]);
    const tables = result.tables;
    if (tables.every((t) => t.rows.length === 0)) throw new FenjieError('split-no-rows', `${result.source} 中没有任务`, `No tasks in ${result.source}`);
    const meta = { source: baseName(positional[0]), createdAt: new Date().toISOString() };
    const zh = io.lang !== 'en';
    let count = 0;
    for (const unit of planUnitWorkbooks(tables, meta)) {
      const file = path.join(dir, unit.fileName);
      writeOutputFile(file, await writeXlsx(unit.plan));
      count += 1;
      io.out(zh ? `  ${unit.unit.padEnd(14)} 牵头 ${unit.lead}，配合 ${unit.cooperate} → ${file}` : `  ${unit.unit.padEnd(14)} lead ${unit.lead}, cooperate ${unit.cooperate} → ${file}`);
    }
    io.out(zh ? `已为 ${count} 个单位写入文件到 ${dir}` : `Wrote ${count} unit files to ${dir}`);
    return 0;
  },
};
