import { createRegistryIndex } from '../../registry/registry-index.builder';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { parseSeed, SEED_2021, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { buildAssignments, buildLeaderUnitMatrix } from '../assignments';
import { buildAssignmentSheets, ASSIGNMENT_SHEETS } from '../assignments-sheet.planner';
import type { TaskRecord } from '../../model/records.model';

const index = createRegistryIndex(loadDefaultRegistry());

describe('assignments (分工明细)', () => {
  const result = parseSeed(SEED_2023);
  const report = buildAssignments(result.tables, '2023-06-30', index);

  it('has one row per (record, unit, role), lead and cooperating', () => {
    const records: { leadUnits: string[]; relatedUnits: string[] }[] = result.tables.flatMap((t) => t.rows as { leadUnits: string[]; relatedUnits: string[] }[]);
    const expected = records.reduce((n, r) => n + new Set([...r.leadUnits, ...r.relatedUnits]).size, 0);
    expect(report.assignments.length).toBeLessThanOrEqual(expected);
    expect(report.assignments.length).toBeGreaterThan(expected * 0.95);
    const first = result.tables[0].rows[0];
    expect(report.assignments.filter((a) => a.id === first.id).map((a) => [a.unit, a.role])).toEqual([
      ...first.leadUnits.map((u) => [u, '牵头']),
      ...first.relatedUnits.map((u) => [u, '配合']),
    ]);
  });

  it('counts per unit match the long table', () => {
    const fgw = report.units.find((u) => u.unit === '发改委');
    expect(fgw?.lead).toBe(report.assignments.filter((a) => a.unit === '发改委' && a.role === '牵头').length);
    expect(fgw?.open).toBe((fgw?.lead ?? 0) + (fgw?.related ?? 0));
    expect(report.units.some((u) => u.unit.startsWith('各'))).toBe(false);
  });

  it('maps names to the registry form and counts overdue tasks', () => {
    const r2021 = parseSeed(SEED_2021);
    const rows = r2021.tables[0].rows as TaskRecord[];
    const i = rows.findIndex((r) => r.leadUnits.includes('资规局'));
    rows[i].tracking = { status: '推进中', deadline: '2021-03-01' };
    const rep = buildAssignments(r2021.tables, '2021-06-30', index);
    expect(rep.units.find((u) => u.unit === '资规局')).toBeUndefined();
    expect(rep.units.find((u) => u.unit === '资源规划局')?.overdue).toBe(1);
  });

  it('lists registry units without tasks and tasks without a lead unit', () => {
    const r = parseSeed(SEED_2023);
    r.tables = [{ ...r.tables[0], rows: r.tables[0].rows.slice(0, 5) }] as typeof r.tables;
    r.tables[0].rows[1].leadUnits = [];
    const rep = buildAssignments(r.tables, '2023-06-30', index);
    expect(rep.noLeadUnit).toEqual([r.tables[0].rows[1].id]);
    expect(rep.idleUnits).toContain('退役军人事务局');
    expect(rep.idleUnits).not.toContain('宣传部');
  });

  it('builds a leader × unit matrix whose cells sum to the lead assignments with leaders', () => {
    const m = buildLeaderUnitMatrix(report);
    const total = m.counts.flat().reduce((a, b) => a + b, 0);
    const expected = report.assignments.filter((a) => a.role === '牵头' && !a.generic).reduce((n, a) => n + a.leaders.length, 0);
    expect(total).toBe(expected);
    expect(m.leaders[0]).toBe('吴敬宇');
  });

  it('plans the three sheets with a heat-map colour scale', () => {
    const sheets = buildAssignmentSheets(result.tables, { today: '2023-06-30', index });
    expect(sheets.map((s) => s.name)).toEqual([ASSIGNMENT_SHEETS.detail, ASSIGNMENT_SHEETS.load, ASSIGNMENT_SHEETS.matrix]);
    const matrix = sheets[2];
    expect(matrix.conditionalFormats?.[0]).toMatchObject({ kind: 'colorScale' });
    expect(matrix.columns.length).toBe(buildLeaderUnitMatrix(report).units.length + 1);
    for (const s of sheets) for (const row of s.rows) expect(row).toHaveLength(s.columns.length);
  });
});
