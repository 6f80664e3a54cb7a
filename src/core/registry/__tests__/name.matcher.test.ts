import { pinyin } from 'pinyin-pro';
import { createRegistryIndex } from '../registry-index.builder';
import { matchName } from '../name.matcher';
import type { PinyinFn } from '../pinyin-keys.builder';
import { makeRegistry } from './registry.fixture';

const index = createRegistryIndex(makeRegistry(), { pinyin: pinyin as unknown as PinyinFn });

function top(raw: string, kind: 'leader' | 'unit', ctx = {}) {
  return matchName(index, raw, kind, ctx)[0];
}

describe('matchName', () => {
  it('returns exact matches as certain with score 1', () => {
    expect(top('吴敬宇', 'leader')).toEqual({ value: '吴敬宇', score: 1, reason: 'exact', certain: true });
  });

  it.each([
    ['张  顺', '张顺'],
    [' 陈磊 ', '陈磊'],
    ['欧阳・明', '欧阳·明'],
    ['欧阳•明', '欧阳·明'],
  ])('normalises %s to %s (certain)', (raw, value) => {
    expect(top(raw, 'leader')).toMatchObject({ value, reason: 'normalised', certain: true });
  });

  it.each([
    ['吴敬宇副市长', '吴敬宇', 'leader'],
    ['吴敬宇（常务副市长）', '吴敬宇', 'leader'],
    ['郑丙华同志', '郑丙华', 'leader'],
    ['发改委（牵头）', '发改委', 'unit'],
  ] as const)('drops a title or note: %s → %s', (raw, value, kind) => {
    expect(top(raw, kind)).toMatchObject({ value, reason: 'normalised', certain: true });
  });

  it('keeps brackets that belong to the name', () => {
    expect(top('各镇（区）有关部门', 'unit')).toMatchObject({ value: '各镇（区）有关部门', reason: 'exact' });
  });

  it('normalises bracket forms of units', () => {
    expect(top('各镇(区)有关部门', 'unit')).toMatchObject({ value: '各镇（区）有关部门', reason: 'normalised', certain: true });
  });

  it.each([
    ['太仓市发展和改革委员会', '发改委'],
    ['发展和改革委员会', '发改委'],
    ['资规局', '资源规划局'],
    ['太仓市残疾人联合会', '残联'],
    ['市发改委', '发改委'],
    ['市公安局', '公安局'],
    ['太仓市公安局', '公安局'],
  ])('treats full names and old names as aliases: %s → %s', (raw, value) => {
    expect(top(raw, 'unit')).toMatchObject({ value, reason: 'alias', certain: true });
  });

  it.each([
    ['退役军人局', '退役军人事务局'],
    ['自规局', '资源规划局'],
    ['住房城乡建设局', '住建局'],
    ['农业局', '农业农村局'],
  ])('finds abbreviations %s → %s (not certain)', (raw, value) => {
    expect(top(raw, 'unit')).toMatchObject({ value, reason: 'abbreviation', certain: false });
  });

  it('finds homophones, same surname first', () => {
    expect(top('张舜', 'leader')).toMatchObject({ value: '张顺', reason: 'homophone', certain: false });
    expect(top('陈蕾', 'leader')).toMatchObject({ value: '陈磊', reason: 'homophone' });
    expect(top('郑炳华', 'leader')).toMatchObject({ value: '郑丙华', reason: 'homophone' });
  });

  it('prefers the homophone overseeing a unit of the same row', () => {
    const registry = makeRegistry();
    registry.leaders.push({ name: '张舜', years: [2023], oversees: ['公安局'], aliases: [] });
    const local = createRegistryIndex(registry, { pinyin: pinyin as unknown as PinyinFn });
    expect(matchName(local, '张瞬', 'leader', { units: ['资源规划局'] })[0].value).toBe('张顺');
    expect(matchName(local, '张瞬', 'leader', { units: ['公安局'] })[0].value).toBe('张舜');
  });

  it('finds near forms of three-character names and look-alike characters', () => {
    expect(top('吴敬字', 'leader')).toMatchObject({ value: '吴敬宇', reason: 'near-form' });
    expect(top('吳敬宇', 'leader')).toMatchObject({ value: '吴敬宇', reason: 'near-form' });
    expect(top('郑两华', 'leader')).toMatchObject({ value: '郑丙华' });
    expect(top('退役军人事物局', 'unit')).toMatchObject({ value: '退役军人事务局' });
  });

  it('splits names run together into known names', () => {
    expect(top('吴敬宇郑丙华', 'leader')).toMatchObject({ value: '吴敬宇、郑丙华', reason: 'split', certain: false });
    expect(top('吴敬宇 郑丙华', 'leader')).toMatchObject({ value: '吴敬宇、郑丙华', reason: 'split' });
    expect(top('发改委住建局', 'unit')).toMatchObject({ value: '发改委、住建局', reason: 'split' });
  });

  it('rejoins a name broken over lines using the next value', () => {
    expect(top('退役军人', 'unit', { next: '事务局' })).toMatchObject({ value: '退役军人事务局', reason: 'joined' });
  });

  it('suggests a same-surname leader overseeing the row’s unit as a last resort', () => {
    expect(matchName(index, '张屡', 'leader')).toEqual([]);
    expect(matchName(index, '张屡', 'leader', { units: ['教育局'] })[0]).toMatchObject({ value: '张展', reason: 'near-form', certain: false });
  });

  it('returns nothing for an unknown person', () => {
    expect(matchName(index, '李四', 'leader')).toEqual([]);
  });

  it('works without pinyin (no homophones, everything else)', () => {
    const bare = createRegistryIndex(makeRegistry());
    expect(matchName(bare, '张舜', 'leader')).toEqual([]);
    expect(matchName(bare, '资规局', 'unit')[0].value).toBe('资源规划局');
  });
});
