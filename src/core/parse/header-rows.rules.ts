/**
 * Which rows of a grid are header rows: the header itself (three header words, two of them sure,
 * in the first rows), a sub-header under it, and the header repeated on a later page.
 */
import { headerKey, matchHeaderRole } from './column-roles.rules';

/** The header stands in one of the first rows. */
export const HEADER_SEARCH_ROWS = 6;
const MIN_HEADER_CELLS = 3;

function headerCounts(cells: string[][]): { all: number; sure: number } {
  return countHeaderTexts(cells.map(joinTexts));
}

const joinTexts = (texts: string[]): string => (texts.length === 1 ? texts[0] : texts.join(''));

function countHeaderTexts(texts: string[]): { all: number; sure: number } {
  let all = 0;
  let sure = 0;
  for (const text of texts) {
    const match = matchHeaderRole(text);
    if (!match) continue;
    all += 1;
    if (match.sure) sure += 1;
  }
  return { all, sure };
}

/**
 * What findHeaderRow asks of a row (MIN_HEADER_CELLS header words, two of them sure), for every
 * data row: the short cells (names, memoised) first, stopping as soon as the answer is known.
 */
function looksLikeHeader(texts: string[]): boolean {
  let all = 0;
  let sure = 0;
  let left = texts.length;
  for (const short of [true, false]) {
    for (const text of texts) {
      if (text.length <= 24 !== short) continue;
      left -= 1;
      const match = matchHeaderRole(text);
      if (match) {
        all += 1;
        if (match.sure) sure += 1;
      }
      if (all >= MIN_HEADER_CELLS && sure >= 2) return true;
      if (all + left < MIN_HEADER_CELLS || sure + left < 2) return false;
    }
  }
  return false;
}

export function findHeaderRow(rows: string[][][]): number {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r += 1) {
    const counts = headerCounts(rows[r]);
    if (counts.all >= MIN_HEADER_CELLS && counts.sure >= 2) return r;
  }
  return -1;
}

/** A second header row (一季度 … 四季度 under 时间节点) names the columns it stands under. */
export function mergeSubHeader(rows: string[][][], headerIndex: number): { header: string[][]; dataStart: number } {
  const header = rows[headerIndex];
  const next = rows[headerIndex + 1] as string[][] | undefined;
  if (!next) return { header, dataStart: headerIndex + 1 };
  const filled = next.filter((texts) => texts.join('').trim() !== '');
  const sub = filled.length >= 2 && filled.every((texts) => matchHeaderRole(texts.join(''))?.sure === true);
  if (!sub) return { header, dataStart: headerIndex + 1 };
  const merged = header.map((texts, i) => (next[i] && next[i].join('').trim() !== '' ? next[i] : texts));
  return { header: merged, dataStart: headerIndex + 2 };
}

/** Runs once per data row: each cell's text is joined once, and a row with a long cell (content) skips the header-word count. */
export function isRepeatedHeader(cells: string[][], headerKeys: string[]): boolean {
  const texts: string[] = [];
  let short = true;
  for (const cell of cells) {
    const text = joinTexts(cell);
    if (text.length > 64) short = false;
    texts.push(text);
  }
  if (short && looksLikeHeader(texts)) return true;
  return texts.length > 0 && sameKeys(texts, headerKeys);
}

/** Every cell's key is the header's (headerKey keeps the length or shortens: a shorter text cannot match). */
function sameKeys(texts: string[], headerKeys: string[]): boolean {
  for (let i = 0; i < texts.length; i += 1) {
    const key = headerKeys[i] ?? '';
    if (texts[i].length < key.length || headerKey(texts[i]) !== key) return false;
  }
  return true;
}
