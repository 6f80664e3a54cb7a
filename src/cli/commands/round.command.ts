/**
 * `fenjie round start|collect|status WORKBOOK …`: the reporting rounds (期次) of the year. start
 * opens a round in the workbook (kept as NAME.bak.xlsx first); collect merges the units' returns
 * into the round (进展记录, 未报送, 汇总记录) in a new file; status prints the round's 序时 figures.
 */
import { countRefused, decideRound, planRoundCollect, roundStatus, startRound, todayIso, type ProgressReport } from '../../core/index';
import { writeWorkbookBytes } from '../cli-xlsx';
import { JSON_OPTION, OUTPUT_OPTION, parseArgs, stringFlag, usageError } from '../cli-args';
import { writeOutputFile, type CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import { outputArg, readFenjieInputArg, requireTables } from '../cli-input';
import type { Command } from '../command';
import { formatCollect, readCollectInputs, readSentRecordFiles } from './collect.command';
import { reportDateFlag } from './report.command';

const USAGE = 'round start WORKBOOK --period 2023Q3 --due 2023-09-20 [-o OUT.xlsx] | round collect WORKBOOK DIR/*.xlsx -o MERGED.xlsx [--sent 分发记录.json] | round status WORKBOOK [--date D] [--json] | round decide WORKBOOK --accept R1-1,R1-2|all [--reject R1-3] [-o OUT]';
const OPTIONS = [OUTPUT_OPTION, JSON_OPTION, { name: 'accept', value: true }, { name: 'reject', value: true }, { name: 'period', value: true }, { name: 'due', value: true }, { name: 'date', value: true }, { name: 'today', value: true }, { name: 'sent', value: true }];

function usage(): Error {
  return usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
}

export function formatStatus(report: ProgressReport, lang: 'zh' | 'en'): string[] {
  const round = report.round ? (lang === 'en' ? `round ${report.round.no} (${report.round.period}, due ${report.round.due})` : `第${report.round.no}期（${report.round.label}，${report.round.due} 前报送）`) : lang === 'en' ? 'no round open' : '尚未开启填报期';
  const lines = [lang === 'en' ? `${report.year}: ${round}; schedule measured at ${report.date}` : `${report.year}年度：${round}；序时测算日 ${report.date}`];
  for (const kind of ['tasks', 'projects'] as const) {
    const c = report.counts[kind];
    if (c.total === 0) continue;
    const parts = Object.entries(c.byStatus).map(([s, n]) => `${s} ${n}（${c.percent[s as keyof typeof c.percent]}%）`);
    lines.push(`  ${kind === 'tasks' ? (lang === 'en' ? 'Tasks' : '主要工作') : lang === 'en' ? 'Projects' : '民生实事'} ${c.total}: ${parts.join('，')}`);
  }
  lines.push(lang === 'en' ? `  Lagging or overdue: ${report.lagging.length}; not reported: ${report.missing.map((m) => m.unit).join(', ') || 'none'}` : `  慢于序时或逾期 ${report.lagging.length} 项；未报送单位：${report.missing.map((m) => m.unit).join('、') || '无'}`);
  return lines;
}

async function runStart(positional: string[], flags: Record<string, string | boolean>, io: CliIO): Promise<number> {
  const period = stringFlag(flags, 'period');
  const due = stringFlag(flags, 'due');
  if (positional.length !== 1 || !period || !due) throw usage();
  const master = await readFenjieInputArg(positional[0]);
  requireTables(master, 'convert-no-table');
  const { round, plan } = startRound(master, { period, due, today: stringFlag(flags, 'today') ?? todayIso() });
  const out = outputArg(flags) ?? positional[0];
  const { backup } = writeOutputFile(out, writeWorkbookBytes(plan));
  io.out(io.lang === 'en' ? `Opened round ${round.no} (${round.period}, due ${round.due}) in ${out}` : `已在 ${out} 中开启第${round.no}期填报（${round.label}，${round.due} 前报送）`);
  if (backup) io.out(io.lang === 'en' ? `The previous file was kept as ${backup}` : `原文件已备份为 ${backup}`);
  return 0;
}

async function runCollect(positional: string[], flags: Record<string, string | boolean>, io: CliIO): Promise<number> {
  const out = outputArg(flags);
  if (positional.length < 2 || !out) throw usage();
  const sent = readSentRecordFiles(positional.slice(1), stringFlag(flags, 'sent'));
  const { masterFile, files, master, returns, problems } = await readCollectInputs(positional, out);
  const result = planRoundCollect(master, returns, problems, stringFlag(flags, 'date') ?? todayIso(), { sent: sent.records });
  const { backup } = writeOutputFile(out, writeWorkbookBytes(result.plan), { inputs: [masterFile, ...files] });
  io.out(io.lang === 'en' ? `Wrote ${out}; ${result.recorded} reports recorded in 进展记录` : `已写入 ${out}；${result.recorded} 条进展记入“进展记录”`);
  if (backup) io.out(io.lang === 'en' ? `The existing file was kept as ${backup}` : `原有同名文件已备份为 ${backup}`);
  for (const line of [...formatCollect(result.collect, io.lang), ...formatStatus(result.report, io.lang)]) io.out(line);
  // As plain collect: anything refused makes the exit code 1 (issue 17).
  return countRefused(result.collect) > 0 ? 1 : 0;
}

async function runStatus(positional: string[], flags: Record<string, string | boolean>, io: CliIO): Promise<number> {
  if (positional.length !== 1) throw usage();
  const master = await readFenjieInputArg(positional[0]);
  requireTables(master, 'convert-no-table');
  const report = roundStatus(master, reportDateFlag(master, flags));
  if (flags.json) printJson(io, { round: report.round, date: report.date, counts: report.counts, lagging: report.lagging.map((r) => ({ id: r.id, ...r.verdict })), missing: report.missing });
  else for (const line of formatStatus(report, io.lang)) io.out(line);
  return 0;
}

async function runDecide(positional: string[], flags: Record<string, string | boolean>, io: CliIO): Promise<number> {
  const accept = stringFlag(flags, 'accept');
  const reject = stringFlag(flags, 'reject');
  if (positional.length !== 1 || (!accept && !reject)) throw usage();
  const list = (text: string | undefined) => (text ? text.split(/[,，\s]+/).filter(Boolean) : []);
  const master = await readFenjieInputArg(positional[0]);
  const result = decideRound(master, { accept: accept === 'all' ? 'all' : list(accept), reject: list(reject), date: stringFlag(flags, 'today') ?? todayIso() });
  const out = outputArg(flags) ?? positional[0];
  const { backup } = writeOutputFile(out, writeWorkbookBytes(result.plan));
  io.out(io.lang === 'en' ? `Wrote ${out}: ${result.applied.length} requests accepted; ${result.pending.length} still pending` : `已写入 ${out}：同意 ${result.applied.length} 项申请，尚有 ${result.pending.length} 项待审核`);
  for (const r of result.applied) io.out(`  ${r.id} ${r.task} ${r.unit} ${r.kind === 'delay' ? `延期至 ${r.to}` : '办结'}`);
  if (backup) io.out(io.lang === 'en' ? `The previous file was kept as ${backup}` : `原文件已备份为 ${backup}`);
  return 0;
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const [action, ...rest] = argv;
    const { positional, flags } = parseArgs(rest, OPTIONS);
    if (action === 'start') return runStart(positional, flags, io);
    if (action === 'collect') return runCollect(positional, flags, io);
    if (action === 'status') return runStatus(positional, flags, io);
    if (action === 'decide') return runDecide(positional, flags, io);
    throw usage();
  },
};
