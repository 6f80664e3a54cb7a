/**
 * Code points XML 1.0 forbids (§2.2): C0 controls but TAB, LF and CR; U+FFFE and U+FFFF; lone
 * surrogates. They are removed where text is read (each removal a fix or a warning, so nothing
 * vanishes silently), and every writer strips them again as the last defence: one U+FFFE in
 * sharedStrings.xml makes LibreOffice show every later string empty.
 */

/* eslint-disable no-control-regex -- these are exactly the characters XML 1.0 cannot carry */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAYBE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

/** True when `text` holds a code point XML 1.0 forbids (cheap: one test of a character class first). */
export function hasXmlForbidden(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(text);
}

/** `text` without the code points XML 1.0 forbids; the same string when it has none. */
export function removeXmlForbidden(text: string): string {
  return MAYBE.test(text) ? text.replace(FORBIDDEN, '') : text;
}

/** `text` with each forbidden code point shown as `[U+FFFE]`: what the fix log shows as the old value. */
export function showXmlForbidden(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(FORBIDDEN, (ch) => `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
