import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { createRegistryIndex } from '../../registry/registry-index.builder';
import { parseSeed, py, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import * as planner from '../../workbook/workbook.planner';
import { planImport } from '../import.flow';
import { chooseRegistry } from '../registry-source.flow';

jest.mock('../../workbook/workbook.planner', () => {
  const actual = jest.requireActual('../../workbook/workbook.planner');
  return { ...actual, buildWorkbookPlan: jest.fn(actual.buildWorkbookPlan) };
});

describe('import flow', () => {
  it('builds one plan with the registry sheets and findings at their cells', () => {
    const spy = planner.buildWorkbookPlan as jest.Mock;
    spy.mockClear();
    const seed = parseSeed(SEED_2023);
    seed.tables[0].rows[0].leaders = ['吴敬雨'];
    const choice = chooseRegistry({});
    const { plan, findings } = planImport({ inputs: [{ result: seed, state: null }], registry: { choice, index: createRegistryIndex(loadDefaultRegistry(), { pinyin: py }) }, today: '2023-06-01' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['主要工作', '民生实事', '修订记录', '统计', '校验', '分工明细', '名录']));
    const typo = findings.find((f) => f.value === '吴敬雨');
    expect(typo?.cell).toMatch(/^'主要工作'![A-Z]+2$/);
    const state = plan.sheets.find((s) => s.role === 'state')!;
    expect(state.preamble?.join('')).toContain('"registryChoice":"default"');
  });

  it('regression (a file with no table wrote empty sheets and reported success in the pane): refuses with a code', () => {
    expect(() => planImport({ inputs: [{ result: { ...parseSeed(SEED_2023), tables: [] }, state: null }] })).toThrow(expect.objectContaining({ code: 'convert-no-table' }));
  });

  it('without a registry: records, fixes and statistics only, the given state carried forward', () => {
    const { plan, findings } = planImport({ inputs: [{ result: parseSeed(SEED_2023), state: null }], state: { dismissedFindings: ['x'] } });
    expect(findings).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).toEqual(['主要工作', '民生实事', '修订记录', '统计', '_fenjie_state']);
    expect(plan.sheets.find((s) => s.role === 'state')?.preamble?.join('')).toContain('"dismissedFindings":["x"]');
  });
});
