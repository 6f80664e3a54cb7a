/**
 * The zip caps tell a large honest document from a bomb (issue 17: a 250 MB legitimate document was
 * called a zip bomb). The caps are injectable: the rule is tested with small numbers, not 250 MB.
 */
import { strToU8, zipSync } from 'fflate';
import { readDocument } from '../document.reader';
import { DEFAULT_ZIP_LIMITS, openZip } from '../zip.reader';
import { makeDocx, p, tbl, tc, tr } from './make-docx';

/** A table of varied text, as real documents hold (it packs a few times, not hundreds). */
function honestDocx(rows: number): { bytes: Uint8Array; inflated: number } {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const word = (): string => String.fromCharCode(0x4e00 + (next() % 2000), 0x4e00 + (next() % 2000), 0x4e00 + (next() % 2000));
  const body = tbl([tr(['门类', '项目', '内容和要求', '负责人', '主要责任单位'].map((h) => tc(p(h)))), ...Array.from({ length: rows }, (_, i) => tr([tc(p('综合指标')), tc(p(`项目${i}`)), tc(p(Array.from({ length: 8 }, word).join(''))), tc(p('吴敬宇')), tc(p('发改委'))]))]);
  const bytes = makeDocx(body);
  const zip = openZip(bytes);
  const inflated = zip.entries.reduce((n, e) => n + e.size, 0);
  return { bytes, inflated };
}

async function codeOfRead(bytes: Uint8Array, zipLimits: Partial<typeof DEFAULT_ZIP_LIMITS>): Promise<string> {
  try {
    const doc = await readDocument(bytes, 'x.docx', { zipLimits });
    return `read ${doc.grids[0]?.rows.length ?? 0} rows`;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('zip caps: too large vs suspicious ratio', () => {
  const honest = honestDocx(2000);
  // 1/256 of the defaults: the floor and the ratio rule as they are, the sizes scaled down.
  const scaled = { ratioFloorBytes: DEFAULT_ZIP_LIMITS.ratioFloorBytes / 256, maxRatio: DEFAULT_ZIP_LIMITS.maxRatio };

  it('regression (a 250 MB legitimate document was called a zip bomb): a large document with an ordinary ratio reads', async () => {
    expect(honest.inflated / honest.bytes.length).toBeLessThan(20);
    expect(honest.inflated).toBeGreaterThan(scaled.ratioFloorBytes * 4);
    // The old absolute cap scaled down was below this document; the new one is not.
    expect(await codeOfRead(honest.bytes, { ...scaled, maxInflatedBytes: 2 * honest.inflated })).toBe('read 2001 rows');
    expect(DEFAULT_ZIP_LIMITS.maxInflatedBytes).toBeGreaterThanOrEqual(500 * 1024 * 1024);
  });

  it('a document beyond the absolute cap is zip-too-large, not zip-bomb', async () => {
    expect(await codeOfRead(honest.bytes, { ...scaled, maxInflatedBytes: Math.floor(honest.inflated / 2) })).toBe('zip-too-large');
  });

  it('a bomb smaller than the honest document is still zip-bomb: the ratio, past the floor, decides', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': [strToU8(`<w:document xmlns:w="x"><w:body>${' '.repeat(honest.inflated / 2)}</w:body></w:document>`), { level: 9 }] });
    expect(await codeOfRead(bomb, { ...scaled, maxInflatedBytes: 2 * honest.inflated })).toBe('zip-bomb');
    // Below the floor a high ratio is no reason to refuse (a small, very regular part).
    expect(await codeOfRead(bomb, { ratioFloorBytes: honest.inflated, maxRatio: 300, maxInflatedBytes: 2 * honest.inflated })).toMatch(/^read/);
  });
});
