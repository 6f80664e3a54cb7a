import { STRINGS, formatString } from '../strings';

describe('task pane strings', () => {
  it('has an English string for every Chinese key, and none empty', () => {
    const zhKeys = Object.keys(STRINGS['zh-CN']).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(zhKeys);
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const [key, value] of Object.entries(STRINGS[lang])) expect([key, value.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const key of Object.keys(STRINGS['zh-CN']) as (keyof (typeof STRINGS)['en'])[]) {
      expect([key, placeholders(STRINGS.en[key])]).toEqual([key, placeholders(STRINGS['zh-CN'][key])]);
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(formatString('共 {n} 项，{x}', { n: 3 })).toBe('共 3 项，{x}');
  });

  it('mentions Office.js in the timeout message', () => {
    expect(STRINGS['zh-CN'].officeTimeout.startsWith('无法加载 Office.js')).toBe(true);
  });
});
