import { pinyin } from 'pinyin-pro';
import { initRegistry } from '../registry-init.builder';
import type { PinyinFn } from '../pinyin-keys.builder';
import { result, task, tasksTable } from './tables.fixture';

const py = pinyin as unknown as PinyinFn;

describe('initRegistry', () => {
  const older = tasksTable(2021, [
    task(['张顺'], ['资规局'], ['各有关镇（区）有关部门']),
    task(['张顺'], ['资规局', '住建局']),
    task(['吴敬宇', '张顺'], ['发改委']),
    task(['吴敬宇'], ['发改委']),
  ]);
  const newer = tasksTable(2023, [
    task(['张舜'], ['资源规划局']),
    task(['吴敬宇'], ['发改委'], ['住建局']),
    task(['吴敬宇郑丙华'], ['住建局']),
    task(['郑丙华'], ['住建局']),
  ]);
  const registry = initRegistry([result([older]), result([newer])], { pinyin: py });

  it('lists every name seen with its years and guesses kinds and the city', () => {
    expect(registry.city).toBe('太仓市');
    expect(registry.leaders.find((l) => l.name === '吴敬宇')?.years).toEqual([2021, 2023]);
    expect(registry.units.find((u) => u.name === '资规局')?.years).toEqual([2021]);
    expect(registry.units.find((u) => u.name === '各有关镇（区）有关部门')?.kind).toBe('generic');
    expect(registry.units.find((u) => u.name === '住建局')?.kind).toBe('department');
  });

  it('infers 分管 from co-occurrence on lead units', () => {
    expect(registry.leaders.find((l) => l.name === '吴敬宇')?.oversees).toEqual(['发改委']);
    expect(registry.leaders.find((l) => l.name === '张顺')?.oversees).toContain('资规局');
  });

  it('proposes merges (homophone, rename) without applying them', () => {
    const merges = registry.proposals?.filter((p) => p.kind === 'merge') ?? [];
    expect(merges).toContainEqual(expect.objectContaining({ nameKind: 'leader', names: ['张舜', '张顺'], reason: 'homophone' }));
    expect(merges).toContainEqual(expect.objectContaining({ nameKind: 'unit', names: ['资源规划局', '资规局'], reason: 'renamed' }));
    expect(registry.leaders.map((l) => l.name)).toEqual(expect.arrayContaining(['张舜', '张顺']));
  });

  it('proposes splitting names run together', () => {
    expect(registry.proposals).toContainEqual(expect.objectContaining({ kind: 'split', names: ['吴敬宇郑丙华', '吴敬宇', '郑丙华'] }));
  });
});
