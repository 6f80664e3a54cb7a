/**
 * .docx → grids. Opens the package with the safe zip reader, finds the main document part,
 * and streams it chunk by chunk (inflate → decode → tokenize → grid builder), never building a DOM.
 */
import type { DocumentGrids } from '../grid/grid.model';
import { isFenjieError } from '../errors';
import { createDocxGridBuilder } from './docx-xml.parser';
import { createReadError } from './read-errors';
import { createXmlTokenizer } from './xml-tokenizer';
import { findZipEntry, hasDoctype, inflateZipEntry, openZip, streamZipEntry, type ZipArchive, type ZipEntry, type ZipLimits } from './zip.reader';

const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

/** The main part named by _rels/.rels (falls back to word/document.xml). */
export function findMainDocumentPart(zip: ZipArchive): ZipEntry | undefined {
  const rels = findZipEntry(zip, '_rels/.rels');
  if (rels) {
    const xml = new TextDecoder('utf-8').decode(inflateZipEntry(zip, rels));
    if (hasDoctype(xml)) throw createReadError('xml-doctype', { entry: rels.name });
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const type = /\bType\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1] ?? '';
      const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1];
      if (OFFICE_DOCUMENT_REL.test(type) && target) {
        const entry = findZipEntry(zip, decodeURIComponent(target).replace(/^\/+/, ''));
        if (entry && /\.xml$/i.test(entry.name)) return entry;
      }
    }
  }
  return findZipEntry(zip, 'word/document.xml');
}

/** The type of a TextDecoder instance; the CLI build has no DOM lib, where TextDecoder is only a value. */
type Decoder = InstanceType<typeof TextDecoder>;

function pickDecoder(first: Uint8Array): Decoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/** Streams one XML part of the archive into the grid builder. */
function parseDocumentPart(zip: ZipArchive, entry: ZipEntry): DocumentGrids {
  const builder = createDocxGridBuilder();
  const parser = createXmlTokenizer(builder);
  let decoder: Decoder | null = null;
  try {
    streamZipEntry(zip, entry, (chunk) => {
      decoder ??= pickDecoder(chunk);
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    if (decoder) parser.write((decoder as Decoder).decode());
    parser.close();
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw createReadError('xml-invalid', { entry: entry.name, reason: error instanceof Error ? error.message.slice(0, 200) : String(error) }, error);
  }
  return builder.finish();
}

/** Reads a .docx package (bytes, or an archive already opened) into grids. Throws FenjieError with a stable code on bad input. */
export function readDocx(source: Uint8Array | ZipArchive, limits: Partial<ZipLimits> = {}): DocumentGrids {
  if (source instanceof Uint8Array && source.length === 0) throw createReadError('file-empty');
  const zip = source instanceof Uint8Array ? openZip(source, limits) : source;
  const main = findMainDocumentPart(zip);
  if (!main) throw createReadError('docx-no-document', { entries: zip.entries.slice(0, 20).map((e) => e.name) });
  return parseDocumentPart(zip, main);
}
