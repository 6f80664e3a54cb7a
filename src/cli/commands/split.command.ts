/**
 * `fenjie split WORKBOOK --by unit -o DIR/`: one workbook per unit with the tasks it leads or
 * cooperates on, only the tracking columns editable, instructions on top.
 */
import * as path from 'path';
import { assignUnits, planUnitWorkbook, unitFileName, FenjieError } from '../../core/index';
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
    const assignments = assignUnits(tables);
    const years = [...new Set(tables.map((t) => t.year))];
    const year = years.length === 1 ? years[0] : null;
    const meta = { source: baseName(positional[0]), createdAt: new Date().toISOString() };
    const zh = io.lang !== 'en';
    for (const assignment of assignments) {
      const file = path.join(dir, unitFileName(assignment.unit, year));
      writeOutputFile(file, await writeXlsx(planUnitWorkbook(tables, assignment, meta)));
      const lead = assignment.rows.filter((r) => r.role === '牵头').length;
      io.out(zh ? `  ${assignment.unit.padEnd(14)} 牵头 ${lead}，配合 ${assignment.rows.length - lead} → ${file}` : `  ${assignment.unit.padEnd(14)} lead ${lead}, cooperate ${assignment.rows.length - lead} → ${file}`);
    }
    io.out(zh ? `已为 ${assignments.length} 个单位写入文件到 ${dir}` : `Wrote ${assignments.length} unit files to ${dir}`);
    return 0;
  },
};
