/**
 * Bug: 未报送 and the 催办单 listed generic "units" (各成员单位, 各镇（区）, 各区、县（市）政府) that
 * get no file from split and so can never report. They use split's one rule (isGenericUnitName).
 */
import { findMissingUnits, type ReportRow } from '../progress-report.builder';
import { listReminders } from '../reminders.writer';
import type { ProgressReport } from '../progress-report.builder';

function row(id: string, leadUnits: string[], status: ReportRow['verdict']['status'] = '未启动'): ReportRow {
  const verdict = { expected: 75, actual: null, gap: null, status, colour: '红' as const, overdue: false, deadline: '2023-12-31' };
  return { id, kind: 'tasks', category: '', title: id, leaders: [], leadUnits, relatedUnits: [], latest: '', verdict };
}

describe('未报送 and 催办单 leave out generic units', () => {
  const rows = [
    row('T1', ['发改委', '各成员单位']),
    row('T2', ['各镇（区）', '各部门']),
    row('T3', ['各区、县（市）政府（管委会）', '住建局']),
    row('T4', ['各相关单位']),
  ];

  it('lists only units whose file comes back', () => {
    expect(findMissingUnits(rows, [], 1)).toEqual([
      { unit: '发改委', tasks: ['T1'] },
      { unit: '住建局', tasks: ['T3'] },
    ]);
    expect(findMissingUnits(rows, [{ round: 1, id: 'T1', unit: '发改委', status: '推进中', progress: 10, latest: '', recorded: '2023-10-01', file: '' }], 1).map((m) => m.unit)).toEqual(['住建局']);
  });

  it('writes no 催办单 page for a generic unit', () => {
    const report = { rows, lagging: rows, missing: findMissingUnits(rows, [], 1) } as unknown as ProgressReport;
    expect(listReminders(report).map((u) => u.unit)).toEqual(['发改委', '住建局']);
  });
});
