/**
 * Code points XML 1.0 forbids (§2.2): C0 controls but TAB, LF and CR; U+FFFE and U+FFFF; lone
 * surrogates. They are removed where text is read (each removal a fix or a warning, so nothing
 * vanishes silently), and every writer strips them again as the last defence: one U+FFFE in
 * sharedStrings.xml makes LibreOffice show every later string empty.
 */

/* eslint-disable no-control-regex -- these are exactly the characters XML 1.0 cannot carry */
// A surrogate pair is matched first (group 1) and kept; any other surrogate is lone. No lookbehind:
// the ES5 page for old Office (IE11) shares this code and IE11 has none.
const FORBIDDEN = /([\uD800-\uDBFF][\uDC00-\uDFFF])|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;
const MAYBE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

/** True when `text` holds a code point XML 1.0 forbids (cheap: one test of a character class first). */
export function hasXmlForbidden(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  let found = false;
  text.replace(FORBIDDEN, (ch: string, pair: string | undefined) => {
    if (!pair) found = true;
    return ch;
  });
  return found;
}

/**
 * The same answer as `hasXmlForbidden`, by one scan of the code units (no regex, no string
 * built): for the many short texts of a record, where a regex call per text costs more than it scans.
 * A high surrogate followed by a low one is a pair and allowed; any other surrogate is lone.
 */
export function scanXmlForbidden(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    } else if (c >= 0xd800) {
      if (c >= 0xfffe) return true;
      if (c <= 0xdfff) {
        const next = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (next < 0xdc00 || next > 0xdfff) return true;
        i += 1;
      }
    }
  }
  return false;
}

/** `text` without the code points XML 1.0 forbids; the same string when it has none. */
export function removeXmlForbidden(text: string): string {
  return MAYBE.test(text) ? text.replace(FORBIDDEN, (_ch: string, pair: string | undefined) => pair ?? '') : text;
}

/** `text` with each forbidden code point shown as `[U+FFFE]`: what the fix log shows as the old value. */
export function showXmlForbidden(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(FORBIDDEN, (ch: string, pair: string | undefined) => pair ?? `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
