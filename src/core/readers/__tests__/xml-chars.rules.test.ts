/** scanXmlForbidden (the code-unit scan the normaliser runs on every record) answers as hasXmlForbidden. */
import { hasXmlForbidden, scanXmlForbidden } from '../xml-chars.rules';

describe('scanXmlForbidden answers as hasXmlForbidden', () => {
  // Every boundary of the forbidden classes, plus surrogate halves alone, paired, reversed and at either end.
  const units = [0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x41, 0x4e2d, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xfffe, 0xffff];
  const samples: string[] = ['', '综合指标', 'a\tb\nc\r', '😀', '😀😀', '\ud83d', '\ude00', '\ude00\ud83d', 'x\ud83d', '\ude00x', '\ud83d\ud83d\ude00', '\ud83d\ude00\ude00'];
  for (const a of units) {
    samples.push(String.fromCharCode(a), `前${String.fromCharCode(a)}后`);
    for (const b of units) samples.push(String.fromCharCode(a, b), `x${String.fromCharCode(a, b)}`);
  }

  it('on every one- and two-unit text of the class boundaries and on mixed texts', () => {
    const differ = samples.filter((s) => scanXmlForbidden(s) !== hasXmlForbidden(s));
    expect(differ).toEqual([]);
    // The samples hold both answers, so the comparison can fail either way.
    expect(samples.some((s) => scanXmlForbidden(s))).toBe(true);
    expect(samples.some((s) => !scanXmlForbidden(s))).toBe(true);
  });

  it('a pair is allowed, a lone half at either end is not', () => {
    expect(scanXmlForbidden('任务😀')).toBe(false);
    expect(scanXmlForbidden('任务\ud83d')).toBe(true);
    expect(scanXmlForbidden('\ude00任务')).toBe(true);
    expect(scanXmlForbidden('\uffff')).toBe(true);
    expect(scanXmlForbidden('\u000b')).toBe(true);
  });
});
