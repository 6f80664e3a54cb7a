import { pinyin } from 'pinyin-pro';
import { createRegistryIndex } from '../../registry/registry-index.builder';
import type { PinyinFn } from '../../registry/pinyin-keys.builder';
import { makeRegistry } from '../../registry/__tests__/registry.fixture';
import { task, tasksTable } from '../../registry/__tests__/tables.fixture';
import { summariseFindings, validateTables } from '../validate';
import { applyDecision, applyRegistryNames, groupFindings } from '../finding-groups';

const index = createRegistryIndex(makeRegistry(), { pinyin: pinyin as unknown as PinyinFn });

describe('validateTables', () => {
  it('finds nothing in a clean table', () => {
    const table = tasksTable(2023, [task(['吴敬宇'], ['发改委'], ['住建局'], 'x'), task(['郑丙华'], ['住建局'], [], 'y')]);
    expect(validateTables([table], index)).toEqual([]);
  });

  it('reports each kind of clerk error with the right code and first suggestion', () => {
    const table = tasksTable(2023, [
      task(['张舜'], ['资源规划局'], [], 'a'),
      task(['吴敬宇'], ['太仓市发展和改革委员会'], [], 'b'),
      task(['吴敬宇郑丙华'], ['住建局'], [], 'c'),
      task(['李四'], ['发改委'], [], 'd'),
      task(['吴敬宇'], ['退役军人局'], ['农业', '农村局'], 'e'),
      task(['吴敬宇'], ['发改委', '住建'], ['火星局'], 'f'),
    ]);
    const findings = validateTables([table], index, { scope: 'names' });
    const at = (row: number, value: string) => findings.find((f) => f.row === row && f.value === value);
    expect(at(0, '张舜')).toMatchObject({ code: 'leader-homophone', severity: 'error', suggestions: [expect.objectContaining({ value: '张顺' })] });
    expect(at(1, '太仓市发展和改革委员会')).toMatchObject({ code: 'unit-alias', severity: 'info' });
    expect(at(1, '太仓市发展和改革委员会')?.suggestions?.[0].value).toBe('发改委');
    expect(at(2, '吴敬宇郑丙华')).toMatchObject({ code: 'name-split', suggestions: [expect.objectContaining({ value: '吴敬宇、郑丙华' })] });
    expect(at(3, '李四')).toMatchObject({ code: 'leader-unknown', severity: 'error' });
    expect(at(4, '退役军人局')).toMatchObject({ code: 'unit-abbreviation' });
    expect(at(4, '农业')).toMatchObject({ code: 'name-joined', suggestions: [expect.objectContaining({ value: '农业农村局' })] });
    expect(at(4, '农村局')).toBeUndefined();
    expect(at(5, '火星局')).toMatchObject({ code: 'unit-unknown', severity: 'error' });
    expect(summariseFindings(findings).errors).toBeGreaterThanOrEqual(3);
  });

  it('reports required-empty and duplicate tasks', () => {
    const table = tasksTable(2023, [task([], [], [], 'same'), task(['吴敬宇'], ['发改委'], [], 'same')]);
    const codes = validateTables([table], index, { scope: 'names' }).map((f) => f.code);
    expect(codes.filter((c) => c === 'required-empty')).toHaveLength(2);
    expect(codes).toContain('duplicate-task');
  });

  it('flags a lead unit overseen by a leader not on the task', () => {
    const table = tasksTable(2023, [task(['郑丙华'], ['发改委'])]);
    expect(validateTables([table], index)).toContainEqual(expect.objectContaining({ code: 'leader-unit-mismatch', row: 0 }));
  });

  it('sets the cell address through the layout callback', () => {
    const table = tasksTable(2023, [task(['李四'], ['发改委'])]);
    const [f] = validateTables([table], index, { scope: 'names', cellAddress: (_t, r, field) => `'主要工作'!${field === 'leaders' ? 'F' : 'G'}${r + 2}` });
    expect(f.cell).toBe("'主要工作'!F2");
  });

  it('reports leaders and units of another year as changes, not unknowns', () => {
    const table = tasksTable(2019, [task(['李四'], ['发改委']), task(['吴敬宇'], ['自规局'])]);
    const findings = validateTables([table], index);
    expect(findings.find((f) => f.value === '李四')).toMatchObject({ code: 'leader-changed', severity: 'warning' });
    expect(findings.find((f) => f.value === '自规局')).toMatchObject({ code: 'unit-renamed', suggestions: [expect.objectContaining({ value: '资源规划局' })] });
    expect(summariseFindings(findings).errors).toBe(0);
  });
});

describe('groups and decisions', () => {
  const table = tasksTable(2023, [task(['张舜'], ['发改委'], [], 'a'), task(['张舜', '吴敬宇'], ['发改委'], [], 'b'), task(['吴敬宇郑丙华'], ['住建局'], [], 'c')]);
  const findings = validateTables([table], index, { scope: 'names' });
  const groups = groupFindings(findings);

  it('makes one group for the same wrong value in many rows', () => {
    const g = groups.find((x) => x.value === '张舜');
    expect(g?.positions.map((p) => p.row)).toEqual([0, 1]);
    expect(groups.filter((x) => x.value === '张舜')).toHaveLength(1);
  });

  it('fixes every row with one decision, and splits run-together names', () => {
    const g = groups.find((x) => x.value === '张舜')!;
    const { tables, fixes } = applyDecision([table], g, '张顺');
    expect(tables[0].rows[0].leaders).toEqual(['张顺']);
    expect(tables[0].rows[1].leaders).toEqual(['张顺', '吴敬宇']);
    expect(fixes).toHaveLength(2);
    expect(table.rows[0].leaders).toEqual(['张舜']);
    const split = groups.find((x) => x.code === 'name-split')!;
    expect(applyDecision([table], split, split.suggestions[0].value).tables[0].rows[2].leaders).toEqual(['吴敬宇', '郑丙华']);
  });

  it('applies only certain registry names', () => {
    const t = tasksTable(2023, [task(['张  顺', '张舜'], ['资规局', '退役军人局'])]);
    const { tables, changes } = applyRegistryNames([t], index);
    expect(tables[0].rows[0].leaders).toEqual(['张顺', '张舜']);
    expect(tables[0].rows[0].leadUnits).toEqual(['资源规划局', '退役军人局']);
    expect(changes).toHaveLength(2);
  });
});

describe('ambiguous aliases', () => {
  it('asks which entry an alias shared by two units means', () => {
    const registry = makeRegistry();
    registry.units[0].aliases.push('综合办');
    registry.units[1].aliases.push('综合办');
    const local = createRegistryIndex(registry);
    const [f] = validateTables([tasksTable(2023, [task(['吴敬宇'], ['综合办'])])], local, { scope: 'names' });
    expect(f).toMatchObject({ code: 'unit-alias', severity: 'warning' });
    expect(f.suggestions?.map((s) => s.value).sort()).toEqual(['发改委', '财政局'].sort());
    expect(applyRegistryNames([tasksTable(2023, [task(['吴敬宇'], ['综合办'])])], local).changes).toEqual([]);
  });
});
