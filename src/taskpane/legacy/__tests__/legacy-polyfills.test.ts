import { decodeUtf8 } from '../legacy-polyfills';
import { freeSheetName } from '../legacy-values';

describe('the IE11 TextDecoder stand-in', () => {
  it('decodes UTF-8 as the platform does, including 4-byte and malformed sequences', () => {
    const samples = ['分解落实表 2023', 'a\u00e9\u4e2d\ud83d\ude00z', ''];
    for (const text of samples) expect(decodeUtf8(new TextEncoder().encode(text), true)).toBe(text);
    const bad = new Uint8Array([0x61, 0xe4, 0xb8, 0x62, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0xe0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe4]);
    expect(decodeUtf8(bad, false)).toBe(new TextDecoder('utf-8').decode(bad));
    expect(() => decodeUtf8(bad, true)).toThrow(TypeError);
  });
});

describe('freeSheetName', () => {
  it('never reuses a sheet name (Excel compares names case-insensitively)', () => {
    expect(freeSheetName('主要工作', ['Sheet1'])).toBe('主要工作');
    expect(freeSheetName('Tasks', ['tasks', 'Tasks(2)'])).toBe('Tasks(3)');
  });
});
