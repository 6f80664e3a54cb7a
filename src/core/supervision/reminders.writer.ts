/**
 * 催办单: one page per unit with late, lagging or unreported tasks — the unit, its tasks, the
 * deadline, what is missing, and the date to reply by — all in one .docx.
 */
import { formatChineseDate } from '../export/docx-cover.writer';
import { isGenericUnitName } from '../registry/unit-kind';
import { formatPoints } from './calendar.rules';
import type { ProgressReport, ReportRow } from './progress-report.builder';
import { writeOfficialDocx, type OfficialBlock } from './official-docx.writer';
import type { SupervisionSettings } from './supervision.model';

export interface ReminderUnit {
  unit: string;
  rows: { row: ReportRow; missing: string }[];
}

function missingOf(row: ReportRow, unreported: boolean): string {
  if (unreported) return '本期未报送进展';
  if (row.verdict.overdue) return '已超过完成时限，未办结';
  if (row.verdict.status === '未启动') return '尚未启动';
  return `进度落后序时${formatPoints(Math.abs(row.verdict.gap ?? row.verdict.expected))}个百分点`;
}

/** The units to chase, each with its tasks and what is missing (lead units only: they answer for the task). */
export function listReminders(report: ProgressReport): ReminderUnit[] {
  const byUnit = new Map<string, ReminderUnit>();
  const add = (unit: string, row: ReportRow, missing: string) => {
    const entry = byUnit.get(unit) ?? { unit, rows: [] };
    byUnit.set(unit, entry);
    if (!entry.rows.some((r) => r.row.id === row.id)) entry.rows.push({ row, missing });
  };
  const rowsById = new Map(report.rows.map((r) => [r.id, r]));
  for (const m of report.missing) for (const id of m.tasks) add(m.unit, rowsById.get(id) as ReportRow, missingOf(rowsById.get(id) as ReportRow, true));
  for (const row of report.lagging) for (const unit of row.leadUnits) if (!isGenericUnitName(unit)) add(unit, row, missingOf(row, false));
  return [...byUnit.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN'));
}

function unitBlocks(entry: ReminderUnit, index: number, report: ProgressReport, settings: SupervisionSettings, replyBy: string): OfficialBlock[] {
  return [
    ...(index > 0 ? [{ kind: 'pageBreak' } as const] : []),
    { kind: 'title', text: '督办事项催办单' },
    { kind: 'right', text: `催办〔${report.year}〕${index + 1}号` },
    { kind: 'body', text: `${entry.unit}：`, indent: false },
    {
      kind: 'body',
      text: `你单位牵头负责的以下${entry.rows.length}项任务进度滞后、逾期或未报送进展，请高度重视，抓紧推进，并于${formatChineseDate(replyBy)}前将推进情况、存在问题和下步打算书面报送${settings.office}。`,
    },
    {
      kind: 'table',
      columns: [{ header: '编号', weight: 12 }, { header: '任务', weight: 44 }, { header: '完成时限', weight: 14 }, { header: '需说明事项', weight: 24 }],
      rows: entry.rows.map(({ row, missing }) => [row.id, row.title, formatChineseDate(row.verdict.deadline), missing]),
    },
    { kind: 'right', text: settings.office },
    { kind: 'right', text: formatChineseDate(report.date) },
  ];
}

export function writeRemindersDocx(report: ProgressReport, settings: SupervisionSettings, replyBy: string): { bytes: Uint8Array; units: ReminderUnit[] } {
  const units = listReminders(report);
  const blocks = units.flatMap((u, i) => unitBlocks(u, i, report, settings, replyBy));
  if (blocks.length === 0) blocks.push({ kind: 'title', text: '督办事项催办单' }, { kind: 'body', text: '本期没有需要催办的单位。' });
  return { bytes: writeOfficialDocx('督办事项催办单', blocks), units };
}
