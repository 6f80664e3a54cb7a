import type { Finding } from '../../model/records.model';
import { buildFindingSheet, readFindingDecisions, FINDINGS_SHEET } from '../findings-sheet.planner';
import { groupFindings } from '../finding-groups';

const findings: Finding[] = [
  { code: 'leader-homophone', severity: 'error', message: 'm', table: 0, row: 3, field: 'leaders', value: '张舜', cell: "'主要工作'!F5", suggestions: [{ value: '张顺', score: 0.93, reason: 'homophone' }] },
  { code: 'leader-homophone', severity: 'error', message: 'm', table: 0, row: 9, field: 'leaders', value: '张舜', cell: "'主要工作'!F11", suggestions: [{ value: '张顺', score: 0.93, reason: 'homophone' }] },
  { code: 'unit-alias', severity: 'info', message: 'a', table: 0, row: 4, field: 'leadUnits', value: '资规局', suggestions: [{ value: '资源规划局', score: 0.97, reason: 'alias', certain: true }] },
];

describe('校验 sheet', () => {
  const sheet = buildFindingSheet(findings);

  it('has one row per group, errors first, with positions and a decision dropdown', () => {
    expect(sheet.name).toBe(FINDINGS_SHEET);
    expect(sheet.rows).toHaveLength(2);
    const header = sheet.columns.map((c) => c.header);
    const row = sheet.rows[0];
    expect(row[header.indexOf('原值')]).toBe('张舜');
    expect(row[header.indexOf('建议值')]).toBe('张顺');
    expect(row[header.indexOf('出现次数')]).toBe(2);
    expect(row[header.indexOf('位置')]).toBe("'主要工作'!F5、'主要工作'!F11");
    expect(sheet.validations?.[0].list).toContain('采纳建议');
    expect(sheet.validations?.[0].range.startsWith(String.fromCharCode(65 + header.indexOf('处理')))).toBe(true);
  });

  it('reads decisions back, keyed to the groups', () => {
    const header = sheet.columns.map((c) => c.header);
    const rows = [header, ...sheet.rows.map((r) => r.map((v) => (v === null ? '' : String(v))))];
    rows[1][header.indexOf('处理')] = '采纳建议';
    const decisions = readFindingDecisions(rows);
    const groups = groupFindings(findings);
    expect(decisions).toEqual([{ key: groups[0].key, decision: '采纳建议', value: '张顺' }]);
  });

  it('defect 8: people read labels, the code and group key come last (regression: 代码 leader-homophone third, 分组键 in view)', () => {
    const header = sheet.columns.map((c) => c.header);
    expect(header.slice(-2)).toEqual(['代码', '分组键']);
    expect(header[2]).toBe('问题');
    const row = sheet.rows[0];
    expect(row[2]).toBe('负责人疑为同音字');
    expect(row[header.indexOf('栏目')]).toBe('负责人');
    expect(row[header.indexOf('代码')]).toBe('leader-homophone');
    const people = sheet.rows.map((r) => r.slice(0, header.indexOf('代码')).join('|'));
    for (const text of people) expect(text).not.toMatch(/[a-z]+-[a-z]+|leadUnits|leaders/);
    // the decisions column keeps its place (M), so the dropdown and formats still point at it
    expect(header.indexOf('处理')).toBe(12);
  });

  it('says so when there is nothing to report', () => {
    expect(buildFindingSheet([]).preamble?.[0]).toMatch('未发现问题');
  });
});
