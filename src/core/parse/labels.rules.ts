/**
 * Labelled text in list-form plans and section rows: `牵头单位：区发改局`, `责任领导：张三；牵头单位：…`,
 * or the labels in brackets at the end of a task (`……。（责任领导：张三；牵头单位：区发改局）`).
 * A label is a header word (column-roles.rules), so traditional characters and synonyms work alike.
 */
import type { ColumnRole } from '../model/records.model';
import { matchHeaderRole } from './column-roles.rules';
import { splitOutsideBrackets } from './bracket-split.rules';

export interface Label {
  role: ColumnRole;
  /** 责任单位: leads unless a 牵头单位 label is also given. */
  contextual?: 'units';
  value: string;
}

const LABEL_ROLES = new Set<ColumnRole>(['leaders', 'leadUnits', 'relatedUnits', 'units-first-leads', 'deadline', 'milestones']);
const OPEN = '（(';
const CLOSE = '）)';

/** One `label：value`, or null when the text before the colon is no label. */
function readLabel(part: string): Label | null {
  const match = /^[\s\u3000]*([^：:（()）]{2,12})[：:][\s\u3000]*([\s\S]*?)[\s\u3000。.；;]*$/.exec(part);
  if (!match) return null;
  const role = matchHeaderRole(match[1]);
  if (!role || !isLabelWord(match[1])) return null;
  return { role: role.role, ...(role.contextual === 'units' ? { contextual: 'units' as const } : {}), value: match[2].trim() };
}

/** Splits at `；;` outside brackets (and `。` between labels). */
function splitParts(text: string): string[] {
  return splitOutsideBrackets(text, '；;', { open: OPEN, close: CLOSE });
}

/** Whether `word` (the text before a colon) is a label word. */
function isLabelWord(word: string): boolean {
  const role = matchHeaderRole(word);
  return role !== null && role.sure && LABEL_ROLES.has(role.role);
}

/**
 * `牵头单位：市住建局，配合单位：各县（市、区）人民政府`: a comma starts a new label only where a label
 * word and its colon follow; other commas (`市财政局，市自然资源和规划局`) stay in the value.
 */
function splitAtLabelCommas(part: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const m of part.matchAll(/[，,](?=[\s\u3000]*([^，,：:（()）\s\u3000]{2,12})[：:])/g)) {
    if (m.index === undefined || !isLabelWord(m[1])) continue;
    pieces.push(part.slice(start, m.index));
    start = m.index + 1;
  }
  pieces.push(part.slice(start));
  return pieces;
}

/** Labels when every part of the text is one; else null. */
export function readLabelLine(text: string): Label[] | null {
  const parts = splitParts(text).flatMap(splitAtLabelCommas);
  // `牵头单位：区发改局  配合单位：区财政局` on one line.
  const spaced = parts.length === 1 ? parts[0].split(/[\s\u3000]{2,}|[\s\u3000]+(?=[^\s\u3000：:]{2,12}[：:])/) : parts;
  const labels = spaced.map(readLabel);
  return labels.length > 0 && labels.every((l): l is Label => l !== null) ? labels : null;
}

/** The bracket group closing the text (`…。（责任领导：张三）`), found with nesting, or null. */
function trailingGroup(text: string): { start: number; inner: string } | null {
  const trimmed = text.replace(/[\s\u3000。.；;]+$/, '');
  if (!CLOSE.includes(trimmed[trimmed.length - 1] ?? '')) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i -= 1) {
    if (CLOSE.includes(trimmed[i])) depth += 1;
    else if (OPEN.includes(trimmed[i])) depth -= 1;
    if (depth === 0) return { start: i, inner: trimmed.slice(i + 1, -1) };
  }
  return null;
}

/** The text without its trailing labels, and the labels (none: the text as it was). */
export function extractTrailingLabels(text: string): { rest: string; labels: Label[] } {
  const group = trailingGroup(text);
  if (!group) return { rest: text, labels: [] };
  const labels = readLabelLine(group.inner);
  if (!labels) return { rest: text, labels: [] };
  return { rest: text.slice(0, group.start).replace(/[\s\u3000]+$/, ''), labels };
}
