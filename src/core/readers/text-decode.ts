/**
 * Turns the bytes of a text extraction into a string. Chinese government files come as UTF-8
 * (with or without BOM), UTF-16 (Notepad's "Unicode") or GB18030/GBK, so the encoding is sniffed,
 * never assumed. Line ends come out as '\n'.
 */
import { FenjieError } from '../errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Bytes that are not UTF-8 in a file that otherwise is (read as U+FFFD): where they are. */
  badBytes?: BadByte[];
  /** How many bad bytes there are in all (badBytes lists the first 20). */
  badCount?: number;
}

/** A byte that breaks the encoding: its 0-based offset in the file and its 1-based line. */
export interface BadByte {
  offset: number;
  line: number;
}

/** At most this many bad bytes are reported one by one (their count is always given). */
const MAX_REPORTED = 20;

export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithEncoding(bytes).text;
}

export function decodeTextWithEncoding(bytes: Uint8Array): DecodedText {
  const encoding = sniffEncoding(bytes);
  const bomLength = encoding === 'utf-8' && hasUtf8Bom(bytes) ? 3 : encoding.startsWith('utf-16') && hasUtf16Bom(bytes) ? 2 : 0;
  const body = bytes.subarray(bomLength);
  const strict = tryDecode(encoding, body, true);
  if (strict !== null && encoding !== 'gb18030') return { text: normaliseLineEnds(strict), encoding };
  if (encoding === 'gb18030' || (encoding === 'utf-8' && strict === null)) {
    // Bytes that are not GB18030 either: a few bad bytes in a mostly-ASCII UTF-8 file are still UTF-8.
    const damage = findUtf8Damage(body, encoding === 'gb18030' && strict === null);
    if (damage) return { text: normaliseLineEnds(decodeLoosely('utf-8', body)), encoding: 'utf-8', badBytes: lineAt(body, damage.bad).map((x) => ({ ...x, offset: x.offset + bomLength })), badCount: damage.count };
  }
  if (strict !== null) return { text: normaliseLineEnds(strict), encoding };
  // Damaged text still reads: a BOM is trusted (bad units become U+FFFD); a guessed UTF-16 is dropped.
  if (bomLength > 0 || encoding === 'gb18030') return { text: normaliseLineEnds(decodeLoosely(encoding, body)), encoding };
  const fallback: TextEncodingName = isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
  return { text: normaliseLineEnds(decodeLoosely(fallback, bytes)), encoding: fallback };
}

/**
 * UTF-8 with a few bad bytes (one damaged character anywhere) is UTF-8, not GB18030 mojibake:
 * many well-formed multi-byte sequences and few broken ones (at least 20 to 1), or, when the bytes
 * are not GB18030 either (`notGb`), no more broken ones than good ones, or at most 3. Returns the
 * broken ones, or null when the bytes do not look like UTF-8 at all.
 */
function findUtf8Damage(b: Uint8Array, notGb = false): { bad: number[]; count: number } | null {
  let good = 0;
  const bad: number[] = [];
  let count = 0;
  const end = b.length - countIncompleteTail(b);
  for (let i = 0; i < end; ) {
    const byte = b[i];
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    const need = byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < b.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      good += 1;
      i += need + 1;
    } else {
      count += 1;
      if (bad.length < MAX_REPORTED) bad.push(i);
      i += 1;
    }
  }
  const utf8 = count > 0 && (good >= 20 * count || (notGb && (good >= count || count <= 3)));
  return utf8 ? { bad, count } : null;
}

/**
 * The sniffer's test (format-sniffer.ts): bytes that fail strict UTF-8 but are UTF-8 with a few bad
 * bytes (a damaged character in the first 64 KB must not make a text file "binary" or GB18030).
 */
export function looksLikeDamagedUtf8(sample: Uint8Array): boolean {
  const notGb = tryDecode('gb18030', sample, true) === null;
  return findUtf8Damage(sample, notGb) !== null;
}

function lineAt(b: Uint8Array, offsets: number[]): BadByte[] {
  const out: BadByte[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) if (b[at] === 0x0a) line += 1;
    out.push({ offset, line });
  }
  return out;
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeLoosely(encoding: TextEncodingName, bytes: Uint8Array): string {
  const text = tryDecode(encoding, bytes, false);
  if (text === null) throw new FenjieError('text-undecodable', '无法识别文本文件的编码', 'Cannot decode the text file', { details: { encoding } });
  return text;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

function sniffEncoding(b: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(b)) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const utf16 = sniffBomlessUtf16(b);
  if (utf16) return utf16;
  return isValidUtf8(b) ? 'utf-8' : 'gb18030';
}

/** UTF-16 without BOM: ASCII characters (TAB, line ends, digits) leave zero bytes on one side. */
function sniffBomlessUtf16(b: Uint8Array): TextEncodingName | null {
  const sample = Math.min(b.length - (b.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (b[i] === 0) evenZeros += 1;
    if (b[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Valid UTF-8, allowing a file cut off inside its last character (a truncated download). */
function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, b.length - countIncompleteTail(b)));
    return true;
  } catch {
    return false;
  }
}

/** Bytes of an unfinished multi-byte sequence at the very end (0 when the last character is whole). */
function countIncompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back += 1) {
    const byte = b[b.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
  }
  return 0;
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
