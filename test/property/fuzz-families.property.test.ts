/**
 * Fuzz: every fixture family — .docx, .xlsx, .doc, .txt, a fenjie workbook, a unit's return — cut
 * short, with bytes flipped, zip entries removed or duplicated, or the children of an XML element
 * shuffled, gives records or a coded FenjieError within 2 s; never another exception or a hang.
 * A fixed seed and a few runs in CI; `npm run fuzz` runs many more (FENJIE_FUZZ_RUNS, FENJIE_FUZZ_SEED).
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough, zipSync } from 'fflate';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { isFenjieError, mergeReturns, readInput, readReturns, type ParsedTable } from '../../src/core/index';
import { assignUnits, buildWorkbookPlan, parseDocument, planUnitWorkbook } from '../../src/core/testing';
import { writeXlsx } from '../../src/writers/xlsx/xlsx.writer';
import { makeXlsx } from '../fixtures/make-xlsx';

const FUZZ = process.env.npm_lifecycle_event === 'fuzz' || process.env.FENJIE_FUZZ_RUNS !== undefined;
const RUNS = Number(process.env.FENJIE_FUZZ_RUNS ?? (FUZZ ? 300 : 25));
const SEED = Number(process.env.FENJIE_FUZZ_SEED ?? (FUZZ ? Date.now() % 2 ** 31 : 20240516));
const LIMIT_MS = 2000;

const root = path.resolve(__dirname, '../..');
const seedText = fs.readFileSync(path.join(root, 'seeds/000_8040c5413e4a8407.txt'));

interface Family {
  name: string;
  fileName: string;
  bytes: Uint8Array;
}

let families: Family[] = [];
let masterTables: ParsedTable[] = [];

beforeAll(async () => {
  const result = await parseDocument(new Uint8Array(seedText), 'seed.txt');
  result.tables.forEach((t, ti) => t.rows.forEach((r, ri) => ((r as { id?: string }).id = `2023-${ti}-${ri + 1}`)));
  masterTables = result.tables;
  const workbook = await writeXlsx(buildWorkbookPlan({ results: [result] }));
  const assignment = assignUnits(result.tables)[0];
  const unitReturn = await writeXlsx(planUnitWorkbook(result.tables, assignment, { source: 'master.xlsx', createdAt: '2023-03-01T00:00:00Z' }));
  families = [
    { name: 'docx', fileName: 'notice.docx', bytes: new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/notice-2023.docx'))) },
    { name: 'xlsx', fileName: 'pasted.xlsx', bytes: makeXlsx(6) },
    { name: 'doc', fileName: 'notice.doc', bytes: new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/notice-2023.doc'))) },
    { name: 'txt', fileName: 'notice.txt', bytes: new Uint8Array(seedText) },
    { name: 'fenjie workbook', fileName: '台账.xlsx', bytes: workbook },
    { name: 'unit return', fileName: `2023-${assignment.unit}.xlsx`, bytes: unitReturn },
  ];
});

/** Shuffles the element children of one element (chosen by `pick`) of an XML text; tags only, text kept with its element. */
export function shuffleXmlChildren(xml: string, pick: number, order: number[]): string {
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g;
  const parents: { start: number; children: [number, number][] }[] = [];
  const stack: { start: number; children: [number, number][]; childStart?: number }[] = [];
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[0].startsWith('<?') || m[0].startsWith('<!')) continue;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (!closing) {
      const parent = stack[stack.length - 1];
      if (selfClosing) {
        parent?.children.push([m.index, m.index + m[0].length]);
        continue;
      }
      stack.push({ start: m.index, children: [], childStart: m.index });
      continue;
    }
    const done = stack.pop();
    if (!done) return xml;
    const parent = stack[stack.length - 1];
    parent?.children.push([done.childStart ?? done.start, m.index + m[0].length]);
    if (done.children.length > 1) parents.push(done);
  }
  if (parents.length === 0) return xml;
  const chosen = parents[pick % parents.length];
  const pieces = chosen.children.map(([a, b]) => xml.slice(a, b));
  const shuffled = pieces.map((_, i) => pieces[(order[i % order.length] + i) % pieces.length]);
  const [first] = chosen.children[0];
  const last = chosen.children[chosen.children.length - 1][1];
  // Keep what lies between children (whitespace, text) by rebuilding from the span.
  return xml.slice(0, first) + shuffled.join('') + xml.slice(last);
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'remove-entry'; entry: number }
  | { kind: 'duplicate-entry'; entry: number }
  | { kind: 'shuffle'; entry: number; pick: number; order: number[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('remove-entry' as const), entry: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-entry' as const), entry: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), entry: fc.nat(), pick: fc.nat(), order: fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 8 }) }),
);

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** A zip holding one entry twice under the same name (zipSync cannot: it takes an object), the copy changed. */
function duplicateEntry(bytes: Uint8Array, entry: number): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files).sort();
  const name = names[entry % names.length];
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const copy = files[name].slice();
  copy.reverse();
  for (const [n, data] of [...Object.entries(files), [name, copy] as [string, Uint8Array]]) {
    const file = new ZipPassThrough(n);
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function mutate(family: Family, m: Mutation): Uint8Array {
  const bytes = family.bytes;
  if (m.kind === 'truncate') return bytes.slice(0, m.at % bytes.length);
  if (m.kind === 'flip' || !isZip(bytes)) {
    const out = bytes.slice();
    const flips = m.kind === 'flip' ? m.flips : [[m.entry, m.entry & 0xff] as [number, number]];
    for (const [at, value] of flips) out[at % out.length] = value;
    return out;
  }
  const files = unzipSync(bytes);
  const names = Object.keys(files).sort();
  const name = names[m.entry % names.length];
  if (m.kind === 'remove-entry') {
    delete files[name];
    return zipSync(files);
  }
  if (m.kind === 'duplicate-entry') return duplicateEntry(bytes, m.entry);
  const xmlNames = names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const target = xmlNames[m.entry % xmlNames.length];
  files[target] = strToU8(shuffleXmlChildren(strFromU8(files[target]), m.pick, m.order));
  return zipSync(files);
}

/** Reads the bytes as the CLI and the pane do; a return also goes through collect. Throws on anything but records or a coded error. */
async function readsOrRefuses(family: Family, bytes: Uint8Array): Promise<void> {
  const started = Date.now();
  try {
    if (family.name === 'unit return') {
      const { returns, problems } = await readReturns([{ name: family.fileName, bytes }]);
      mergeReturns(masterTables, returns, problems);
    } else {
      const input = await readInput(bytes, family.fileName);
      if (!Array.isArray(input.result.tables)) throw new Error('no tables array');
    }
  } catch (error) {
    if (!isFenjieError(error)) throw new Error(`${family.name}: an uncoded error escaped: ${String((error as Error)?.stack ?? error)}`);
  }
  const took = Date.now() - started;
  if (took > LIMIT_MS) throw new Error(`${family.name}: took ${took} ms`);
}

describe(`fuzz: every fixture family gives records or a coded error (seed ${SEED}, ${RUNS} runs per family)`, () => {
  it('shuffles XML children and keeps the text', () => {
    const xml = '<a><b>1</b><c/><d>2</d></a>';
    const out = shuffleXmlChildren(xml, 0, [1]);
    expect(out).not.toBe(xml);
    expect(out.length).toBe(xml.length);
    expect(out.startsWith('<a>') && out.endsWith('</a>')).toBe(true);
  });

  for (const name of ['docx', 'xlsx', 'doc', 'txt', 'fenjie workbook', 'unit return']) {
    it(`${name}: truncated, flipped, entries removed or duplicated, XML children shuffled`, async () => {
      const family = families.find((f) => f.name === name) as Family;
      await readsOrRefuses(family, family.bytes);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => readsOrRefuses(family, mutate(family, m))),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
