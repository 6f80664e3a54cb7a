/**
 * Homophone keys are built on first use (issue 15: `fenjie validate` on a seed spent a third of
 * its time loading pinyin-pro and reading every registry name in pinyin, and never needed either).
 */
import { pinyin } from 'pinyin-pro';
import { createRegistryIndex } from '../registry-index.builder';
import { matchName, matchSimilar } from '../name.matcher';
import type { PinyinFn } from '../pinyin-keys.builder';
import { loadDefaultRegistry } from '../default-registry.loader';
import { normaliseName } from '../name.normaliser';
import { makeRegistry } from './registry.fixture';

function countingPinyin(): { fn: PinyinFn; calls: () => number } {
  let calls = 0;
  const fn: PinyinFn = (word, options) => {
    calls++;
    return (pinyin as unknown as PinyinFn)(word, options);
  };
  return { fn, calls: () => calls };
}

describe('createRegistryIndex: homophone keys on first use', () => {
  it('reads no name in pinyin to build the index or to match names written right', () => {
    const counting = countingPinyin();
    const index = createRegistryIndex(makeRegistry(), { pinyin: counting.fn });
    expect(matchName(index, '吴敬宇', 'leader')[0]).toMatchObject({ value: '吴敬宇', reason: 'exact' });
    expect(matchName(index, '张  顺', 'leader')[0]).toMatchObject({ value: '张顺', reason: 'normalised' });
    expect(matchName(index, '太仓市财政局', 'unit')[0]).toMatchObject({ value: '财政局', certain: true });
    expect(counting.calls()).toBe(0);
    expect(index.leaders.homophone.size).toBe(0);
    expect(matchName(index, '张舜', 'leader')[0]).toMatchObject({ value: '张顺', reason: 'homophone' });
    expect(counting.calls()).toBeGreaterThan(0);
    expect(index.leaders.homophone.size).toBeGreaterThan(0);
    expect(index.units.homophone.size).toBeGreaterThan(0);
  });

  it('gives the same keys, in the same order, as reading every name up front', () => {
    const registry = loadDefaultRegistry();
    const lazy = createRegistryIndex(registry, { pinyin: pinyin as unknown as PinyinFn });
    matchSimilar(lazy, registry.units[0].name, 'unit');
    const reader = lazy.pinyin;
    expect(reader).not.toBeNull();
    const expected = new Map<string, string[]>();
    for (const unit of registry.units) {
      for (const key of reader?.keys(normaliseName(unit.name), false) ?? []) {
        const list = expected.get(key) ?? [];
        if (list[list.length - 1] !== unit.name) list.push(unit.name);
        expected.set(key, list);
      }
    }
    const got = new Map([...lazy.units.homophone].map(([key, entries]) => [key, entries.map((e) => e.name)]));
    expect(got).toEqual(expected);
  });

  it('keeps the forms of the registry as it was indexed, even if the registry is changed later', () => {
    const registry = makeRegistry();
    const index = createRegistryIndex(registry, { pinyin: pinyin as unknown as PinyinFn });
    const before = makeRegistry();
    before.leaders[2].aliases.push('李四');
    const withAlias = createRegistryIndex(before, { pinyin: pinyin as unknown as PinyinFn });
    expect(matchName(withAlias, '礼四', 'leader').map((s) => s.value)).toContain('张顺');
    registry.leaders[2].aliases.push('李四');
    expect(matchName(index, '礼四', 'leader').map((s) => s.value)).not.toContain('张顺');
  });
});
