/**
 * `fenjie report bulletin|summary|reminders WORKBOOK -o OUT [--date D] [--issue N] [--reply-by D]`:
 * the office's outputs of a round — the 督查通报 (.docx), the 进展情况汇总表 (.xlsx) and the 催办单
 * (.docx, one page per unit) — every figure computed from the workbook.
 */
import { reportBulletin, reportDate, reportLeaders, reportReminders, reportSummary, reportYearEnd, todayIso, type MasterWorkbook } from '../../core/index';
import { writeWorkbookBytes } from '../cli-xlsx';
import { OUTPUT_OPTION, parseArgs, stringFlag, usageError } from '../cli-args';
import { writeOutputFile, type CliIO } from '../cli-io';
import { assertNotInput, outputArg, readFenjieInputArg, requireTables } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'report bulletin|summary|reminders|leaders|yearend WORKBOOK -o OUT [--date yyyy-mm-dd] [--issue N] [--reply-by yyyy-mm-dd]';
const OPTIONS = [OUTPUT_OPTION, { name: 'date', value: true }, { name: 'today', value: true }, { name: 'issue', value: true }, { name: 'reply-by', value: true }];
const EXTENSIONS = { bulletin: '.docx', summary: '.xlsx', reminders: '.docx', leaders: '.docx', yearend: '.xlsx' } as const;

/** The measuring date from --date / --today, by the flow's rule. */
export function reportDateFlag(master: MasterWorkbook, flags: Record<string, string | boolean>): string {
  return reportDate(master, { date: stringFlag(flags, 'date'), today: stringFlag(flags, 'today') ?? todayIso() });
}

function usage(): Error {
  return usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
}

async function produce(kind: keyof typeof EXTENSIONS, master: MasterWorkbook, flags: Record<string, string | boolean>): Promise<{ bytes: Uint8Array; zh: string; en: string }> {
  const options = { date: stringFlag(flags, 'date'), today: stringFlag(flags, 'today') ?? todayIso() };
  if (kind === 'bulletin') {
    const issue = stringFlag(flags, 'issue');
    if (issue !== undefined && !/^\d+$/.test(issue)) throw usageError(`--issue 应为期号数字：${issue}`, `--issue must be a number: ${issue}`);
    const { bytes, report } = reportBulletin(master, { ...options, issue: issue ? Number(issue) : undefined });
    return { bytes, zh: `督查通报（测算日 ${report.date}，慢于序时或逾期 ${report.lagging.length} 项）`, en: `bulletin (measured at ${report.date}, ${report.lagging.length} lagging or overdue)` };
  }
  if (kind === 'summary') {
    const { plan, report } = reportSummary(master, options);
    return { bytes: writeWorkbookBytes(plan), zh: `进展情况汇总表（${report.rows.length} 项）`, en: `progress summary (${report.rows.length} rows)` };
  }
  if (kind === 'leaders') {
    const { bytes, leaders } = reportLeaders(master, options);
    return { bytes, zh: `领导清单 ${leaders.length} 位`, en: `${leaders.length} leaders` };
  }
  if (kind === 'yearend') {
    const { plan } = reportYearEnd(master, options);
    return { bytes: writeWorkbookBytes(plan), zh: `年终对账（${plan.sheets[0].rows.length} 个单位）`, en: `year-end account (${plan.sheets[0].rows.length} units)` };
  }
  const { bytes, units } = reportReminders(master, { ...options, replyBy: stringFlag(flags, 'reply-by') });
  return { bytes, zh: `催办单 ${units.length} 份：${units.map((u) => u.unit).join('、') || '无'}`, en: `${units.length} reminders` };
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const [kind, ...rest] = argv;
    const { positional, flags } = parseArgs(rest, OPTIONS);
    const out = outputArg(flags);
    if (!(kind in EXTENSIONS) || positional.length !== 1 || !out) throw usage();
    assertNotInput(out, positional);
    const master = await readFenjieInputArg(positional[0]);
    requireTables(master, 'convert-no-table');
    const written = await produce(kind as keyof typeof EXTENSIONS, master, flags);
    const { backup } = writeOutputFile(out, written.bytes, { inputs: positional });
    io.out(io.lang === 'en' ? `Wrote ${out}: ${written.en}` : `已写入 ${out}：${written.zh}`);
    if (backup) io.out(io.lang === 'en' ? `The existing file was kept as ${backup}` : `原有同名文件已备份为 ${backup}`);
    return 0;
  },
};
