/**
 * Tells the format of a file from its bytes (never from its name), and whether the name's
 * extension agrees. Binary garbage must not reach the text reader: GB18030 decodes almost anything.
 */
import type { SourceFormat } from '../grid/grid.model';
import type { Finding } from '../model/records.model';
import { looksLikeDamagedUtf8 } from './text-decode';

export type SniffedKind = 'zip' | 'cfb' | 'text' | 'binary';

const SAMPLE = 64 * 1024;

export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** UTF-16 without BOM leaves a zero byte beside most ASCII characters, always on the same side. */
function looksUtf16(s: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < s.length; i += 2) {
    if (s[i] === 0) even++;
    if (s[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(s.length / 2);
  return pairs >= 2 && ((odd > pairs * 0.2 && even < pairs * 0.02) || (even > pairs * 0.2 && odd < pairs * 0.02));
}

function decodesStrictly(s: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(s);
    return true;
  } catch {
    return false;
  }
}

/** Plain text: no control bytes but TAB/LF/CR/FF/ESC, and valid UTF-8 (a few bad bytes allowed) or GB18030. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (hasBom(bytes)) return true;
  const whole = bytes.length <= SAMPLE;
  // Cut a partial multi-byte sequence off the end of the sample.
  const s = whole ? bytes : bytes.subarray(0, SAMPLE - 4);
  if (looksUtf16(s)) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) return false;
  }
  if (decodesStrictly(s, 'utf-8')) return true;
  if (!whole && decodesStrictly(bytes.subarray(0, SAMPLE), 'utf-8')) return true;
  // A bad byte in the sample of a UTF-8 file: still text (decoded as UTF-8 with a warning).
  if (looksLikeDamagedUtf8(s)) return true;
  return decodesStrictly(s, 'gb18030') || (!whole && decodesStrictly(bytes.subarray(0, SAMPLE), 'gb18030'));
}

export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) return 'zip';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 5 && bytes[3] === 6) return 'zip';
  if (isCfb(bytes)) return 'cfb';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

const EXTENSION_FORMATS: Record<string, SourceFormat> = {
  docx: 'docx', docm: 'docx', dotx: 'docx', dotm: 'docx',
  xlsx: 'xlsx', xlsm: 'xlsx',
  doc: 'doc', dot: 'doc', wps: 'doc',
  txt: 'text', text: 'text',
};

/** A warning when the file name's extension names another format than the content. */
export function checkExtension(fileName: string, actual: SourceFormat): Finding | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const expected = ext ? EXTENSION_FORMATS[ext] : undefined;
  if (!expected || expected === actual) return null;
  const label = actual === 'text' ? '文本' : `.${actual}`;
  return {
    code: 'extension-mismatch',
    severity: 'warning',
    message: `文件扩展名为 .${ext}，但内容是${label}格式；已按内容读取。`,
    messageEn: `The file is named .${ext} but its content is ${actual}; it was read by its content.`,
    value: fileName,
  };
}
