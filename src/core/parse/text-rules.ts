/** Cleaning of the text columns (门类, 项目, 项目名称, 内容, 工作任务). */
import type { Emit } from './name-rules';

export const TEXT_RULES = {
  trim: 'trim',
  joinVerticalText: 'join-vertical-text',
  joinLines: 'join-lines',
  removeInnerSpaces: 'remove-inner-spaces',
  stripStrayPrefix: 'strip-stray-prefix',
  xmlCharRemoved: 'xml-char-removed',
} as const;

/** Any space a short field may hold between characters (a cheap test before INNER_SPACE). */
const ANY_SPACE = /[\s\u3000\u00a0]/;
const EDGE_SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;
const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff（）《》“”';
const INNER_SPACE = new RegExp(`([${HAN}])[\\s\\u3000\\u00a0]+(?=[${HAN}])`, 'g');

/** Whether a UTF-16 code unit is one that `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c < 0xa0) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A value with a line break or an edge space needs the full trim (no regex: long texts are scanned once). */
function needsTrim(value: string): boolean {
  return typeof value === 'string' && value !== '' && (isSpaceCode(value.charCodeAt(0)) || isSpaceCode(value.charCodeAt(value.length - 1)) || value.includes('\n'));
}

function trimParagraphs(value: string, emit: Emit): string[] {
  if (!needsTrim(value)) return value === '' ? [] : [value];
  const lines = value.split('\n').map((line) => line.replace(EDGE_SPACE, ''));
  const kept = lines.filter((line) => line !== '');
  const trimmed = kept.join('\n');
  if (trimmed !== value) emit(value, trimmed, TEXT_RULES.trim);
  return kept;
}

/**
 * Short fields (门类, 项目, 分类, 项目名称) are one line: vertical text (`综\n合\n指\n标`,
 * `医疗\n卫生`) and wrapped lines are joined, spaces between Chinese characters removed.
 */
export function cleanShortText(value: string, emit: Emit): string {
  // Most short cells of continuation rows are empty (merged above): no regex call for them.
  if (value === '') return value;
  let text = value;
  // A value that is not a string (a record read back without the field) goes the full way, to ''.
  if (typeof value !== 'string' || needsTrim(value)) {
    const lines = trimParagraphs(value, emit);
    text = lines.join('\n');
    if (lines.length > 1) {
      const joined = lines.join('');
      emit(text, joined, lines.every((line) => [...line].length <= 2) ? TEXT_RULES.joinVerticalText : TEXT_RULES.joinLines);
      text = joined;
    }
  }
  if (!ANY_SPACE.test(text)) return text;
  const unspaced = text.replace(INNER_SPACE, '$1');
  if (unspaced !== text) emit(text, unspaced, TEXT_RULES.removeInnerSpaces);
  return unspaced;
}

/** Long fields (内容和要求, 主要建设内容, 工作任务) keep their paragraphs; edges and empty lines go. */
export function cleanLongText(value: string, emit: Emit): string {
  return typeof value === 'string' && !needsTrim(value) ? value : trimParagraphs(value, emit).join('\n');
}

/**
 * The 门类 headings of one table share a form (2021: `致力X，共Y`; 2023: `突出X，增强Y`); a heading
 * with one or two stray characters before that form (`致致力…`, `我致力…`) loses them.
 */
export function findStrayPrefixes(categories: string[]): Map<string, string> {
  const distinct = [...new Set(categories.filter((c) => c.length >= 6))];
  const fixes = new Map<string, string>();
  const lead = findDominantLead(distinct);
  if (!lead) return fixes;
  const known = new Set(distinct);
  const led = distinct.filter((c) => c.startsWith(lead));
  // The form has a comma in the middle when most headings with the lead have one.
  const formHasComma = led.filter((c) => /[，,]/.test(c)).length * 2 >= led.length;
  for (const category of distinct) {
    if (category.startsWith(lead)) continue;
    const at = category.indexOf(lead);
    if (at < 1 || at > 2) continue;
    const stripped = category.slice(at);
    if (known.has(stripped) || (formHasComma && /[，,]/.test(stripped))) fixes.set(category, stripped);
  }
  return fixes;
}

/**
 * The lead is the two characters most headings hold within their first three positions
 * (`致力` in `致力…`, `加致力…`, `我致力…`); at least two headings must start with it, so that
 * numbered headings (`一、致力…`) keep their numbers.
 */
function findDominantLead(distinct: string[]): string | null {
  const within = new Map<string, number>();
  const atStart = new Map<string, number>();
  for (const category of distinct) {
    const leads = new Set([0, 1, 2].map((at) => category.slice(at, at + 2)));
    for (const lead of leads) within.set(lead, (within.get(lead) ?? 0) + 1);
    atStart.set(category.slice(0, 2), (atStart.get(category.slice(0, 2)) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestScore = -1;
  for (const [lead, count] of within) {
    const score = count * 1000 + (atStart.get(lead) ?? 0);
    if (score > bestScore && [...lead].length === 2) [best, bestScore] = [lead, score];
  }
  if (best === null) return null;
  const count = within.get(best) ?? 0;
  return count * 2 > distinct.length && (atStart.get(best) ?? 0) >= 2 ? best : null;
}
