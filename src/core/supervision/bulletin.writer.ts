/**
 * 督查通报 (第N期) as an official .docx: red header, title, overall figures by status (tasks and
 * 民生实事 apart, then by 门类), the lagging and overdue items named with 编号, task and lead unit,
 * the units that did not report, the 工作要求 paragraph, and 附件 lists. Every figure comes from the
 * ProgressReport; nothing is invented.
 */
import { formatChineseDate } from '../export/docx-cover.writer';
import { formatPercent, formatPoints } from './calendar.rules';
import type { TableKind } from '../model/records.model';
import type { ProgressReport, ReportRow, StatusCounts } from './progress-report.builder';
import { writeOfficialDocx, type OfficialBlock } from './official-docx.writer';
import type { SupervisionSettings } from './supervision.model';

export interface BulletinOptions {
  /** 第N期; defaults to the round number. */
  issue?: number;
  settings: SupervisionSettings;
  /** ISO date printed on the 通报; defaults to the report date. */
  date?: string;
}

const KIND_ZH: Record<TableKind, string> = { tasks: '重点工作', projects: '民生实事项目' };

/** "已完成12项（占13.6%），超序时…" for one table kind. */
export function describeCounts(kind: TableKind, counts: StatusCounts): string {
  const parts = (['已完成', '超序时', '按序时', '慢于序时', '未启动'] as const)
    .filter((s) => counts.byStatus[s] > 0)
    .map((s) => `${s}${counts.byStatus[s]}项（占${formatPercent(counts.percent[s])}）`);
  return `${counts.total}项${KIND_ZH[kind]}中，${parts.length ? parts.join('，') : '均未报送进展'}`;
}

function progressText(row: ReportRow): string {
  const { actual, expected, gap, overdue } = row.verdict;
  const done = actual === null ? '未报送进度' : `完成进度${formatPercent(actual)}`;
  const behind = gap !== null && gap < 0 ? `，落后序时${formatPoints(Math.abs(gap))}个百分点` : '';
  return `${done}，序时进度${formatPercent(expected)}${behind}${overdue ? '，已逾期' : ''}`;
}

export function describeLagging(row: ReportRow, index: number): string {
  const unit = row.leadUnits.join('、') || '（未明确牵头单位）';
  return `（${index + 1}）${row.id} ${row.title}（牵头单位：${unit}）：${progressText(row)}。`;
}

function listTable(rows: ReportRow[]): OfficialBlock {
  return {
    kind: 'table',
    columns: [
      { header: '序号', weight: 5 }, { header: '编号', weight: 11 }, { header: '任务', weight: 40 }, { header: '牵头单位', weight: 14 },
      { header: '完成进度', weight: 9 }, { header: '序时进度', weight: 9 }, { header: '预警', weight: 6 },
    ],
    rows: rows.map((r, i) => [String(i + 1), r.id, r.title, r.leadUnits.join('、'), r.verdict.actual === null ? '未报送' : formatPercent(r.verdict.actual), formatPercent(r.verdict.expected), r.verdict.colour]),
  };
}

function overviewBlocks(report: ProgressReport): OfficialBlock[] {
  const blocks: OfficialBlock[] = [{ kind: 'heading', text: '一、总体情况' }];
  const kinds = (['tasks', 'projects'] as const).filter((k) => report.counts[k].total > 0);
  const sentences = kinds.map((k) => describeCounts(k, report.counts[k]));
  blocks.push({ kind: 'body', text: `截至${formatChineseDate(report.date)}，${sentences.join('；')}。` });
  for (const group of report.byCategory.filter((g) => g.category)) {
    blocks.push({ kind: 'body', text: `${group.category}：${describeCounts(group.kind, group.counts)}。` });
  }
  return blocks;
}

function problemBlocks(report: ProgressReport): OfficialBlock[] {
  const blocks: OfficialBlock[] = [{ kind: 'heading', text: '二、存在问题' }];
  if (report.lagging.length === 0) blocks.push({ kind: 'body', text: '各项任务均按序时推进，未发现慢于序时或逾期的事项。' });
  else {
    blocks.push({ kind: 'body', text: `慢于序时、未启动或已逾期的事项共${report.lagging.length}项（其中逾期${report.overdue.length}项），具体如下：` });
    report.lagging.forEach((row, i) => blocks.push({ kind: 'body', text: describeLagging(row, i) }));
  }
  if (report.missing.length > 0) {
    const due = report.round ? `截至${formatChineseDate(report.round.due)}，` : '';
    blocks.push({ kind: 'body', text: `${due}以下${report.missing.length}个单位未报送本期进展：${report.missing.map((m) => m.unit).join('、')}。` });
  }
  return blocks;
}

/** The 通报 blocks (exported for tests and for the pane's preview). */
export function buildBulletinBlocks(report: ProgressReport, options: BulletinOptions): OfficialBlock[] {
  const issue = options.issue ?? report.round?.no ?? 1;
  const date = options.date ?? report.date;
  const period = report.round?.label ?? `截至${formatChineseDate(report.date)}`;
  const onSchedule = report.rows.filter((r) => r.verdict.status === '按序时' || r.verdict.status === '超序时');
  return [
    { kind: 'redHeader', text: '督 查 通 报', issue: `第${issue}期`, office: options.settings.office, date: formatChineseDate(date) },
    { kind: 'title', text: `关于${report.year}年政府工作报告重点任务推进情况的通报（${period}）` },
    ...overviewBlocks(report),
    ...problemBlocks(report),
    { kind: 'heading', text: '三、工作要求' },
    { kind: 'body', text: options.settings.requirements },
    { kind: 'body', text: '附件：1．慢于序时及逾期事项清单', indent: true },
    { kind: 'body', text: '　　　2．按序时推进事项清单', indent: true },
    { kind: 'right', text: options.settings.office },
    { kind: 'right', text: formatChineseDate(date) },
    { kind: 'attachmentLabel', text: '附件1' },
    { kind: 'title', text: '慢于序时及逾期事项清单' },
    listTable(report.lagging),
    { kind: 'attachmentLabel', text: '附件2' },
    { kind: 'title', text: '按序时推进事项清单' },
    listTable(onSchedule),
  ];
}

export function writeBulletinDocx(report: ProgressReport, options: BulletinOptions): Uint8Array {
  return writeOfficialDocx(`督查通报第${options.issue ?? report.round?.no ?? 1}期`, buildBulletinBlocks(report, options));
}
