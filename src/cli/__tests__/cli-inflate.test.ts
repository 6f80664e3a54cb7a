/** The CLI's native inflater in the core's zip reader: the same bytes as fflate, the same zip-bomb and bad-data codes. */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { isFenjieError, readInput } from '../../core/index';
import { openZip, readZipEntries } from '../../core/testing';
import { nativeInflater, outputChunkSize } from '../cli-inflate';

const FIXTURES = path.join(__dirname, '../../../test/fixtures');

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return isFenjieError(error) ? error.code : `not coded: ${String(error)}`;
  }
}

describe('nativeInflater (node:zlib) in the zip reader', () => {
  const big = '<x>' + ' '.repeat(100000) + '</x>';
  const zip = zipSync({ 'a.xml': strToU8('<a>1</a>'), 'big.xml': [strToU8(big), { level: 9 }], 'stored.txt': [strToU8('kept as is'), { level: 0 }] });

  it('inflates every entry to the same bytes as fflate', () => {
    const ours = readZipEntries(zip, () => true, {}, nativeInflater);
    const fflate = readZipEntries(zip, () => true);
    expect([...ours.keys()]).toEqual(['a.xml', 'big.xml', 'stored.txt']);
    for (const [name, bytes] of fflate) expect(Buffer.from(ours.get(name) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect(new TextDecoder().decode(ours.get('big.xml'))).toBe(big);
  });

  it('stops at maxOutputLength: the archive budget gives zip-too-large, the ratio cap zip-bomb', () => {
    expect(codeOf(() => readZipEntries(zip, ['big.xml'], { maxInflatedBytes: 50000 }, nativeInflater))).toBe('zip-too-large');
    expect(codeOf(() => readZipEntries(zip, ['big.xml'], { ratioFloorBytes: 1000, maxRatio: 20 }, nativeInflater))).toBe('zip-bomb');
    // The budget is for the whole archive: the second entry gets what the first left.
    expect(codeOf(() => readZipEntries(zip, ['big.xml', 'a.xml'], { maxInflatedBytes: 100007 }, nativeInflater))).toBe('zip-too-large');
    expect(codeOf(() => readZipEntries(zip, ['big.xml', 'a.xml'], { maxInflatedBytes: 100015 }, nativeInflater))).toBeNull();
  });

  it('turns broken deflate data into zip-invalid', () => {
    const broken = zip.slice();
    const entry = openZip(broken).entries.find((e) => e.name === 'big.xml');
    const at = (entry?.localHeaderOffset ?? 0) + 30 + 'big.xml'.length;
    broken.fill(0xff, at, at + 40);
    expect(codeOf(() => readZipEntries(broken, ['big.xml'], {}, nativeInflater))).toBe('zip-invalid');
  });

  it.each(['notice-2023.docx', 'families/f1-tasks-other-columns.xlsx', 'families/f4-list-form.docx'])('reads %s to the same records as fflate', async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
    const native = await readInput(bytes, name, { inflater: nativeInflater });
    expect(native.result.tables.length).toBeGreaterThan(0);
    expect(JSON.stringify(native)).toBe(JSON.stringify(await readInput(bytes, name)));
  });

  /** The archive with the size big.xml declares in its central directory replaced by `size`. */
  function declaring(size: number): Uint8Array {
    const copy = zip.slice();
    const view = new DataView(copy.buffer);
    for (let p = copy.length - 22; p >= 0; p--) {
      if (view.getUint32(p, true) === 0x02014b50 && new TextDecoder().decode(copy.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))) === 'big.xml') {
        view.setUint32(p + 24, size, true);
        return copy;
      }
    }
    throw new Error('no central record for big.xml');
  }

  it('sizes its one output buffer from the declared size, bounded by the cap', () => {
    expect(outputChunkSize(undefined, 1 << 20)).toBe(16 * 1024);
    expect(outputChunkSize(100, 1 << 20)).toBe(16 * 1024);
    expect(outputChunkSize(100000, 1 << 20)).toBe(100001);
    expect(outputChunkSize(5e9, 1 << 20)).toBe((1 << 20) + 1);
  });

  it('inflates the same bytes, and keeps the caps, whatever size the archive declares (a lying size is only a hint)', () => {
    for (const size of [0, 10, 100006, 100007, 100008, 5_000_000]) {
      const out = readZipEntries(declaring(size), ['big.xml'], {}, nativeInflater).get('big.xml') as Uint8Array;
      expect(new TextDecoder().decode(out)).toBe(big);
      // A size that said far more than came out is not kept as a buffer of that size.
      expect(out.buffer.byteLength).toBeLessThan(2 * 100007 + 2);
      expect(codeOf(() => readZipEntries(declaring(size), ['big.xml'], { maxInflatedBytes: 50000 }, nativeInflater))).toBe('zip-too-large');
      expect(codeOf(() => readZipEntries(declaring(size), ['big.xml'], { ratioFloorBytes: 1000, maxRatio: 20 }, nativeInflater))).toBe('zip-bomb');
    }
  });
});
