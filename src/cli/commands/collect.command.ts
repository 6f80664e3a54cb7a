/**
 * `fenjie collect WORKBOOK FILES... -o MERGED.xlsx`: take back what the units filled in. Conflicts
 * and suspicious files are reported, nothing is overwritten silently, and the merge goes to a new
 * file (the original workbook is left untouched).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  planCollectWorkbook,
  readFenjieWorkbook,
  FenjieError,
  isFenjieError,
  type CollectFinding,
  type CollectResult,
  type UnitReturn,
} from '../../core/index';
import { writeXlsx } from '../../writers/xlsx/xlsx.writer';
import { baseName, parseArgs, readInputFile, usageError, writeOutputFile, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { assertNotInput } from './rollover.command';

const USAGE = 'collect WORKBOOK DIR/*.xlsx -o MERGED.xlsx [--json]';

/** Files named on the command line; a directory stands for the .xlsx files in it. */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((p) =>
    fs.existsSync(p) && fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$')).sort().map((f) => path.join(p, f))
      : [p],
  );
}

async function readReturn(file: string, findings: CollectFinding[]): Promise<UnitReturn | null> {
  try {
    const workbook = await readFenjieWorkbook(readInputFile(file), baseName(file));
    return { fileName: baseName(file), state: workbook.state, tables: workbook.result.tables };
  } catch (error) {
    if (!isFenjieError(error)) throw error;
    findings.push({ code: 'collect-unreadable', severity: 'error', message: `${baseName(file)} 无法读取：${error.messageZh}`, messageEn: `${baseName(file)} cannot be read: ${error.messageEn}`, file: baseName(file) });
    return null;
  }
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

export const command: Command = {
  summaryZh: '汇总各单位填报的进展（冲突逐条列出，写入新文件）',
  summaryEn: 'Collect what the units filled in (conflicts listed; written to a new file)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    const out = typeof flags.o === 'string' ? flags.o : typeof flags.output === 'string' ? flags.output : null;
    if (positional.length < 2 || !out) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const [masterFile, ...rest] = positional;
    const files = expandInputs(rest).filter((f) => path.resolve(f) !== path.resolve(masterFile) && path.resolve(f) !== path.resolve(out));
    assertNotInput(out, [masterFile, ...files]);
    const master = await readFenjieWorkbook(readInputFile(masterFile), baseName(masterFile));
    const tables = master.result.tables;
    if (tables.length === 0) throw new FenjieError('collect-no-table', `${baseName(masterFile)} 不是含任务的 fenjie 工作簿`, `${baseName(masterFile)} is not a fenjie workbook with tasks`);
    const readProblems: CollectFinding[] = [];
    const returns = (await Promise.all(files.map((f) => readReturn(f, readProblems)))).filter((r): r is UnitReturn => r !== null);
    const { plan, collect: result } = planCollectWorkbook(master, returns, readProblems);
    const { backup } = writeOutputFile(out, await writeXlsx(plan));
    if (flags.json) {
      io.out(JSON.stringify({ output: out, files: result.files, applied: result.applied, findings: result.findings }, null, 2));
      return 0;
    }
    io.out(io.lang === 'en' ? `Wrote ${out}; ${baseName(masterFile)} is unchanged` : `已写入 ${out}；原工作簿 ${baseName(masterFile)} 未改动`);
    if (backup) io.out(io.lang === 'en' ? `The existing file was kept as ${backup}` : `原有同名文件已备份为 ${backup}`);
    for (const line of formatCollect(result, io.lang)) io.out(line);
    return 0;
  },
};
