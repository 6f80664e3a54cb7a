/**
 * `时间节点` is the deadline column of many notices (`完成时限/时间节点`) and the stage plan of others
 * (`6月底前完成招标；12月底前上线运行`, or 一季度…四季度). A table's only 时间节点 column, beside no
 * 完成时限, whose every written cell is one date (`9月底前`, `2024年10月`, `三季度`) is read as the
 * deadline: its dates then fill 完成时限 and the 序时 progress. Shown as a guess; `--map` sets it.
 */
import type { ColumnPlanEntry, GuessReason } from './column-mapping.builder';
import { isTextDeadline, parseDeadlineDate } from './deadline.parser';

const MAX_DATE_TEXT = 20;

/** Why the column was read as the deadline (the `column-guessed` warning). */
export const LONE_MILESTONE_REASON: GuessReason = { zh: '各格都是一个日期，读作', en: ' because each cell holds one date' };

const isOneDate = (text: string): boolean => text.length <= MAX_DATE_TEXT && parseDeadlineDate(text, 2000) !== null;

/** The column to read as the deadline, or -1: the only unconfirmed milestones column, no deadline column, each written cell one date. */
export function findLoneMilestoneDeadline(entries: ColumnPlanEntry[], cells: (column: number) => string[]): number {
  if (entries.some((e) => e.role === 'deadline')) return -1;
  const milestones = entries.flatMap((e, column) => (e.role === 'milestones' ? [column] : []));
  if (milestones.length !== 1 || entries[milestones[0]].confirmed) return -1;
  // Dates, or deadlines in words (长期坚持) beside at least one date.
  const written = cells(milestones[0]).map((text) => text.trim()).filter((text) => text !== '');
  return written.some(isOneDate) && written.every((text) => isOneDate(text) || isTextDeadline(text)) ? milestones[0] : -1;
}
