/**
 * Splitting a cell or label line at separators that stand outside brackets, so that
 * `各区、县（市）政府` or `（责任领导：张三；牵头单位：…）` stays whole. One loop for the unit lists
 * (name-rules) and the label lines (labels.rules); each passes its own separators and brackets.
 */
export interface Brackets {
  open: string;
  close: string;
}

/** The trimmed, non-empty parts of `text` split at any of `separators` at bracket depth 0. */
export function splitOutsideBrackets(text: string, separators: string, brackets: Brackets): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (brackets.open.includes(ch)) depth += 1;
    else if (brackets.close.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}
