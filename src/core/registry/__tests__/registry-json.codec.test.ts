import { parseRegistryJson, serialiseRegistry } from '../registry-json.codec';
import { makeRegistry } from './registry.fixture';

describe('registry JSON', () => {
  it('round-trips', () => {
    const registry = makeRegistry();
    const text = serialiseRegistry(registry);
    const back = parseRegistryJson(text);
    expect(serialiseRegistry(back)).toBe(text);
    expect(back.units.find((u) => u.name === '资源规划局')?.renamedFrom).toEqual(['资规局']);
    expect(back.leaders).toHaveLength(registry.leaders.length);
  });

  it.each([
    ['not json', '{'],
    ['no arrays', '{"version":1}'],
    ['bad kind', '{"leaders":[],"units":[{"name":"x","kind":"planet"}]}'],
    ['empty name', '{"leaders":[{"name":" "}],"units":[]}'],
    ['duplicate', '{"leaders":[{"name":"a"},{"name":"a"}],"units":[]}'],
    ['bad years', '{"leaders":[{"name":"a","years":["2021"]}],"units":[]}'],
    ['future version', '{"version":9,"leaders":[],"units":[]}'],
  ])('refuses %s with registry-invalid', (_label, text) => {
    expect(() => parseRegistryJson(text)).toThrow(expect.objectContaining({ code: 'registry-invalid' }));
  });

  it('accepts a BOM and fills missing optional arrays', () => {
    const back = parseRegistryJson('\ufeff{"leaders":[{"name":"甲"}],"units":[{"name":"乙局"}]}');
    expect(back.leaders[0]).toEqual({ name: '甲', years: [], oversees: [], aliases: [] });
    expect(back.units[0].kind).toBe('department');
  });
});
