/**
 * Office compound files (CFB/OLE2): a password-protected .docx/.xlsx (EncryptionInfo +
 * EncryptedPackage streams), a legacy Word 97-2003 .doc (WordDocument stream), or an .xls.
 */
import * as CFB from 'cfb';
import type { DocumentGrids } from '../grid/grid.model';
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

export function readDoc(_cfb: Container, _word: Uint8Array): DocumentGrids {
  throw createReadError('doc-unsupported');
}
