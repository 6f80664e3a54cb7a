/**
 * Which rows of a grid are header rows: the header itself (three header words, two of them sure,
 * in the first rows), a sub-header under it, and the header repeated on a later page.
 */
import { headerKey, matchHeaderRole, mayNameRole } from './column-roles.rules';

/** The header stands in one of the first rows. */
export const HEADER_SEARCH_ROWS = 6;
const MIN_HEADER_CELLS = 3;

function headerCounts(cells: string[][]): { all: number; sure: number } {
  return countHeaderTexts(cells.map(joinTexts));
}

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

/** A cell's paragraphs as one text (as the header row's cells are read). */
const joinTexts = (texts: string[]): string => (texts.length === 1 ? texts[0] : texts.join(''));

/** The length of joinTexts(texts), without joining. */
function joinedLength(texts: string[]): number {
  if (texts.length === 1) return texts[0].length;
  let length = 0;
  for (let i = 0; i < texts.length; i += 1) length += texts[i].length;
  return length;
}

/**
 * What findHeaderRow asks of a row (MIN_HEADER_CELLS header words, two of them sure), for every
 * data row: the short cells (names, memoised) first, stopping as soon as the answer is known. A
 * cell is joined only when it is looked at.
 */
function looksLikeHeader(cells: string[][]): boolean {
  let all = 0;
  let sure = 0;
  let left = cells.length;
  for (let pass = 0; pass < 2; pass += 1) {
    for (let i = 0; i < cells.length; i += 1) {
      const length = joinedLength(cells[i]);
      if (length <= 24 !== (pass === 0)) continue;
      left -= 1;
      // An empty cell (merged from above: a third of all cells) names no role, nor a cell whose last
      // character ends no header word (names, units): no text joined or looked up for them.
      const match = length === 0 || !mayNameRole(cells[i]) ? null : matchHeaderRole(joinTexts(cells[i]));
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

/**
 * The header text of a sub-header cell (the row under the header), or null when it names no
 * column: a header word of its own (一季度 under 时间节点, 牵头单位 under 责任单位), or a short
 * qualifier read with the header above it (牵头 | 配合 under a 责任单位 spanning both: 牵头责任单位).
 */
function subHeaderText(child: string, parent: string): string | null {
  if (matchHeaderRole(child)?.sure === true) return child;
  // Only the qualifiers real sub-headers use: a data row of short names (张三 under 责任领导) is no sub-header.
  if (parent === '' || !QUALIFIER.test(headerKey(child))) return null;
  const combined = child + parent;
  return matchHeaderRole(combined) ? combined : null;
}

const QUALIFIER = /^(?:牵头|主办|主责|主要|配合|协办|协同|协作|参与|相关|责任|分管|联系)$/;

/** The header text over column `i`: its own, or (under a cell spanning it) the nearest one to its left. */
function parentText(header: string[][], i: number): string {
  for (let c = i; c >= 0; c -= 1) {
    const text = header[c].join('').trim();
    if (text !== '') return text;
  }
  return '';
}

/** A second header row (一季度 … 四季度 under 时间节点, 牵头 | 配合 under 责任单位) names the columns it stands under. */
export function mergeSubHeader(rows: string[][][], headerIndex: number): { header: string[][]; dataStart: number } {
  const header = rows[headerIndex];
  const next = rows[headerIndex + 1] as string[][] | undefined;
  if (!next) return { header, dataStart: headerIndex + 1 };
  const texts = next.map((cell, i) => {
    const child = cell.join('').trim();
    return child === '' ? '' : subHeaderText(child, i < header.length ? parentText(header, i) : '');
  });
  const filled = texts.filter((text) => text !== '');
  if (filled.length < 2 || texts.some((text) => text === null)) return { header, dataStart: headerIndex + 1 };
  const merged = header.map((cell, i) => (texts[i] ? [texts[i] as string] : cell));
  return { header: merged, dataStart: headerIndex + 2 };
}

/** Runs once per data row: nothing is built for it, and a row with a long cell (content) skips the header-word count. */
export function isRepeatedHeader(cells: string[][], headerKeys: string[]): boolean {
  let short = true;
  for (let i = 0; i < cells.length && short; i += 1) if (joinedLength(cells[i]) > 64) short = false;
  if (short && looksLikeHeader(cells)) return true;
  return cells.length > 0 && sameKeys(cells, headerKeys);
}

/** Every cell's key is the header's (headerKey keeps the length or shortens: a shorter text cannot match). */
function sameKeys(cells: string[][], headerKeys: string[]): boolean {
  for (let i = 0; i < cells.length; i += 1) {
    const key = headerKeys[i] ?? '';
    if (joinedLength(cells[i]) < key.length || headerKey(joinTexts(cells[i])) !== key) return false;
  }
  return true;
}
