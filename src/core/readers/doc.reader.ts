/**
 * Office compound files (CFB/OLE2): a password-protected .docx/.xlsx (EncryptionInfo +
 * EncryptedPackage streams), a legacy Word 97-2003 .doc (WordDocument stream), or an .xls.
 * A .doc is read from its piece table and paragraph properties, so tables keep their cells,
 * rows, header rows, vertical merges and column spans.
 */
import * as CFB from 'cfb';
import type { DocumentGrids } from '../grid/grid.model';
import { isFenjieError } from '../errors';
import { findRun, readFib, readPapxRuns, readPieces, readText, type PapxRun } from './doc-binary';
import { buildDocGrids, type DocParagraph } from './doc-grid.builder';
import { createReadError } from './read-errors';

type Container = ReturnType<typeof CFB.read>;

function openCfb(bytes: Uint8Array): Container {
  try {
    return CFB.read(bytes, { type: 'buffer' });
  } catch (error) {
    throw createReadError(bytes.length < 512 ? 'file-truncated' : 'doc-invalid', { reason: error instanceof Error ? error.message.slice(0, 200) : String(error) }, error);
  }
}

export function findCfbStream(cfb: Container, name: string): Uint8Array | null {
  const entry = cfb.FileIndex.find((e, i) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase() && cfb.FullPaths[i].replace(/\/$/, '').split('/').length === 2);
  if (!entry || !entry.content) return null;
  const c = entry.content as unknown;
  return c instanceof Uint8Array ? c : Uint8Array.from(c as number[]);
}

/** Reads a compound file: refuses encrypted OOXML and .xls, reads a .doc. */
export function readCfbDocument(bytes: Uint8Array): DocumentGrids {
  const cfb = openCfb(bytes);
  if (findCfbStream(cfb, 'EncryptedPackage') || findCfbStream(cfb, 'EncryptionInfo')) throw createReadError('docx-encrypted');
  const word = findCfbStream(cfb, 'WordDocument');
  if (word) return readDoc(cfb, word);
  if (findCfbStream(cfb, 'Workbook') || findCfbStream(cfb, 'Book')) throw createReadError('xls-unsupported');
  throw createReadError('cfb-unknown', { streams: cfb.FullPaths.slice(0, 20) });
}

const EMPTY = new Uint8Array(0);

/**
 * Splits the main text into paragraphs with their properties. Field codes (\x13 code \x14
 * result \x15) keep only their result; objects and note marks are dropped.
 */
function* splitParagraphs(text: string, fcs: Uint32Array, runs: PapxRun[]): Generator<DocParagraph> {
  let line = '';
  let lines: string[] = [];
  const fields: boolean[] = []; // per open field: true once its result started
  for (let cp = 0; cp < text.length; cp++) {
    const ch = text[cp];
    const code = ch.charCodeAt(0);
    if (code === 0x0d || code === 0x07) {
      lines.push(line);
      yield { lines, mark: code === 0x07 ? '\x07' : '\r', grpprl: findRun(runs, fcs[cp])?.grpprl ?? EMPTY };
      lines = [];
      line = '';
      fields.length = 0;
    } else if (code === 0x13) fields.push(false);
    else if (code === 0x14) fields[fields.length - 1] = true;
    else if (code === 0x15) fields.pop();
    else if (fields.some((inResult) => !inResult)) continue;
    else if (code === 0x0b || code === 0x0c) {
      lines.push(line);
      line = '';
    } else if (code === 0x1e) line += '-';
    else if (code >= 0x20 || code === 0x09) line += ch;
  }
  if (line !== '' || lines.length > 0) yield { lines: [...lines, line], mark: '\r', grpprl: EMPTY };
}

/** Reads the tables and paragraphs of a Word 97-2003 document. */
export function readDoc(cfb: Container, word: Uint8Array): DocumentGrids {
  try {
    const fib = readFib(word);
    if (fib.encrypted) throw createReadError('doc-encrypted');
    const table = findCfbStream(cfb, fib.tableStream);
    if (!table) throw createReadError('doc-invalid', { reason: `no ${fib.tableStream} stream` });
    const pieces = readPieces(table, fib);
    const { text, fcs } = readText(word, pieces, fib.ccpText);
    const runs = readPapxRuns(word, table, fib, findCfbStream(cfb, 'Data'));
    return buildDocGrids(splitParagraphs(text, fcs, runs));
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw createReadError('doc-invalid', { reason: error instanceof Error ? error.message.slice(0, 200) : String(error) }, error);
  }
}
