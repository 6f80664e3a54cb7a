/**
 * The few SpreadsheetML parts the .xlsx reader needs, parsed by streaming (saxes): the sheet list,
 * relationships, shared strings, number formats, and each sheet's cells and merged areas.
 * Element names are matched without their prefix, so x:c and c read alike.
 */
import { SaxesParser } from 'saxes';
import { isFenjieError } from '../errors';
import { createReadError } from './read-errors';
import { streamZipEntry, type ZipArchive, type ZipEntry } from './zip.reader';

export interface SaxHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Streams one part through saxes; a DOCTYPE or broken XML becomes a typed error. */
export function parseXmlPart(zip: ZipArchive, entry: ZipEntry, handlers: SaxHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw createReadError('xml-doctype', { entry: entry.name });
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close?.(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', (t) => handlers.text?.(t));
    parser.on('cdata', (t) => handlers.text?.(t));
  }
  const decoder = new TextDecoder('utf-8');
  try {
    streamZipEntry(zip, entry, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw createReadError('xml-invalid', { entry: entry.name, reason: error instanceof Error ? error.message.slice(0, 200) : String(error) }, error);
  }
}

export interface WorkbookSheetRef {
  name: string;
  relId: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export function readWorkbookPart(zip: ZipArchive, entry: ZipEntry): { sheets: WorkbookSheetRef[]; date1904: boolean } {
  const sheets: WorkbookSheetRef[] = [];
  let date1904 = false;
  parseXmlPart(zip, entry, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') {
        const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        sheets.push({ name: a.name ?? '', relId, visibility: state });
      }
    },
  });
  return { sheets, date1904 };
}

export interface Relationship {
  target: string;
  /** The relationship type URI ('' when absent). */
  type: string;
}

export function readRelationships(zip: ZipArchive, entry: ZipEntry): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parseXmlPart(zip, entry, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) rels.set(a.Id, { target: a.Target, type: a.Type ?? '' });
    },
  });
  return rels;
}

/** Shared strings: plain, rich text (runs joined), phonetic runs (rPh) skipped. */
export function readSharedStrings(zip: ZipArchive, entry: ZipEntry): string[] {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = 0;
  parseXmlPart(zip, entry, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') inPhonetic += 1;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic -= 1;
    },
    text(t) {
      if (inT && inPhonetic === 0) current += t;
    },
  });
  return strings;
}

const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_PERCENT: Record<number, number> = { 9: 0, 10: 2 };

export type NumberStyle = { kind: 'date' } | { kind: 'percent'; decimals: number } | { kind: 'general' };

/** What a number format code means for display: a date, a percentage, or anything else. */
export function classifyFormat(id: number, code: string | undefined): NumberStyle {
  if (BUILTIN_DATE_IDS.has(id)) return { kind: 'date' };
  if (id in BUILTIN_PERCENT) return { kind: 'percent', decimals: BUILTIN_PERCENT[id] };
  if (!code) return { kind: 'general' };
  const bare = code.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  if (/%/.test(bare)) return { kind: 'percent', decimals: (/\.(0+)%/.exec(bare)?.[1].length ?? 0) };
  if (/[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim())) return { kind: 'date' };
  return { kind: 'general' };
}

/** The number style of each cellXfs index. */
export function readNumberStyles(zip: ZipArchive, entry: ZipEntry): NumberStyle[] {
  const formats = new Map<number, string>();
  const styles: NumberStyle[] = [];
  let inCellXfs = false;
  parseXmlPart(zip, entry, {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(classifyFormat(id, formats.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}
