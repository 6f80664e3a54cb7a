import { createRegistryIndex } from '../../registry/registry-index.builder';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { initRegistry } from '../../registry/registry-init.builder';
import { summariseFindings, validateTables } from '../validate';
import { groupFindings } from '../finding-groups';
import { parseSeed, py, SEED_2021, SEED_2023 } from './seeds.fixture';

const defaultIndex = createRegistryIndex(loadDefaultRegistry(), { pinyin: py });

describe.each([SEED_2023, SEED_2021])('seed %s', (seed) => {
  const result = parseSeed(seed);

  it('has no errors against the default registry', () => {
    expect(summariseFindings(validateTables(result.tables, defaultIndex)).errors).toBe(0);
  });

  it('has no errors against the registry built from itself', () => {
    const own = createRegistryIndex(initRegistry([result], { pinyin: py }), { pinyin: py });
    const findings = validateTables(result.tables, own);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => !['leader-unit-mismatch'].includes(f.code))).toEqual([]);
  });
});

describe('2021 seed against a registry built from the 2023 seed', () => {
  const r2023 = parseSeed(SEED_2023);
  const r2021 = parseSeed(SEED_2021);
  const index = createRegistryIndex(initRegistry([r2023], { pinyin: py }), { pinyin: py });
  const findings = validateTables(r2021.tables, index);
  const groups = groupFindings(findings);

  it('reports the renamed units as renamed, with the new name first', () => {
    expect(groups.find((g) => g.value === '资规局')).toMatchObject({ code: 'unit-renamed', suggestions: [expect.objectContaining({ value: '资源规划局' })] });
    expect(groups.find((g) => g.value === '退役军人局')).toMatchObject({ code: 'unit-renamed', suggestions: [expect.objectContaining({ value: '退役军人事务局' })] });
  });

  it('reports exactly the leaders who changed, as changes', () => {
    const leaders2023 = new Set(r2023.tables.flatMap((t) => t.rows.flatMap((r) => r.leaders)));
    const leaders2021 = new Set(r2021.tables.flatMap((t) => t.rows.flatMap((r) => r.leaders)));
    const gone = [...leaders2021].filter((l) => !leaders2023.has(l)).sort();
    const changed = groups.filter((g) => g.code === 'leader-changed').map((g) => g.value).sort();
    expect(changed).toEqual(gone);
    expect(gone.length).toBeGreaterThan(3);
  });

  it('raises no errors and one group per distinct value (no flood)', () => {
    expect(summariseFindings(findings).errors).toBe(0);
    const keys = groups.map((g) => `${g.code}|${g.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(groups.length).toBeLessThan(40);
  });
});
