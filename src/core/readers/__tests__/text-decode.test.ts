import { decodeText, decodeTextWithEncoding } from '../text-decode';
import { encodeGb18030, encodeUtf16, encodeUtf8 } from './encode-text';

const SAMPLE = '2023年政府各项主要工作分解落实表\n\t门类\n\t项   目\n\t负责人\n张  展\n太訸集团、各镇（区、街道）\n';

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeTextWithEncoding(encodeUtf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM', () => {
    expect(decodeText(encodeUtf8(SAMPLE, true))).toBe(SAMPLE);
  });

  it.each([
    ['le', true, 'utf-16le'],
    ['be', true, 'utf-16be'],
    ['le', false, 'utf-16le'],
    ['be', false, 'utf-16be'],
  ] as const)('reads UTF-16 %s (BOM %s)', (endian, bom, encoding) => {
    expect(decodeTextWithEncoding(encodeUtf16(SAMPLE, endian, bom))).toEqual({ text: SAMPLE, encoding });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeTextWithEncoding(encodeGb18030(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'gb18030' });
  });

  it('keeps a UTF-8 file cut off inside its last character as UTF-8', () => {
    const bytes = encodeUtf8(SAMPLE + '中');
    const decoded = decodeTextWithEncoding(bytes.subarray(0, bytes.length - 1));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith(SAMPLE)).toBe(true);
  });

  it('decodes damaged UTF-16 with a BOM loosely instead of failing', () => {
    const bytes = encodeUtf16('门类', 'le', true);
    expect(decodeTextWithEncoding(bytes.subarray(0, bytes.length - 1)).text.startsWith('门')).toBe(true);
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeText(encodeUtf8('a\r\n\tb\rc\n'))).toBe('a\n\tb\nc\n');
  });

  it('decodes empty input to an empty string', () => {
    expect(decodeText(new Uint8Array())).toBe('');
  });
});
