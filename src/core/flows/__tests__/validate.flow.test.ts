import { createRegistryIndex } from '../../registry/registry-index.builder';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { parseSeed, py, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { layoutWorkbook, buildWorkbookPlan } from '../../workbook/workbook.planner';
import { dismissGroup, planDecision } from '../decision.flow';
import { MAX_GROUPS_SHOWN, pickShownGroups, planCrossCheckSheets, validateRecords } from '../validate.flow';
import { createMemoryHost } from '../../host/memory.host';
import { writePlan } from '../write-plan.flow';
import { readHostRecords } from '../host-records.flow';

const index = createRegistryIndex(loadDefaultRegistry(), { pinyin: py });

describe('validate flow', () => {
  it('regression (the pane’s cross-check skipped the registry-years guard): no leader–unit findings for a year the registry does not cover', () => {
    const seed = parseSeed(SEED_2023);
    expect(validateRecords({ tables: seed.tables, index, scope: 'cross' }).findings.length).toBeGreaterThan(0);
    const outside = seed.tables.map((t) => ({ ...t, year: 2019 }));
    expect(validateRecords({ tables: outside, index, scope: 'cross' }).findings).toEqual([]);
  });

  it('addresses findings to cells, sorts groups worst first and leaves dismissed groups out of the counts', () => {
    const seed = parseSeed(SEED_2023);
    seed.tables[0].rows[0].leaders = ['吴敬雨'];
    seed.tables[0].rows[1].leaders = ['吴敬雨'];
    seed.tables[0].rows[2].leadUnits = ['不存在的局'];
    const layout = layoutWorkbook([seed]);
    const v = validateRecords({ tables: seed.tables, index, layout, scope: 'names' });
    const group = v.groups.find((g) => g.value === '吴敬雨');
    expect(group?.positions.map((p) => p.cell)).toEqual(["'主要工作'!F2", "'主要工作'!F3"].map((c) => c.replace('F', layout.columns['主要工作'].leaders)));
    const rank = { error: 0, warning: 1, info: 2 };
    expect(v.groups.map((g) => rank[g.severity])).toEqual([...v.groups.map((g) => rank[g.severity])].sort());
    const after = validateRecords({ tables: seed.tables, index, layout, scope: 'names', dismissed: [group!.key] });
    expect(after.groups.some((g) => g.key === group!.key)).toBe(false);
    expect(after.dismissedGroups.map((g) => g.key)).toEqual([group!.key]);
    expect(after.summary.dismissed).toBe(1);
    expect(after.summary.errors + after.summary.warnings + after.summary.info).toBe(v.summary.errors + v.summary.warnings + v.summary.info - group!.positions.length);
  });

  it('regression (validate of a file without tables said valid: true): refuses with a code', () => {
    expect(() => validateRecords({ tables: [], index })).toThrow(expect.objectContaining({ code: 'validate-no-table' }));
  });

  it('layoutWorkbook gives the layout the full plan has', () => {
    const seed = parseSeed(SEED_2023);
    expect(layoutWorkbook([seed])).toEqual(buildWorkbookPlan({ results: [seed] }).layout);
  });

  it('plans the 分工明细 / 单位工作量 / 领导单位矩阵 sheets', () => {
    const plan = planCrossCheckSheets(parseSeed(SEED_2023).tables, index, '2023-06-01');
    expect(plan.sheets.map((s) => s.name)).toEqual(['分工明细', '单位工作量', '领导单位矩阵']);
  });
});

describe('decision flow over the memory host', () => {
  it('采用 writes every cell of the group in one batch; 忽略 is kept in the state', async () => {
    const seed = parseSeed(SEED_2023);
    seed.tables[0].rows[0].leaders = ['吴敬雨'];
    seed.tables[0].rows[3].leaders = ['吴敬雨'];
    const host = createMemoryHost();
    await writePlan(host, buildWorkbookPlan({ results: [seed] }));
    const data = await readHostRecords(host);
    const group = validateRecords({ tables: data.tables, layout: data.layout, index, scope: 'names' }).groups.find((g) => g.value === '吴敬雨')!;
    const ops = planDecision(data.tables, data.layout, group, '吴敬宇');
    expect(ops).toHaveLength(2);
    await host.apply(ops);
    const after = await readHostRecords(host);
    expect([after.tables[0].rows[0].leaders, after.tables[0].rows[3].leaders]).toEqual([['吴敬宇'], ['吴敬宇']]);
    const state = dismissGroup(dismissGroup(await host.readState(), group), group);
    expect(state.dismissedFindings).toEqual([group.key]);
  });
});

describe('defect 11: the findings list', () => {
  it('regression (defect 11: at 5,000 rows the list stopped silently at 100 groups): says how many more groups exist, worst first', () => {
    const seed = parseSeed(SEED_2023);
    // 3 unknown leaders per row: far more than 100 groups.
    seed.tables[0].rows.forEach((row, i) => (row.leaders = [`无名氏甲${i}`, `无名氏乙${i}`, `无名氏丙${i}`]));
    const v = validateRecords({ tables: seed.tables, index, scope: 'names' });
    expect(v.groups.length).toBeGreaterThan(MAX_GROUPS_SHOWN);
    const list = pickShownGroups(v);
    expect(list.shown).toEqual(v.groups.slice(0, MAX_GROUPS_SHOWN));
    expect(list.hidden).toBe(v.groups.length - MAX_GROUPS_SHOWN);
    expect(list.total).toBe(v.groups.length);
    const rank = { error: 0, warning: 1, info: 2 };
    expect(list.shown.map((g) => rank[g.severity])).toEqual([...list.shown.map((g) => rank[g.severity])].sort());
    expect(list.shown[0].severity).toBe('error');
  });

  it('regression (defect 11: dismissed groups were counted): dismissed groups are neither counted nor listed unless asked', () => {
    const seed = parseSeed(SEED_2023);
    seed.tables[0].rows[0].leaders = ['吴敬雨'];
    const first = validateRecords({ tables: seed.tables, index, scope: 'names' });
    const key = first.groups.find((g) => g.value === '吴敬雨')!.key;
    const v = validateRecords({ tables: seed.tables, index, scope: 'names', dismissed: [key] });
    expect(v.summary.groups).toBe(first.summary.groups - 1);
    expect(v.summary.errors).toBe(first.summary.errors - 1);
    expect(pickShownGroups(v).shown.some((g) => g.key === key)).toBe(false);
    expect(pickShownGroups(v).total).toBe(first.groups.length - 1);
    expect(pickShownGroups(v, { showDismissed: true }).shown.at(-1)?.key).toBe(key);
  });

  it('regression (defect 11: spaces before/after a name, full-width included, were no finding): a name typed into the sheet with edge spaces is name-padded', async () => {
    const seed = parseSeed(SEED_2023);
    const host = createMemoryHost();
    await writePlan(host, buildWorkbookPlan({ results: [seed] }));
    const data = await readHostRecords(host);
    const col = data.layout!.columns['主要工作'];
    const [leader, unit] = [data.tables[0].rows[0].leaders[0], data.tables[0].rows[1].leadUnits[0]];
    await host.apply([
      { op: 'writeValues', sheet: '主要工作', start: `${col.leaders}2`, values: [[` ${leader}`]] },
      { op: 'writeValues', sheet: '主要工作', start: `${col.leaders}3`, values: [[`${leader}\u3000`]] },
      { op: 'writeValues', sheet: '主要工作', start: `${col.leadUnits}3`, values: [[`\u3000${unit}`]] },
    ]);
    const after = await readHostRecords(host);
    const v = validateRecords({ tables: after.tables, layout: after.layout, index, scope: 'names' });
    const padded = v.findings.filter((f) => f.code === 'name-padded').map((f) => [f.value, f.cell, f.suggestions?.[0]?.value]);
    expect(padded).toEqual(
      expect.arrayContaining([
        [` ${leader}`, `'主要工作'!${col.leaders}2`, leader],
        [`${leader}\u3000`, `'主要工作'!${col.leaders}3`, leader],
        [`\u3000${unit}`, `'主要工作'!${col.leadUnits}3`, unit],
      ]),
    );
    expect(v.findings.find((f) => f.value === ` ${leader}`)?.message).toContain('前后有空格');
  });
});
