import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { nativeCompressor } from '../../../cli/cli-xlsx';
import { crc32, fflateCompressor, ZipPackage, type Compressor } from '../zip-package.writer';

/** Python's zipfile checks every entry's CRC-32 and sizes; prints None when all are right. */
function testzip(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-zip-')), 'a.zip');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('/usr/bin/python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', file], { encoding: 'utf8' }).trim();
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe.each<[string, Compressor]>([
  ['fflate', fflateCompressor()],
  ['native zlib', nativeCompressor()],
])('ZipPackage with %s', (_, compressor) => {
  it('writes parts from text and from bytes, in pieces, with right CRCs and sizes', () => {
    const zip = new ZipPackage(compressor);
    zip.add('a.xml', '<a>文字</a>');
    const big = zip.open('big.xml');
    const text = '<r>行</r>'.repeat(100000);
    big.write(text.slice(0, 300000));
    big.writeBytes(new TextEncoder().encode(text.slice(300000)));
    big.end();
    // Regression: a part written only through writeBytes ended with an empty piece whose CRC Node's zlib.crc32 gave as 0.
    const bytesOnly = zip.open('bytes.xml');
    bytesOnly.writeBytes(new TextEncoder().encode('<b>字节</b>'));
    bytesOnly.end();
    zip.add('empty.xml', '');
    const out = zip.finish();
    expect(testzip(out)).toBe('None');
    const files = unzipSync(out);
    expect(Object.keys(files)).toEqual(['a.xml', 'big.xml', 'bytes.xml', 'empty.xml']);
    expect(strFromU8(files['big.xml'])).toBe(text);
    expect(strFromU8(files['bytes.xml'])).toBe('<b>字节</b>');
  });
});

it('computes the zip CRC-32 (check value of "123456789")', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new TextEncoder().encode('6789'), crc32(new TextEncoder().encode('12345')))).toBe(0xcbf43926);
});
