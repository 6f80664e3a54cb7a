/**
 * Cleaning of the name columns (负责人, 主要责任单位, 相关单位): one cell becomes a list of names.
 * Each step is a named rule so that every change can be listed as a fix.
 */

import { toSimplified } from './traditional-chars';
import { splitOutsideBrackets } from './bracket-split.rules';

export type Emit = (from: string, to: string, rule: string) => void;

export const NAME_RULES = {
  trimLines: 'trim-lines',
  unpadName: 'unpad-name',
  splitNames: 'split-names',
  joinSplitName: 'join-split-name',
  splitEnumeration: 'split-enumeration',
  dedupeNames: 'dedupe-names',
  unitRoleWord: 'unit-role-word',
} as const;

const SPACE = /[\s\u3000\u00a0]+/;
const EDGE = /^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/;
const CJK = /^[\u3400-\u9fff\uf900-\ufaff]$/;
/** Last characters of a complete unit name (局, 委, 办, 中心, 集团, a closing bracket …). */
const UNIT_END_CHARS = '局委办区镇院团部门心司会所队站行社处联关组馆协厂校台署府室科园场库）)】';
/** Two-character endings of a complete unit name. */
const UNIT_END_WORDS = ['企业', '街道', '单位'];
/** Second lines that only make sense attached to a generic first line such as 各镇（区）. */
const GENERIC_TAILS = new Set(['有关部门', '有关单位', '相关部门', '相关单位', '各有关部门', '各相关部门']);
const SEPARATORS = /[、，,；;]/;
const OPEN = '（(【[〔';
const CLOSE = '）)】]〕';
const OPEN_CODES = [...OPEN].map((ch) => ch.charCodeAt(0));
const CLOSE_CODES = [...CLOSE].map((ch) => ch.charCodeAt(0));

/** Step 1: trim every line and drop empty lines. */
export function trimLines(lines: string[], emit: Emit): string[] {
  if (lines.every((line) => line !== '' && !EDGE.test(line))) return lines;
  const out = lines.map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')).filter((line) => line !== '');
  if (out.length !== lines.length || out.some((line, i) => line !== lines[i])) emit(lines.join('\n'), out.join('\n'), NAME_RULES.trimLines);
  return out;
}

/**
 * Step 2: a line with spaces is one padded name (`张  顺`, `海  关`) or several names
 * (`吴敬宇  郑丙华`, `郑丙华 周  强`): single characters next to each other form one padded name.
 */
export function splitSpacedLines(lines: string[], emit: Emit): string[] {
  if (!lines.some((line) => SPACE.test(line))) return lines;
  const out: string[] = [];
  for (const line of lines) {
    if (!SPACE.test(line)) {
      out.push(line);
      continue;
    }
    const split = splitSpacedLine(line);
    emit(line, split.joined, split.names.length === 1 ? NAME_RULES.unpadName : NAME_RULES.splitNames);
    for (const name of split.names) out.push(name);
  }
  return out;
}

/** Name cells repeat (the same leaders and units on every row): a line's split is kept, up to a bound. */
const SPLIT_MEMO = new Map<string, { names: readonly string[]; joined: string }>();
const SPLIT_MEMO_LIMIT = 20000;

function splitSpacedLine(line: string): { names: readonly string[]; joined: string } {
  const known = SPLIT_MEMO.get(line);
  if (known) return known;
  const names = groupTokens(line.split(SPACE).filter((t) => t !== ''));
  const split = { names, joined: names.join('\n') };
  if (SPLIT_MEMO.size >= SPLIT_MEMO_LIMIT) SPLIT_MEMO.clear();
  SPLIT_MEMO.set(line, split);
  return split;
}

function groupTokens(tokens: string[]): string[] {
  const names: string[] = [];
  let singles: string[] = [];
  const flushSingles = (): void => {
    if (singles.length === 4) names.push(singles.slice(0, 2).join(''), singles.slice(2).join(''));
    else if (singles.length > 0) names.push(singles.join(''));
    singles = [];
  };
  for (const token of tokens) {
    if (CJK.test(token)) {
      singles.push(token);
      continue;
    }
    flushSingles();
    // A bracket part belongs to the name before it: `各镇 （区）`.
    if (OPEN.includes(token[0]) && names.length > 0) names[names.length - 1] += token;
    else names.push(token);
  }
  flushSingles();
  return names;
}

/** Whether `name` ends as a complete unit name does (a test of its last character, no regex). */
export function isCompleteUnit(name: string): boolean {
  if (name === '') return false;
  const last = name[name.length - 1];
  if (UNIT_END_CHARS.includes(last)) return true;
  return (last === '业' || last === '道' || last === '位') && UNIT_END_WORDS.some((word) => name.endsWith(word));
}

/**
 * Adds the names of one cell that stand on their own (first in their cell, or after a complete
 * name) to `standalone`: such a name is never glued to the line before it.
 */
export function addStandaloneUnits(cell: string[], standalone: Set<string>): void {
  for (let i = 0; i < cell.length; i += 1) if (standsAlone(cell, i)) standalone.add(cell[i]);
}

