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
}

export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithEncoding(bytes).text;
}

export function decodeTextWithEncoding(bytes: Uint8Array): DecodedText {
  const encoding = sniffEncoding(bytes);
  const bomLength = encoding === 'utf-8' && hasUtf8Bom(bytes) ? 3 : encoding.startsWith('utf-16') && hasUtf16Bom(bytes) ? 2 : 0;
  const body = bytes.subarray(bomLength);
  const strict = tryDecode(encoding, body, true);
  if (strict !== null) return { text: normaliseLineEnds(strict), encoding };
  // Damaged text still reads: a BOM is trusted (bad units become U+FFFD); a guessed UTF-16 is dropped.
  if (bomLength > 0 || encoding === 'gb18030') return { text: normaliseLineEnds(decodeLoosely(encoding, body)), encoding };
  const fallback: TextEncodingName = isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
  return { text: normaliseLineEnds(decodeLoosely(fallback, bytes)), encoding: fallback };
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
