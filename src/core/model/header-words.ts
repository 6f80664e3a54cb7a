/**
 * The header words of the two tables, with their synonyms across years. Shared by the text
 * reader (to find where a header row ends) and the recogniser (to map columns to fields).
 */

export type HeaderKey = 'no' | 'category' | 'item' | 'name' | 'content' | 'task' | 'leaders' | 'leadUnits' | 'relatedUnits';

const HEADER_WORDS: ReadonlyArray<readonly [string, HeaderKey]> = [
  ['序号', 'no'],
  ['编号', 'no'],
  ['门类', 'category'],
  ['分类', 'category'],
  ['类别', 'category'],
  ['项目', 'item'],
  ['项目名称', 'name'],
  ['内容和要求', 'content'],
  ['内容及要求', 'content'],
  ['主要建设内容', 'content'],
  ['建设内容', 'content'],
  ['工作任务', 'task'],
  ['负责人', 'leaders'],
  ['分管领导', 'leaders'],
  ['责任领导', 'leaders'],
  ['牵头领导', 'leaders'],
  ['主要责任单位', 'leadUnits'],
  ['牵头单位', 'leadUnits'],
  ['责任单位', 'leadUnits'],
  ['主办单位', 'leadUnits'],
  ['相关单位', 'relatedUnits'],
  ['配合单位', 'relatedUnits'],
  ['协办单位', 'relatedUnits'],
];

const MAX_HEADER_TEXT = 64;
const HEADER_MAP = new Map<string, HeaderKey>(HEADER_WORDS);

/** Header cells come spaced out (`项   目`) or broken over lines (`主要责\n任单位`). */
export function normaliseHeaderText(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/[:：]$/, '');
}

/** The field a header cell names, or null. `2023年工作任务` names 'task'. */
export function matchHeaderWord(text: string): HeaderKey | null {
  // Header words are short; spaced out they stay under this length. Saves work on data cells.
  if (text.length > MAX_HEADER_TEXT) return null;
  const word = normaliseHeaderText(text);
  if (!word) return null;
  const direct = HEADER_MAP.get(word);
  if (direct) return direct;
  if (/^(?:\d{4}年(?:度)?)?(?:工作任务|年度任务|年度目标)$/.test(word)) return 'task';
  return null;
}

/** The year in a `2023年工作任务` header cell, or null. */
export function readHeaderYear(text: string): number | null {
  const match = /^(\d{4})年(?:度)?(?:工作任务|年度任务|年度目标)$/.exec(normaliseHeaderText(text));
  return match ? Number(match[1]) : null;
}
