import { strToU8, zipSync } from 'fflate';
import { hasDoctype, openZip, readZipEntries } from '../zip.reader';
import { codeOf } from './error-code';

describe('zip reader', () => {
  const zip = zipSync({ 'a.xml': strToU8('<a>1</a>'), 'b/c.txt': strToU8('hello'), 'big.xml': [strToU8('<x>' + ' '.repeat(100000) + '</x>'), { level: 9 }] });

  it('reads only the wanted entries, case-insensitively by name', () => {
    const out = readZipEntries(zip, ['A.xml', 'missing.xml']);
    expect([...out.keys()]).toEqual(['a.xml']);
    expect(new TextDecoder().decode(out.get('a.xml'))).toBe('<a>1</a>');
    expect([...readZipEntries(zip, (n) => n.startsWith('b/')).keys()]).toEqual(['b/c.txt']);
  });

  it('counts the bytes actually inflated, not the declared size', () => {
    const lying = zip.slice();
    const archive = openZip(lying);
    const big = archive.entries.find((e) => e.name === 'big.xml');
    expect(big).toBeDefined();
    // Patch the declared sizes in both headers to 10 bytes: the cap must still hold.
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && new TextDecoder().decode(lying.subarray(i + 46, i + 53)) === 'big.xml') view.setUint32(i + 24, 10, true);
    }
    expect(codeOf(() => readZipEntries(lying, ['big.xml'], { maxInflatedBytes: 50000 }))).toBe('zip-too-large');
    expect(codeOf(() => readZipEntries(lying, ['big.xml'], { ratioFloorBytes: 1000, maxRatio: 20 }))).toBe('zip-bomb');
    expect(readZipEntries(lying, ['big.xml']).get('big.xml')?.length).toBe(100007);
  });

  it('regression (duplicate zip part names accepted, the first winning): two entries with one name (case-insensitive) are zip-invalid', () => {
    const bytes = zipSync({ 'word/a.xml': strToU8('<a>first</a>'), 'word/b.xml': strToU8('<a>second</a>') });
    // Rename the second entry to the first one's name, differing only in case, in both headers.
    const patched = Buffer.from(bytes);
    for (let at = patched.indexOf('word/b.xml'); at >= 0; at = patched.indexOf('word/b.xml', at + 1)) patched.write('WORD/A.xml', at);
    expect(codeOf(() => openZip(new Uint8Array(patched)))).toBe('zip-invalid');
    expect(openZip(bytes).entries).toHaveLength(2);
  });

  it('tells a truncated zip from one that is not a zip', () => {
    expect(codeOf(() => openZip(zip.subarray(0, zip.length - 30)))).toBe('file-truncated');
    expect(codeOf(() => openZip(strToU8('not a zip at all, just some words here')))).toBe('zip-invalid');
  });

  it('refuses an XML part with a DOCTYPE', () => {
    const bad = zipSync({ 'x.xml': strToU8('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>') });
    expect(codeOf(() => readZipEntries(bad, ['x.xml']))).toBe('xml-doctype');
    expect(hasDoctype('<a><![CDATA[<!DOCTYPE x>]]></a>')).toBe(false);
  });

  it('refuses unsupported compression methods', () => {
    const stored = zipSync({ 'a.xml': [strToU8('<a/>'), { level: 0 }] });
    stored[8] = 12; // bzip2 in the local header
    const view = new DataView(stored.buffer);
    for (let i = 0; i < stored.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) stored[i + 10] = 12;
    expect(codeOf(() => readZipEntries(stored, ['a.xml']))).toBe('zip-unsupported');
  });
});
