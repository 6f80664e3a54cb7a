/**
 * Abbreviations of unit names: the short form's characters appear in order in the full form,
 * and both end in the same class of suffix (资规局 ⊂ 自然资源和规划局, 发改委 ⊂ 发展和改革委员会).
 */

/** Longest first: the full suffix word and the class it belongs to. */
const SUFFIXES: [string, string][] = [
  ['委员会', '委'],
  ['联合会', '联'],
  ['办公室', '办'],
  ['管理委员会', '委'],
  ['管委会', '委'],
  ['有限公司', '公司'],
  ['公司', '公司'],
  ['集团', '集团'],
  ['协会', '协'],
  ['中心', '中心'],
  ['街道', '街道'],
  ['医院', '院'],
  ['学院', '院'],
  ['法院', '院'],
  ['检察院', '院'],
  ['委', '委'],
  ['联', '联'],
  ['办', '办'],
  ['协', '协'],
  ['局', '局'],
  ['院', '院'],
  ['会', '会'],
  ['处', '处'],
  ['所', '所'],
  ['队', '队'],
  ['站', '站'],
  ['馆', '馆'],
  ['社', '社'],
  ['行', '行'],
  ['部', '部'],
  ['署', '署'],
  ['厅', '厅'],
  ['关', '关'],
  ['镇', '镇'],
  ['区', '区'],
  ['台', '台'],
  ['团', '团'],
];
SUFFIXES.sort((a, b) => b[0].length - a[0].length);

export interface SuffixSplit {
  stem: string;
  cls: string;
}

/** Splits a unit name into stem and suffix class; null when it ends in no known suffix. */
export function splitSuffix(name: string): SuffixSplit | null {
  for (const [suffix, cls] of SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) return { stem: name.slice(0, name.length - suffix.length), cls };
  }
  return null;
}

/** True when every character of `short` appears in `long` in order. */
export function isSubsequence(short: string, long: string): boolean {
  const a = [...short];
  const b = [...long];
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i += 1) if (b[i] === a[j]) j += 1;
  return j === a.length;
}

/**
 * True when `short` abbreviates `long`: same suffix class, short stem a subsequence of the long stem,
 * short strictly shorter, and the stems share their first character or the short stem has at least
 * two characters (资规 in 自然资源和规划). One-character stems only count when they open the long stem.
 */
export function isAbbreviationOf(short: string, long: string): boolean {
  const s = splitSuffix(short);
  const l = splitSuffix(long);
  return Boolean(s && l && abbreviates({ ...s, length: [...short].length }, { ...l, length: [...long].length }));
}

export interface SplitForm extends SuffixSplit {
  /** Length of the whole form in characters. */
  length: number;
}

/** isAbbreviationOf on forms already split (the index keeps its forms split). */
export function abbreviates(s: SplitForm, l: SplitForm): boolean {
  if (s.cls !== l.cls || s.length >= l.length) return false;
  if (!isSubsequence(s.stem, l.stem)) return false;
  const sChars = [...s.stem];
  if (sChars.length === 1) return l.stem.startsWith(sChars[0]);
  return true;
}
