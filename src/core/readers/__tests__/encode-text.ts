/** Test helpers: encode a string as GB18030 (two-byte range) or UTF-16, to feed the decoder real bytes. */

let reverse: Map<string, number[]> | null = null;

/** Builds char → bytes from the platform decoder, so the test does not trust a second implementation. */
function buildReverseMap(): Map<string, number[]> {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if ([...ch].length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  reverse ??= buildReverseMap();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = reverse.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = bom ? `\ufeff${text}` : text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const unit = units.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    out[i * 2] = endian === 'le' ? lo : hi;
    out[i * 2 + 1] = endian === 'le' ? hi : lo;
  }
  return out;
}

export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
