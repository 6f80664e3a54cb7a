/**
 * Multi-valued cells (leaders, units) are written joined with '、' and read back by splitting on
 * '、' outside brackets, so 各镇（区、街道） stays one name.
 */
export const NAME_SEPARATOR = '、';

const OPEN = '（(【[〔［｛{';
const CLOSE = '）)】]〕］｝}';
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
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth += 1;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if ((ch === NAME_SEPARATOR && depth === 0) || ch === '\n' || ch === '\r') {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.filter((s) => s.trim().length > 0);
}
