/**
 * Property: no byte string makes readDocument throw anything but a FenjieError — random bytes,
 * random bytes behind each magic number, and mutated (flipped, cut, spliced) .docx/.cfb files.
 */
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import * as CFB from 'cfb';
import { isFenjieError } from '../../src/core/errors';
import { makeXlsx } from '../fixtures/make-xlsx';
import { readDoc, readDocument } from '../../src/core/testing';

const BAD = path.resolve(__dirname, '../fixtures/bad');
const DOC = new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../fixtures/notice-2023.doc')));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>门类</w:t><w:br/><w:t>项目</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** Stored (level 0) so byte mutations hit the XML text itself, deflated so they hit the inflater. */
const SEEDS: Uint8Array[] = [
  zipSync({ '_rels/.rels': [strToU8(RELS), { level: 0 }], 'word/document.xml': [strToU8(XML), { level: 0 }] }),
  zipSync({ '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(XML) }),
  new Uint8Array(fs.readFileSync(path.join(BAD, 'encrypted.docx'))),
  makeXlsx(0),
  makeXlsx(6),
];

const MAGICS = [[0x50, 0x4b, 3, 4], [0x50, 0x4b, 5, 6], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xef, 0xbb, 0xbf], [0xff, 0xfe], []];

async function throwsOnlyFenjieErrors(bytes: Uint8Array, name: string): Promise<void> {
  try {
    await readDocument(bytes, name);
  } catch (error) {
    if (!isFenjieError(error)) throw new Error(`non-FenjieError escaped: ${String(error)}`);
    // The catch-all code means a reader let a raw error out; every failure should have its own code.
    if (error.code === 'read-failed') throw new Error(`unclassified failure: ${JSON.stringify(error.details)}`);
  }
}

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
  splice: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 })), { nil: undefined }),
});

function mutate({ seed, flips, cut, splice }: { seed: number; flips: [number, number][]; cut?: number; splice?: [number, Uint8Array] }): Uint8Array {
  let bytes = SEEDS[seed].slice();
  for (const [at, value] of flips) bytes[at % bytes.length] = value;
  if (splice) {
    const at = splice[0] % bytes.length;
    bytes = new Uint8Array([...bytes.subarray(0, at), ...splice[1], ...bytes.subarray(at)]);
  }
  if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
  return bytes;
}

/** notice-2023.doc opened once; each run reads it with one stream mutated (FIB, CLX, FKPs, Data). */
const DOC_CFB = CFB.read(DOC, { type: 'buffer' });
const ORIGINAL = new Map(DOC_CFB.FileIndex.filter((e) => e.type === 2 && e.content).map((e) => [e.name, Uint8Array.from(e.content as unknown as Uint8Array)]));

function readMutatedDoc(flips: [number, number][], stream: string, window: number): void {
  for (const e of DOC_CFB.FileIndex) if (ORIGINAL.has(e.name)) (e as { content: unknown }).content = ORIGINAL.get(e.name)!.slice();
  const entry = DOC_CFB.FileIndex.find((e) => e.name === stream);
  const content = entry?.content as unknown as Uint8Array;
  for (const [at, value] of flips) content[at % Math.min(window, content.length)] = value;
  const word = DOC_CFB.FileIndex.find((e) => e.name === 'WordDocument')!.content as unknown as Uint8Array;
  readDoc(DOC_CFB, word);
}

describe('property: readDocument throws only FenjieError', () => {
  it('for random bytes behind each magic number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('a.docx', 'a.txt', 'a', 'a.doc'), async (magic, rest, name) => {
        await throwsOnlyFenjieErrors(new Uint8Array([...magic, ...rest]), name);
      }),
      { numRuns: 500 },
    );
  });

  it('for mutated .docx and compound files', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        await throwsOnlyFenjieErrors(mutate(m), 'mutated.docx');
      }),
      { numRuns: 500 },
    );
  });

  it('for .doc files with mutated WordDocument / 1Table / Data streams', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('WordDocument', '1Table', 'Data'),
        fc.constantFrom(1024, 1 << 30),
        (flips, stream, window) => {
          try {
            readMutatedDoc(flips, stream, window);
          } catch (error) {
            if (!isFenjieError(error)) throw new Error(`non-FenjieError escaped: ${String(error)}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
