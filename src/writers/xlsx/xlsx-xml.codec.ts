/** Text and attribute escaping for the SpreadsheetML the writer produces. */

/* eslint-disable no-control-regex -- these are exactly the characters XML 1.0 cannot carry */
const TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const TEXT_ALL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ATTR_SPECIAL = /[&<>"\u0000-\u001f\ufffe\uffff]/;
const ATTR_ALL = /[&<>"\u0000-\u001f\ufffe\uffff]/g;
/* eslint-enable no-control-regex */

/** Characters XML 1.0 cannot carry: written the way Excel writes them, `_xHHHH_`. */
function controlEscape(ch: string): string {
  return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

function textChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  return controlEscape(ch);
}

function attrChar(ch: string): string {
  if (ch === '"') return '&quot;';
  if (ch === '\n') return '&#10;';
  if (ch === '\r') return '&#13;';
  if (ch === '\t') return '&#9;';
  return textChar(ch);
}

/** Element text: `&`, `<`, `>` as entities, control characters as `_xHHHH_`. */
export function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(TEXT_ALL, textChar) : text;
}

/** Attribute value in double quotes: line breaks and tabs as character references. */
export function escapeAttr(text: string): string {
  return ATTR_SPECIAL.test(text) ? text.replace(ATTR_ALL, attrChar) : text;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
