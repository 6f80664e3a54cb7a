/**
 * The few SpreadsheetML parts the .xlsx reader needs, parsed by streaming (xml-tokenizer.ts): the sheet list,
 * relationships, shared strings, number formats, and each sheet's cells and merged areas.
 * Element names are matched without their prefix, so x:c and c read alike.
 */
import { isFenjieError } from '../errors';
import { createReadError } from './read-errors';
import { createXmlTokenizer, readAttribute } from './xml-tokenizer';
import { streamZipEntry, type ZipArchive, type ZipEntry } from './zip.reader';

/**
 * Reads one attribute of the tag being opened by its qualified name ('*:id' = any prefix);
 * valid only during `open`.
 */
export type AttributeReader = (qname: string) => string | undefined;

export interface SaxHandlers {
  /** `raw()` is the tag's raw attribute text, for a caller that scans it once itself (a sheet's cells). */
  open(name: string, attribute: AttributeReader, raw: () => string): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The value of the first `prefix:local` attribute, e.g. the relationship id of <sheet x:id>. */
function readPrefixedAttribute(raw: string, local: string): string | undefined {
  const m = new RegExp(`[\\s]([A-Za-z_][\\w.-]*:${local})\\s*=`).exec(raw);
  return m ? readAttribute(raw, m[1]) : undefined;
}

export interface XmlPartOptions {
  /**
   * The part is mostly markup (a worksheet whose texts are in the shared strings): when it comes in
   * one piece it is decoded in one non-streaming call, Node's fast path for ASCII-heavy UTF-8 (a
   * third of the streaming decoder's time). Text-heavy parts (shared strings, CJK) decode faster
   * streaming, so they leave this off.
   */
  markup?: boolean;
}

/**
 * Streams one part through the OOXML tokenizer (saxes read ~20 MB/s, a 10,000-row sheet is
 * 10 MB); a DOCTYPE or broken XML becomes a typed error. Attributes are only read when asked for.
 */
export function parseXmlPart(zip: ZipArchive, entry: ZipEntry, handlers: SaxHandlers, options: XmlPartOptions = {}): void {
  let attrs: () => string = () => '';
  let raw: string | undefined;
  const attribute: AttributeReader = (qname) => {
    raw ??= attrs();
    return qname.startsWith('*:') ? readPrefixedAttribute(raw, qname.slice(2)) : readAttribute(raw, qname);
  };
  const rawText = (): string => (raw ??= attrs());
  const onText = handlers.text;
  const tokenizer = createXmlTokenizer({
    onOpen(name, readRaw) {
      attrs = readRaw;
      raw = undefined;
      handlers.open(localName(name), attribute, rawText);
    },
    onClose: handlers.close ? (name) => handlers.close?.(localName(name)) : () => undefined,
    onText: onText ? (t) => onText(t.indexOf('\r') < 0 ? t : t.replace(/\r\n?/g, '\n')) : () => undefined,
  });
  const decoder = new TextDecoder('utf-8');
  try {
    let first = true;
    streamZipEntry(zip, entry, (chunk, last) => {
      // The whole part in one chunk: nothing can be cut in the middle of a character.
      tokenizer.write(first && last && options.markup ? decoder.decode(chunk) : decoder.decode(chunk, { stream: true }));
      first = false;
    });
    tokenizer.write(decoder.decode());
    tokenizer.close();
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
      if (name === 'workbookPr') {
        const flag = a('date1904');
        date1904 = flag === '1' || flag === 'true';
      }
      if (name === 'sheet') {
        const relId = a('r:id') ?? a('*:id') ?? '';
        const state = a('state');
        sheets.push({ name: a('name') ?? '', relId, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
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
      if (name !== 'Relationship') return;
      const id = a('Id');
      const target = a('Target');
      if (id && target) rels.set(id, { target, type: a('Type') ?? '' });
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
      if (name === 'numFmt') formats.set(Number(a('numFmtId')), a('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a('numFmtId') ?? 0);
        styles.push(classifyFormat(id, formats.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}
