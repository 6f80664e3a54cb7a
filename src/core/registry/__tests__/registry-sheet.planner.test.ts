import { loadDefaultRegistry } from '../default-registry.loader';
import { serialiseRegistry } from '../registry-json.codec';
import { buildRegistrySheets, readRegistryFromUsedRanges, registryFromSheetRows, REGISTRY_SHEETS } from '../registry-sheet.planner';
import type { CellValue } from '../../sheet/cell-value';
import type { SheetPlan } from '../../workbook/plan.model';

/** What a spreadsheet shows: preamble rows, the header row, then the data rows (as text). */
function asShown(plan: SheetPlan): string[][] {
  const show = (v: CellValue) => (v === null ? '' : typeof v === 'object' ? ('date' in v ? v.date : '') : String(v));
  return [...(plan.preamble ?? []).map((p) => [p]), plan.columns.map((c) => c.header), ...plan.rows.map((r) => r.map(show))];
}

describe('名录 sheets', () => {
  const registry = loadDefaultRegistry();
  const sheets = buildRegistrySheets(registry);

  it('has the leaders and units as two Excel tables', () => {
    expect(sheets.map((s) => [s.name, s.table?.name])).toEqual([
      [REGISTRY_SHEETS.leaders, '领导'],
      [REGISTRY_SHEETS.units, '单位'],
    ]);
    expect(sheets[0].rows).toHaveLength(registry.leaders.length);
    expect(sheets[1].validations?.[0].list).toContain('泛指');
  });

  it('round-trips the registry through the sheet rows', () => {
    const back = registryFromSheetRows({ leaders: asShown(sheets[0]), units: asShown(sheets[1]) });
    expect(serialiseRegistry(back)).toBe(serialiseRegistry(registry));
  });

  it('reads edits a user made in Excel (extra spaces, commas, a new row, blank rows)', () => {
    const leaders = asShown(sheets[0]);
    const units = asShown(sheets[1]);
    leaders.push(['', '', '', '', ''], [' 新领导 ', '副市长', '2024', '发改委，财政局', '']);
    const back = readRegistryFromUsedRanges([
      { sheet: REGISTRY_SHEETS.leaders, address: 'A1', values: leaders, merges: [] },
      { sheet: REGISTRY_SHEETS.units, address: 'A1', values: units, merges: [] },
    ]);
    expect(back?.leaders.at(-1)).toEqual({ name: '新领导', title: '副市长', years: [2024], oversees: ['发改委', '财政局'], aliases: [] });
    expect(back?.city).toBe('太仓市');
  });

  it('keeps an alias with an enumeration comma inside brackets whole', () => {
    const r = { ...registry, units: [{ name: '各镇', aliases: ['各镇（区、街道）', '镇区'], abbreviations: [], kind: 'generic' as const, years: [], renamedFrom: [], fullName: '' }] };
    const [l, u] = buildRegistrySheets(r);
    expect(registryFromSheetRows({ leaders: asShown(l), units: asShown(u) }).units[0].aliases).toEqual(['各镇（区、街道）', '镇区']);
  });

  it('shows proposals on their own sheet', () => {
    const withProposal = { ...registry, proposals: [{ kind: 'merge' as const, nameKind: 'unit' as const, names: ['资源规划局', '资规局'], reason: 'renamed', score: 0.9, note: '请核实' }] };
    const all = buildRegistrySheets(withProposal);
    expect(all.map((s) => s.name)).toContain(REGISTRY_SHEETS.proposals);
  });

  it('returns null when the workbook has no registry sheets', () => {
    expect(readRegistryFromUsedRanges([{ sheet: '主要工作', address: 'A1', values: [], merges: [] }])).toBeNull();
  });
});
