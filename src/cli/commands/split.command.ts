/**
 * `fenjie split WORKBOOK --by unit -o DIR/`: one workbook per unit with the tasks it leads or
 * cooperates on, only the tracking columns editable, instructions on top, and 分发清单.csv/.json
 * (unit → file) beside them. File names never collide; no file is written twice.
 *
 * What was sent (the sent record: task ids, baseline values, digests per unit) goes to 分发记录.json
 * beside them, not into WORKBOOK: the CLI reads a master for its records only, and re-writing it
 * from them would drop the user's other sheets, formatting and formulas. `collect` reads the record
 * from the returns' folder or `--sent FILE`.
 */
import * as path from 'path';
import { FenjieError, fileDigest, planSplitFiles, recordFileDigest, sentRecordFile } from '../../core/index';
import { writeWorkbookBytes } from '../cli-xlsx';
import { OUTPUT_OPTION, parseArgs, stringFlag, usageError } from '../cli-args';
import { baseName, createOutputSession, finishOutputFolders, writeOutputFile, type CliIO } from '../cli-io';
import { outputArg, readInputArg } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'split WORKBOOK --by unit -o DIR/';

function sentRecordLine(file: string, master: string, zh: boolean): string {
  return zh ? `分发记录（各单位所发任务与分发值，收回时核对用）：${file}；原工作簿 ${master} 未改动` : `Sent record (what each unit was sent, checked at collect): ${file}; ${master} is unchanged`;
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [OUTPUT_OPTION, { name: 'by', value: true }]);
    const dir = outputArg(flags);
    const by = stringFlag(flags, 'by') ?? 'unit';
    if (positional.length !== 1 || !dir) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    if (by !== 'unit') throw usageError(`暂只支持 --by unit（收到 ${by}）`, `Only --by unit is supported (got ${by})`);
    // Split uses the records and their ids only: 修订记录 and the 名录 sheets are left unread.
    const { result } = await readInputArg(positional[0], { skip: { fixes: true, registry: true } });
    if (result.tables.every((t) => t.rows.length === 0)) throw new FenjieError('split-no-rows', `${result.source} 中没有任务`, `No tasks in ${result.source}`);
    const split = planSplitFiles(result.tables, { source: baseName(positional[0]), createdAt: new Date().toISOString() });
    const zh = io.lang !== 'en';
    const session = createOutputSession();
    // Each file is written whole and renamed into place; the folder is flushed once, after the last.
    const folders = new Set<string>();
    const inputs = [positional[0]];
    const backups: string[] = [];
    let count = 0;
    for (const unit of split.plans()) {
      const file = path.join(dir, unit.fileName);
      const bytes = writeWorkbookBytes(unit.plan);
      const { backup } = writeOutputFile(file, bytes, { inputs, session, folders });
      if (split.sent) recordFileDigest(split.sent, unit.unit, await fileDigest(bytes));
      if (backup) backups.push(backup);
      count += 1;
      io.out(zh ? `  ${unit.unit.padEnd(14)} 牵头 ${unit.lead}，配合 ${unit.cooperate} → ${file}` : `  ${unit.unit.padEnd(14)} lead ${unit.lead}, cooperate ${unit.cooperate} → ${file}`);
    }
    const record = split.sent ? sentRecordFile(split.sent) : null;
    for (const f of [...split.manifestFiles, ...(record ? [record] : [])]) writeOutputFile(path.join(dir, f.name), f.text, { inputs, session, folders });
    finishOutputFolders(folders);
    for (const f of split.findings) io.out(`  [${f.code}] ${zh ? f.message : f.messageEn ?? f.message}`);
    io.out(zh ? `已为 ${count} 个单位写入文件到 ${dir}；分发清单：${split.manifestFiles.map((f) => f.name).join('、')}` : `Wrote ${count} unit files to ${dir}; list of files: ${split.manifestFiles.map((f) => f.name).join(', ')}`);
    if (record) io.out(sentRecordLine(path.join(dir, record.name), baseName(positional[0]), zh));
    if (backups.length > 0) io.out(zh ? `已有的同名文件已备份（${backups.length} 个），如 ${backups[0]}` : `Existing files were kept as backups (${backups.length}), e.g. ${backups[0]}`);
    return 0;
  },
};
