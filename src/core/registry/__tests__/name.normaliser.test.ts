import { isPadded, localPrefixVariants, normaliseName, stripCity } from '../name.normaliser';
import { isAbbreviationOf, splitSuffix } from '../abbreviation';
import { deletionKeys, editDistanceAtMost1, shapeKey } from '../near-form';

describe('normaliseName', () => {
  it.each([
    ['张  顺', '张顺'],
    ['张\u3000顺', '张顺'],
    ['  张展    ', '张展'],
    ['各镇（区、街道）', '各镇(区、街道)'],
    ['各镇[区]', '各镇(区)'],
    ['各镇〔区〕', '各镇(区)'],
    ['阿不都・热合曼', '阿不都·热合曼'],
    ['阿不都 • 热合曼', '阿不都·热合曼'],
    ['ＡＢＣ集团', 'ABC集团'],
    ['发改委、', '发改委'],
    ['\u200b发改委', '发改委'],
    ['Smith John', 'Smith John'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const raw of ['张  顺', '各镇（区、街道）', '阿不都・热合曼']) expect(normaliseName(normaliseName(raw))).toBe(normaliseName(raw));
  });

  it('tells padded names', () => {
    expect(isPadded('张  顺')).toBe(true);
    expect(isPadded(' 张顺 ')).toBe(false);
  });
});

describe('stripCity', () => {
  it.each([
    ['太仓市发展和改革委员会', '发展和改革委员会'],
    ['中共太仓市委宣传部', '宣传部'],
    ['太仓海关', '海关'],
    ['太仓市', '太仓市'],
    ['苏州市太仓生态环境局', '苏州市太仓生态环境局'],
  ])('%s → %s', (name, expected) => {
    expect(stripCity(name, '太仓市')).toBe(expected);
  });
});

describe('abbreviations and near forms', () => {
  it('splits suffix classes', () => {
    expect(splitSuffix('发展和改革委员会')).toEqual({ stem: '发展和改革', cls: '委' });
    expect(splitSuffix('发改委')).toEqual({ stem: '发改', cls: '委' });
    expect(splitSuffix('残疾人联合会')).toEqual({ stem: '残疾人', cls: '联' });
  });

  it.each([
    ['资规局', '自然资源和规划局', true],
    ['发改委', '发展和改革委员会', true],
    ['残联', '残疾人联合会', true],
    ['发改局', '发展和改革委员会', false],
    ['规资局', '自然资源和规划局', false],
    ['财政局', '财政局', false],
  ])('%s abbreviates %s: %s', (short, long, expected) => {
    expect(isAbbreviationOf(short, long)).toBe(expected);
  });

  it('uses deletion keys and look-alike shapes', () => {
    expect(deletionKeys('吴敬宇')).toEqual(['吴敬宇', '敬宇', '吴宇', '吴敬']);
    expect(editDistanceAtMost1('吴敬宇', '吴敬字')).toBe(true);
    expect(editDistanceAtMost1('吴敬宇', '吴宇')).toBe(true);
    expect(editDistanceAtMost1('吴敬宇', '郑丙华')).toBe(false);
    expect(shapeKey('吳敬宇')).toBe(shapeKey('吴敬宇'));
  });
});

describe('localPrefixVariants', () => {
  it.each([
    ['市发改委', ['发改委']],
    ['市委宣传部', ['宣传部', '委宣传部']],
    ['太仓市公安局', ['公安局']],
    ['市民政局', ['民政局']],
    ['发改委', []],
  ])('%s → %j', (name, expected) => {
    expect(localPrefixVariants(name, '太仓市').sort()).toEqual([...expected].sort());
  });
});
