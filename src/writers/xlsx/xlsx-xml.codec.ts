/** Text and attribute escaping for the SpreadsheetML the writer produces. */

/* eslint-disable no-control-regex -- these are exactly the characters XML 1.0 cannot carry */
/**
 * Anything that needs escaping or removing. Code points XML 1.0 forbids (C0 controls but TAB/LF/CR,
 * U+FFFE/U+FFFF, lone surrogates) are removed: the readers log their removal as fixes, and this is
 * the last defence, so no part can carry one (one U+FFFE in sharedStrings.xml empties every later
 * string in LibreOffice). They are not written as `_xHHHH_` either, which Excel turns back into them.
 */
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ATTR_SPECIAL = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
// A surrogate pair (group 1) is kept; any other surrogate is lone. No lookbehind (IE11, the ES5 page).
const FORBIDDEN = /([\ud800-\udbff][\udc00-\udfff])|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/g;
const TEXT_ALL = /[&<>]/g;
const ATTR_ALL = /[&<>"\n\r\t]/g;
/* eslint-enable no-control-regex */

function textChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  return '&gt;';
}

function attrChar(ch: string): string {
  if (ch === '"') return '&quot;';
  if (ch === '\n') return '&#10;';
  if (ch === '\r') return '&#13;';
  if (ch === '\t') return '&#9;';
  return textChar(ch);
}

/** `text` without the code points XML 1.0 forbids. */
export function removeXmlForbidden(text: string): string {
  return text.replace(FORBIDDEN, (_ch: string, pair: string | undefined) => pair ?? '');
}

/** Element text: `&`, `<`, `>` as entities; forbidden code points removed. */
export function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? removeXmlForbidden(text).replace(TEXT_ALL, textChar) : text;
}

/** Attribute value in double quotes: line breaks and tabs as character references; forbidden code points removed. */
export function escapeAttr(text: string): string {
  return ATTR_SPECIAL.test(text) ? removeXmlForbidden(text).replace(ATTR_ALL, attrChar) : text;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
