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

/** Splits a cell's text into names: on '、' (and line breaks) outside brackets; blanks dropped. */
export function splitNames(text: string): string[] {
  // One name and no separator (most cells): nothing to scan character by character.
  if (!SPLIT_CHARS.test(text)) {
    const name = text.trim();
    return name ? [name] : [];
  }
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
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
