import { loadDefaultRegistry } from '../default-registry.loader';
import { parseRegistryJson, serialiseRegistry } from '../registry-json.codec';

describe('default registry', () => {
  const registry = loadDefaultRegistry();

  it('is valid and round-trips through JSON', () => {
    expect(registry.city).toBe('太仓市');
    expect(serialiseRegistry(parseRegistryJson(serialiseRegistry(registry)))).toBe(serialiseRegistry(registry));
  });

  it('holds the leaders of both years', () => {
    const names = registry.leaders.map((l) => l.name);
    for (const n of ['吴敬宇', '胡卫江', '王莉萍', '张展', '祝真旭', '盛海峰', '傅玖', '郑丙华', '倪嘉臻', '陈磊']) expect(names).toContain(n);
    for (const n of ['汪香元', '许超震', '张顺', '韩飚', '邵建', '顾建康', '周强']) expect(names).toContain(n);
  });

  it('knows both years’ spellings of renamed units as one unit', () => {
    const rp = registry.units.find((u) => u.name === '资源规划局');
    expect(rp?.aliases).toContain('资规局');
    expect(rp?.fullName).toBe('太仓市自然资源和规划局');
    expect(registry.units.find((u) => u.name === '退役军人事务局')?.aliases).toContain('退役军人局');
  });

  it('only oversees units it lists, and generic units are marked', () => {
    const units = new Set(registry.units.map((u) => u.name));
    for (const l of registry.leaders) for (const u of l.oversees) expect(units).toContain(u);
    expect(registry.units.find((u) => u.name === '各有关镇（区）有关部门')?.kind).toBe('generic');
  });

  it('returns a fresh copy each time', () => {
    const a = loadDefaultRegistry();
    a.leaders.pop();
    expect(loadDefaultRegistry().leaders).toHaveLength(registry.leaders.length);
  });
});
