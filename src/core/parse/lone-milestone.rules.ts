/**
 * `时间节点` is the deadline column of many notices (`完成时限/时间节点`) and the stage plan of others
 * (`6月底前完成招标；12月底前上线运行`, or 一季度…四季度). A table's only 时间节点 column, beside no
 * 完成时限, whose every written cell is one date (`9月底前`, `2024年10月`, `三季度`) is read as the
 * deadline: its dates then fill 完成时限 and the 序时 progress. Shown as a guess; `--map` sets it.
 */
import type { Finding } from '../model/records.model';
import type { ColumnPlanEntry } from './column-mapping.builder';
import { parseDeadlineDate } from './deadline.parser';
import { ROLE_LABELS } from './role-labels';

const TEXT_DEADLINE = /^(?:长期坚持|持续推进|长期推进|常态化推进|长期)$/;
const MAX_DATE_TEXT = 20;

function isOneDate(text: string): boolean {
  const t = text.trim();
  return t.length <= MAX_DATE_TEXT && (TEXT_DEADLINE.test(t) || parseDeadlineDate(t, 2000) !== null);
}

/** The column to read as the deadline, or -1: the only unconfirmed milestones column, no deadline column, each written cell one date. */
export function findLoneMilestoneDeadline(entries: ColumnPlanEntry[], cells: (column: number) => string[]): number {
  if (entries.some((e) => e.role === 'deadline')) return -1;
  const milestones = entries.flatMap((e, column) => (e.role === 'milestones' ? [column] : []));
  if (milestones.length !== 1 || entries[milestones[0]].confirmed) return -1;
  const written = cells(milestones[0]).filter((text) => text.trim() !== '');
  return written.length > 0 && written.every(isOneDate) ? milestones[0] : -1;
}

export function loneMilestoneFinding(gridIndex: number, column: number, header: string): Finding {
  return {
    code: 'column-guessed',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${header}”各格都是一个日期，读作“${ROLE_LABELS.deadline.zh}”（deadline），请核对；如为阶段安排，用 --map "${header}=milestones" 指定`,
    messageEn: `Table ${gridIndex + 1} column ${column + 1} "${header}" holds one date a cell: taken as the deadline; if it is a stage plan, set --map "${header}=milestones"`,
    table: gridIndex,
    field: 'deadline',
    value: header,
  };
}
