import { parseSeed, SEED_2021, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { defaultRolloverYear, planRollover } from '../rollover.flow';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';

function both() {
  const a = parseSeed(SEED_2021);
  const b = parseSeed(SEED_2023);
  return { source: 'both', notice: a.notice, tables: [...a.tables, ...b.tables], fixes: [], warnings: [] };
}

describe('rollover flow', () => {
  it('regression (pane 219 vs CLI 88 rows): a workbook holding 2021 and 2023 rolls over its latest year only, in the pane as in the CLI', () => {
    const rolled = planRollover(both(), { year: 2024 });
    expect(rolled.fromYear).toBe(2023);
    expect(rolled.rollover.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', 2024, 88],
      ['projects', 2024, 22],
    ]);
  });

  it('regression (defaulted to the calendar year + 1): proposes the plan year + 1', () => {
    expect(defaultRolloverYear(parseSeed(SEED_2023).tables, new Date(2026, 11, 1))).toBe(2024);
    expect(defaultRolloverYear([], new Date(2026, 11, 1))).toBe(2027);
    expect(planRollover(parseSeed(SEED_2023)).year).toBe(2024);
  });

  it('regression (rollover --year 2020 of a 2023 plan accepted): refuses a year that is not later', () => {
    expect(() => planRollover(parseSeed(SEED_2023), { year: 2020 })).toThrow(expect.objectContaining({ code: 'rollover-year-not-later' }));
    expect(() => planRollover(parseSeed(SEED_2023), { year: 2023 })).toThrow(expect.objectContaining({ code: 'rollover-year-not-later' }));
    expect(() => planRollover({ ...parseSeed(SEED_2023), tables: [] }, { year: 2024 })).toThrow(expect.objectContaining({ code: 'rollover-no-table' }));
  });

  it('maps names with a registry and leaves them without', () => {
    const registry = loadDefaultRegistry();
    const seed = parseSeed(SEED_2021);
    const withRegistry = planRollover(seed, { year: 2022, registry });
    const without = planRollover(seed, { year: 2022 });
    expect(withRegistry.rollover.counts.namesMapped).toBeGreaterThan(0);
    expect(without.rollover.counts.namesMapped).toBe(0);
  });
});
