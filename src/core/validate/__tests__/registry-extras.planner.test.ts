import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { createRegistryIndex } from '../../registry/registry-index.builder';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { buildRegistryExtras } from '../registry-extras.planner';
import { parseSeed, py, SEED_2021, SEED_2023 } from './seeds.fixture';

describe('buildRegistryExtras', () => {
  it('gives findings with workbook cells and every registry sheet, for several inputs', () => {
    const results = [parseSeed(SEED_2023), parseSeed(SEED_2021)];
    const layout = buildWorkbookPlan({ results }).layout;
    const { findings, sheets } = buildRegistryExtras({ results, index: createRegistryIndex(loadDefaultRegistry(), { pinyin: py }), today: '2023-06-30', layout });
    expect(sheets.map((s) => s.name)).toEqual(['校验', '分工明细', '单位工作量', '领导单位矩阵', '名录', '单位名录']);
    const alias = findings.find((f) => f.value === '资规局');
    expect(alias?.table).toBe(2);
    expect(alias?.cell).toMatch(/^'主要工作'!G\d+$/);
    const plan = buildWorkbookPlan({ results, findings, extraSheets: sheets });
    expect(plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['校验', '名录', '单位名录', '领导单位矩阵']));
  });
});
