/**
 * `fenjie collect WORKBOOK FILES... -o MERGED.xlsx`: take back what the units filled in. Conflicts
 * and suspicious files are reported, nothing is overwritten silently, and the merge goes to a new
 * file (the original workbook is left untouched).
 */
import * as fs from 'fs';
import * as path from 'path';
import { countRefused, parseSentRecordJson, planCollect, readReturns, SENT_RECORD_JSON, type CollectFinding, type CollectResult, type SentRecord } from '../../core/index';
import { nativeInflater } from '../cli-inflate';
import { writeWorkbookBytes } from '../cli-xlsx';
import { JSON_OPTION, OUTPUT_OPTION, parseArgs, stringFlag, usageError } from '../cli-args';
import { baseName, readInputFile, writeOutputFile, type CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import { assertNotInput, outputArg, readFenjieInputArg, requireTables, type NamedInput } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'collect WORKBOOK DIR/*.xlsx -o MERGED.xlsx [--sent 分发记录.json] [--json]';

/** Backups fenjie keeps (`NAME.bak.xlsx`, `NAME.bak-2.xlsx`): old copies, not returns. */
const BACKUP_NAME = /\.bak(-\d+)?\.xlsx$/i;

/** Files named on the command line; a directory stands for the .xlsx files in it (not lock files or backups). */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((p) =>
    fs.existsSync(p) && fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$') && !BACKUP_NAME.test(f)).sort().map((f) => path.join(p, f))
      : [p],
  );
}

/**
 * The office's sent records split wrote (分发记录.json): `--sent FILE`, else the one in each folder
 * the returns come from (where split wrote it), whether the folder or its files were named:
 * `collect M units/` and `collect M units/*.xlsx` read the same. With none, collect says so.
 */
export function readSentRecordFiles(inputs: string[], sent: string | undefined): { records: SentRecord[]; files: string[] } {
  const folders = inputs.map((p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? p : path.dirname(p)));
  const distinct = [...new Map(folders.map((d) => [path.resolve(d), d])).values()];
  const files = sent ? [sent] : distinct.map((d) => path.join(d, SENT_RECORD_JSON)).filter((f) => fs.existsSync(f));
  return { records: files.map((f) => parseSentRecordJson(new TextDecoder().decode(readInputFile(f)), baseName(f))), files };
}

/** The names returns are listed by: the file name, or the path where two files share a name. */
export function displayNames(files: string[]): string[] {
  const count = new Map<string, number>();
  for (const f of files) count.set(baseName(f), (count.get(baseName(f)) ?? 0) + 1);
  return files.map((f) => ((count.get(baseName(f)) ?? 0) > 1 ? f : baseName(f)));
}

export function formatCollect(result: CollectResult, lang: 'zh' | 'en'): string[] {
  const accepted = result.files.filter((f) => f.accepted).length;
  const lines = [
    lang === 'en'
      ? `Files: ${result.files.length} (accepted ${accepted}); changes applied: ${result.applied.length}; problems: ${result.findings.length}`
      : `文件 ${result.files.length} 个（接受 ${accepted} 个）；采用修改 ${result.applied.length} 处；问题 ${result.findings.length} 条`,
  ];
  for (const f of result.findings) lines.push(`  [${f.code}] ${lang === 'en' ? (f.messageEn ?? f.message) : f.message}`);
  return lines;
}

/** The master and the returns of `collect` / `round collect`: files read once, one rule for which files count. */
export async function readCollectInputs(positional: string[], out: string, skip?: { masterRegistry?: boolean }): Promise<{ masterFile: string; files: string[]; master: NamedInput; returns: Awaited<ReturnType<typeof readReturns>>['returns']; problems: CollectFinding[] }> {
  const [masterFile, ...rest] = positional;
  // The output among the returns would leave a unit out unnoticed: refused like any other input.
  const files = expandInputs(rest).filter((f) => path.resolve(f) !== path.resolve(masterFile));
  assertNotInput(out, [masterFile, ...files]);
  const master = await readFenjieInputArg(masterFile, { registry: skip?.masterRegistry });
  requireTables(master, 'collect-no-table');
  const names = displayNames(files);
  const { returns, problems } = await readReturns(files.map((f, i) => ({ name: names[i], bytes: readInputFile(f) })), { inflater: nativeInflater });
  return { masterFile, files, master, returns, problems };
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [OUTPUT_OPTION, JSON_OPTION, { name: 'sent', value: true }]);
    const out = outputArg(flags);
    if (positional.length < 2 || !out) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    // The merged workbook is planned from the master's records and state: its 名录 sheets are not read.
    const sent = readSentRecordFiles(positional.slice(1), stringFlag(flags, 'sent'));
    const { masterFile, files, master, returns, problems } = await readCollectInputs(positional, out, { masterRegistry: true });
    const { plan, collect: result } = planCollect(master, returns, problems, { sent: sent.records });
    const { backup } = writeOutputFile(out, writeWorkbookBytes(plan), { inputs: [masterFile, ...files] });
    if (flags.json) {
      printJson(io, { output: out, sent: sent.files, files: result.files, applied: result.applied, findings: result.findings, refused: countRefused(result) });
      return countRefused(result) > 0 ? 1 : 0;
    }
    io.out(io.lang === 'en' ? `Wrote ${out}; ${baseName(masterFile)} is unchanged` : `已写入 ${out}；原工作簿 ${baseName(masterFile)} 未改动`);
    for (const f of sent.files) io.out(io.lang === 'en' ? `Returns compared with the sent record ${f}` : `已按分发记录 ${f} 核对各单位的文件`);
    if (backup) io.out(io.lang === 'en' ? `The existing file was kept as ${backup}` : `原有同名文件已备份为 ${backup}`);
    // One write for the report (a line per finding: a thousand writes to a pipe were a tenth of a second's wait).
    io.out(formatCollect(result, io.lang).join('\n'));
    // Anything a unit submitted and fenjie did not apply makes the run fail: the lines above say why.
    const refused = countRefused(result);
    if (refused > 0) io.out(io.lang === 'en' ? `Not applied: ${refused} (see the problems above and the 汇总记录 sheet); exit status 1` : `未采用 ${refused} 处（原因见上方问题与“汇总记录”表）；退出状态 1`);
    return refused > 0 ? 1 : 0;
  },
};
