import { decodeText, decodeTextWithEncoding } from '../text-decode';
import { encodeGb18030, encodeUtf16, encodeUtf8 } from './encode-text';
import { readTextDocument } from '../text.reader';
import { readDocument } from '../document.reader';
import { sniffKind } from '../format-sniffer';

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

describe('bad bytes in a UTF-8 file (issue 17)', () => {
  const line = '\t综合指标\t地区生产总值\t增长5%左右\t吴敬宇\t发改委\n';

  it('regression (one bad byte after 64 KB read as GB18030 mojibake): the file stays UTF-8, the byte is a warning with its offset and line', () => {
    const head = encodeUtf8(line.repeat(1500));
    expect(head.length).toBeGreaterThan(64 * 1024);
    const tail = encodeUtf8(`最后一行${line}`);
    const bytes = new Uint8Array([...head, 0xff, ...tail]);
    const decoded = decodeTextWithEncoding(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.endsWith(`\uFFFD最后一行${line}`)).toBe(true);
    expect(decoded.badBytes).toEqual([{ offset: head.length, line: 1501 }]);
    const doc = readTextDocument(bytes);
    expect(doc.warnings[0]).toMatchObject({ code: 'text-encoding-error', severity: 'warning', value: `${head.length}@1501` });
    expect(doc.warnings[0].message).toContain('第 1501 行');
  });

  it('readDocument passes the warning on (the sniffer still takes the file for text)', async () => {
    const bytes = new Uint8Array([...encodeUtf8(line.repeat(1500)), 0xc3, 0x28, ...encodeUtf8(line)]);
    const doc = await readDocument(bytes, 'notice.txt');
    expect(doc.format).toBe('text');
    expect(doc.warnings.map((w) => w.code)).toContain('text-encoding-error');
    expect(JSON.stringify(doc.grids).split('地区生产总值').length).toBeGreaterThan(1500);
  });

  it('a GB18030 file is still GB18030, with no warning', () => {
    const bytes = encodeGb18030(line.repeat(50));
    const decoded = decodeTextWithEncoding(bytes);
    expect([decoded.encoding, decoded.badBytes]).toEqual(['gb18030', undefined]);
    expect(readTextDocument(bytes).warnings.map((w) => w.code)).not.toContain('text-encoding-error');
  });

  it('regression (a bad byte within the first 64 KB made the sniffer call a UTF-8 file binary): read as UTF-8 text with the byte\'s offset and line', async () => {
    const head = encodeUtf8(line.repeat(20));
    const bytes = new Uint8Array([...head, 0xff, ...encodeUtf8(line.repeat(20))]);
    expect(sniffKind(bytes)).toBe('text');
    const doc = await readDocument(bytes, 'notice.txt');
    expect(doc.format).toBe('text');
    const warning = doc.warnings.find((w) => w.code === 'text-encoding-error');
    expect(warning).toMatchObject({ severity: 'warning', value: `${head.length}@21` });
    expect(warning?.message).toContain('第 21 行');
    expect(JSON.stringify(doc.grids).split('地区生产总值').length - 1).toBe(40);
  });

  it('regression (a bad byte within the first 64 KB of a mostly-ASCII UTF-8 file read it as GB18030): UTF-8 with a warning', () => {
    const ascii = 'No.\tGDP\t5%\tfgw\n'.repeat(200);
    const head = encodeUtf8(`${ascii}地区生产总值\n`);
    const bytes = new Uint8Array([...head, 0xfe, 0xff, ...encodeUtf8(ascii)]);
    expect(sniffKind(bytes)).toBe('text');
    const decoded = decodeTextWithEncoding(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('地区生产总值\n\uFFFD\uFFFDNo.');
    expect(decoded.badBytes).toEqual([{ offset: head.length, line: 202 }, { offset: head.length + 1, line: 202 }]);
  });

  it('binary garbage is still binary, and GB18030 still GB18030', () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    expect(sniffKind(garbage)).toBe('binary');
    expect(decodeTextWithEncoding(encodeGb18030(line.repeat(3000))).encoding).toBe('gb18030');
  });
});