/** Whether the `i`-th name of a cell stands on its own: the first, or one after a complete name. */
export function standsAlone(cell: string[], i: number): boolean {
  return i === 0 || isCompleteUnit(cell[i - 1]);
}

/** Step 4 (units): `退役军人\n事务局`, `农业\n农村局`, `各有关镇（区）\n有关部门` are one name each. */
export function joinSplitNames(names: string[], standalone: Set<string>, emit: Emit): string[] {
  if (!anyJoin(names, standalone)) return names;
  const out: string[] = [];
  for (const name of names) {
    out.push(name);
    // Joined names are checked again against the name before them, so that one pass is final.
    while (out.length >= 2 && shouldJoin(out[out.length - 2], out[out.length - 1], standalone)) {
      const second = out.pop() as string;
      const first = out.pop() as string;
      out.push(first + second);
      emit(`${first}\n${second}`, first + second, NAME_RULES.joinSplitName);
    }
  }
  return out;
}

/** Whether two neighbouring names join (when none do, the list stays as it is). */
function anyJoin(names: string[], standalone: Set<string>): boolean {
  for (let i = 1; i < names.length; i += 1) if (shouldJoin(names[i - 1], names[i], standalone)) return true;
  return false;
}

function shouldJoin(first: string, second: string, standalone: Set<string>): boolean {
  if (hasOpenBracket(first)) return true;
  if (GENERIC_TAILS.has(second)) return first.startsWith('各') || CLOSE.includes(first[first.length - 1]);
  if (isCompleteUnit(first)) return false;
  return isCompleteUnit(first + second) && !standalone.has(second) && second.length <= 6;
}

function hasOpenBracket(text: string): boolean {
  if (!/[（(【[〔]/.test(text)) return false;
  // By code unit: the brackets are single code units, and no half of a surrogate pair is one.
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (OPEN_CODES.includes(ch)) depth += 1;
    else if (CLOSE_CODES.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** Step 3: `人民医院、太訸集团` is two names; `各镇（区、街道）` is one (the comma is inside brackets). */
export function splitEnumerations(names: string[], emit: Emit): string[] {
  if (!names.some((name) => SEPARATORS.test(name))) return names;
  const out: string[] = [];
  for (const name of names) {
    const parts = splitNamesOutsideBrackets(name);
    if (parts.length > 1) emit(name, parts.join('\n'), NAME_RULES.splitEnumeration);
    for (const part of parts) out.push(part);
  }
  return out;
}

/** `各区、县（市）政府`: a bare `各区` before an admin level word is one unit with what follows. */
const BARE_EACH = /^各[区县市镇乡]$/;
const LEVEL_START = /^(?:[区县市镇乡]|街道)/;

function rejoinLevels(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && BARE_EACH.test(toSimplified(last.split('、').pop() ?? '')) && LEVEL_START.test(toSimplified(part))) out[out.length - 1] = `${last}、${part}`;
    else out.push(part);
  }
  return out;
}

/** A list of units as written in one cell or label (`区发改局、区财政局，各街道`): one name each, brackets kept whole. */
export function splitUnitList(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => splitNamesOutsideBrackets(line.trim())).filter((name) => name !== '');
}

function splitNamesOutsideBrackets(text: string): string[] {
  if (!SEPARATORS.test(text)) return [text];
  return rejoinLevels(splitOutsideBrackets(text, '、，,；;', { open: OPEN, close: CLOSE }));
}

/** Step 5: a name listed twice in one cell is kept once. */
export function dedupeNames(names: string[], emit: Emit): string[] {
  if (!hasRepeat(names)) return names;
  const out = [...new Set(names)];
  if (out.length !== names.length) emit(names.join('\n'), out.join('\n'), NAME_RULES.dedupeNames);
  return out;
}

/** Whether a name is listed twice (cells are short: a pairwise look beats building a set). */
function hasRepeat(names: string[]): boolean {
  if (names.length > 16) return new Set(names).size !== names.length;
  for (let i = 1; i < names.length; i += 1) for (let j = 0; j < i; j += 1) if (names[i] === names[j]) return true;
  return false;
}

/** A role word after a unit (`团市委配合落实`, `区发改局（牵头）`): the role, not part of the name. */
const ROLE_WORD = /(?:[（(](牵头|主办|负责|配合|协办|协助|参与)[）)]|(牵头落实|牵头负责|牵头|配合落实|配合|协助落实|协助|参与))$/;

const ROLE_WORD_ENDS = '）)头实责合助与';

/** The unit without its role word, and the role it names ('lead' | 'related'), or null when it has none. */
export function readRoleWord(name: string): { name: string; role: 'lead' | 'related' } | null {
  // Every role word ends in one of these: most names are rejected without the regex.
  if (name.length < 3 || !ROLE_WORD_ENDS.includes(name[name.length - 1])) return null;
  const match = ROLE_WORD.exec(name);
  if (!match || match.index < 2) return null;
  const word = match[1] ?? match[2];
  return { name: name.slice(0, match.index), role: /牵头|主办|负责/.test(word) ? 'lead' : 'related' };
}
