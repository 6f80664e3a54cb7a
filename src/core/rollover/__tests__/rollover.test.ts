import type { Registry } from '../../registry/registry.model';
import type { TaskRecord } from '../../model/records.model';
import { makeProjectsTable, makeTasksTable } from '../../export/__tests__/export-fixtures';
import { rolloverTables, rolloverChangesAsFixes } from '../rollover';
import { createOversightView, updateLeaders } from '../leader-update';

function registry(): Registry {
  return {
    version: 1,
    leaders: [
      { name: '吴敬宇', years: [2021, 2023, 2024], oversees: ['发改委'], aliases: [] },
      { name: '胡卫江', years: [2023, 2024], oversees: ['财政局'], aliases: [] },
      { name: '张展', years: [2023], oversees: ['工信局'], aliases: [] },
      { name: '王新', years: [2024], oversees: ['商务局', '资源规划局'], aliases: [] },
      { name: '郑丙华', years: [2021], oversees: [], aliases: [] },
      { name: '陈磊', years: [2023, 2024], oversees: [], aliases: [] },
      { name: '倪嘉臻', years: [2023, 2024], oversees: ['教育局', '卫健委'], aliases: [] },
    ],
    units: [],
  };
}

function withIds() {
  const tasks = makeTasksTable();
  tasks.rows.forEach((r, i) => (r.id = `2023-T-00${i + 1}`));
  tasks.rows[0].tracking = { status: '已完成', progress: 100, latest: '已完成全年目标', updated: '2023-12-01' };
  tasks.rows[1].tracking = { status: '推进中', progress: 50 };
  tasks.rows[0].inherited = ['category'];
  const projects = makeProjectsTable();
  projects.rows.forEach((r, i) => (r.id = `2023-P-00${i + 1}`));
  return [tasks, projects];
}

describe('rolloverTables', () => {
  it('moves titles, years and ids on and clears tracking', () => {
    const input = withIds();
    const result = rolloverTables(input, { year: 2024 });
    expect(result.tables[0].title).toBe('2024年政府各项主要工作分解落实表');
    expect(result.tables[1].title).toBe('2024年民生实事项目情况表');
    expect(result.tables.map((t) => t.year)).toEqual([2024, 2024]);
    const first = result.tables[0].rows[0] as TaskRecord;
    expect(first.id).toBe('2024-T-001');
    expect(first.previousId).toBe('2023-T-001');
    expect(first.tracking).toBeUndefined();
    expect(first.inherited).toEqual([]);
    expect(result.tables[1].rows[3].id).toBe('2024-P-004');
    expect(result.tables[1].rows[3].previousId).toBe('2023-P-004');
    // the input is untouched
    expect(input[0].rows[0].tracking?.status).toBe('已完成');
    expect(input[0].rows[0].id).toBe('2023-T-001');
  });

  it('keeps finished items by default and drops them on request, listing them', () => {
    expect(rolloverTables(withIds(), { year: 2024 }).tables[0].rows).toHaveLength(5);
    const dropped = rolloverTables(withIds(), { year: 2024, dropFinished: true });
    expect(dropped.tables[0].rows).toHaveLength(4);
    expect(dropped.tables[0].rows[0].previousId).toBe('2023-T-002');
    expect(dropped.tables[0].rows[0].id).toBe('2024-T-001');
    expect(dropped.counts.dropped).toBe(1);
    expect(dropped.changes.find((c) => c.kind === 'finished-dropped')).toMatchObject({ previousId: '2023-T-001', from: '地区生产总值' });
  });

  it('maps names through the given registry mapper and lists each change', () => {
    const result = rolloverTables(withIds(), {
      year: 2024,
      applyNames: (tables) => {
        const changes = [];
        for (const [t, table] of tables.entries()) {
          for (const [row, r] of table.rows.entries()) {
            const i = r.leadUnits.indexOf('资规局');
            if (i >= 0) {
              r.leadUnits[i] = '资源规划局';
              changes.push({ table: t, row, field: 'leadUnits', from: '资规局', to: '资源规划局' });
            }
          }
        }
        return { tables, changes };
      },
    });
    expect(result.tables[0].rows[3].leadUnits).toEqual(['商务局', '资源规划局']);
    expect(result.changes.filter((c) => c.kind === 'name-registry')).toEqual([
      expect.objectContaining({ table: 0, row: 3, id: '2024-T-004', previousId: '2023-T-004', from: '资规局', to: '资源规划局' }),
    ]);
    expect(result.counts.namesMapped).toBe(1);
  });

  it('replaces a leader where the registry says the unit is now overseen by someone else', () => {
    const result = rolloverTables(withIds(), { year: 2024, registry: registry() });
    // row 3: 张展 / 郑丙华 lead 商务局; the registry says 王新 oversees 商务局 now
    const row3 = result.tables[0].rows[3];
    expect(row3.leaders).toContain('王新');
    expect(row3.leaders).not.toContain('张展');
    const replaced = result.changes.filter((c) => c.kind === 'leader-replaced' && c.row === 3 && c.table === 0);
    expect(replaced.map((c) => c.from).sort()).toEqual(['张展', '郑丙华'].sort());
    // rows whose leader still oversees the unit are untouched
    expect(result.tables[0].rows[0].leaders).toEqual(['吴敬宇']);
    expect(result.tables[0].rows[1].leaders).toEqual(['胡卫江', '吴敬宇']);
    expect(result.tables[1].rows[0].leaders).toEqual(['倪嘉臻']);
    expect(result.changes.filter((c) => c.kind === 'leader-departed' || c.kind === 'leader-unknown')).toEqual([]);
    const fixes = rolloverChangesAsFixes(result.changes);
    expect(fixes.some((f) => f.rule === 'rollover-leader-replaced' && f.row === 3)).toBe(true);
  });
});

describe('updateLeaders', () => {
  const view = createOversightView(registry());
  it('keeps a leader without listed 分管 (the mayor) beside the new overseer', () => {
    const d = updateLeaders(['陈磊'], ['政府办'], view, 2024);
    expect(d.leaders).toEqual(['陈磊']);
    expect(d.replaced).toEqual([]);
  });
  it('flags a leader who no longer appears and one the registry does not know', () => {
    const d = updateLeaders(['郑丙华', '无名氏'], ['某局'], view, 2024);
    expect(d.leaders).toEqual(['郑丙华', '无名氏']);
    expect(d.review).toEqual([
      { leader: '郑丙华', reason: 'leader-departed' },
      { leader: '无名氏', reason: 'leader-unknown' },
    ]);
  });
  it('fills an empty leader cell from the unit overseer', () => {
    const d = updateLeaders([], ['财政局'], view, 2024);
    expect(d.leaders).toEqual(['胡卫江']);
    expect(d.replaced).toHaveLength(1);
  });
});

describe('leaders the old tables already pair with the unit', () => {
  it('are no news: a task naming other leaders for that unit keeps them', () => {
    const tables = withIds();
    // 王新 already led a 商务局 task last year, so the registry's 分管 of 商务局 is not a change
    tables[0].rows[4].leaders = ['王新'];
    tables[0].rows[4].leadUnits = ['商务局'];
    const result = rolloverTables(tables, { year: 2024, registry: registry() });
    expect(result.tables[0].rows[3].leaders).toEqual(['张展', '郑丙华']);
    expect(result.changes.filter((c) => c.kind === 'leader-replaced')).toEqual([]);
    // 张展 and 郑丙华 are no longer listed for 2024: flagged for review instead
    expect(result.changes.filter((c) => c.row === 3 && c.table === 0).map((c) => c.kind)).toEqual(['leader-departed', 'leader-departed']);
  });
});
