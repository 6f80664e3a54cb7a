/**
 * Multi-valued cells (leaders, units) are written joined with '、' and read back by splitting on
 * '、' outside brackets, so 各镇（区、街道） stays one name.
 */
export const NAME_SEPARATOR = '、';

/** （(【[〔［｛{ and their closing forms, by code unit. */
const isOpen = (c: number): boolean => c === 0xff08 || c === 0x28 || c === 0x3010 || c === 0x5b || c === 0x3014 || c === 0xff3b || c === 0xff5b || c === 0x7b;
const isClose = (c: number): boolean => c === 0xff09 || c === 0x29 || c === 0x3011 || c === 0x5d || c === 0x3015 || c === 0xff3d || c === 0xff5d || c === 0x7d;
const SEPARATOR_CODE = 0x3001; // '、'
const SPLIT_CHARS = /[、\n\r（(【[〔［｛{）)】\]〕］｝}]/;

export function joinNames(names: readonly string[]): string {
  return names.join(NAME_SEPARATOR);
}

/**
 * Splits a cell's text into names: on '、' (and line breaks) outside brackets; blanks dropped.
 * Spaces before or after a name are kept: 校验 reports them (name-padded) rather than hiding them.
 */
export function splitNames(text: string): string[] {
  // One name and no separator (most cells): nothing to scan character by character.
  // Edge spaces are kept: validation reports them (name-padded, issue 11 defect 11).
  if (!SPLIT_CHARS.test(text)) return text.trim() ? [text] : [];
  // By UTF-16 unit, cutting slices (a for-of made a string per character): every bracket and
  // separator is one unit, and the halves of a surrogate pair match none of them.
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isOpen(c)) depth += 1;
    else if (isClose(c)) depth = Math.max(0, depth - 1);
    if ((c === SEPARATOR_CODE && depth === 0) || c === 10 || c === 13) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.filter((s) => s.trim().length > 0);
}
