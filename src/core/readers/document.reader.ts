/** Sniffs the bytes and hands them to the right reader. Every reader returns the same grid model. */
import type { DocumentGrids } from '../grid/grid.model';
import { readTextDocument } from './text.reader';

export async function readDocument(bytes: Uint8Array, _fileName: string): Promise<DocumentGrids> {
  return readTextDocument(bytes);
}
