/**
 * 完成时限 as written → the date it means, where that is unambiguous: `12月底前` → 2023-12-31 (the
 * table's year), `2023年6月` → 2023-06-30, `三季度` → 2023-09-30, `2023年6月30日` → 2023-06-30.
 * Two dates in one cell (`6月底前招标，12月底前竣工`), `6月前`, `长期坚持` give null.
 */
import type { Deadline } from '../model/records.model';
import { toSimplified } from './traditional-chars';

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const NUM = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const FULL_DATE = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/g;
const MONTH = new RegExp(`(?:(\\d{4})\\s*年\\s*)?${NUM}\\s*月(?:份)?\\s*(底|末|中旬|上旬|下旬)?\\s*(前)?`, 'g');
const QUARTER = /(?:(\d{4})\s*年\s*)?第?([一二三四1-4])\s*季度/g;
const HALF = /(?:(\d{4})\s*年\s*)?([上下])半年/g;
const YEAR_END = /(?:(\d{4})\s*年\s*)?(?:年底|年末|年内|全年|年度内|底前)/g;

function num(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : CN[text] ?? 0;
}

function iso(year: number, month: number, day?: number): string | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const d = day ?? last;
  if (d < 1 || d > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date the text names (as ISO), with the spans taken so that a month is not read twice. */
function findDates(text: string, year: number | null): (string | null)[] {
  const found: (string | null)[] = [];
  let rest = text;
  const take = (pattern: RegExp, read: (m: RegExpExecArray) => string | null): void => {
    rest = rest.replace(pattern, (...args: unknown[]) => {
      found.push(read(args.slice(0, -2) as unknown as RegExpExecArray));
      return '　';
    });
  };
  take(FULL_DATE, (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])));
  take(MONTH, (m) => {
    const y = m[1] ? Number(m[1]) : year;
    // 6月前 (before June) and 6月中旬 name no day for sure.
    if (y === null || (m[4] && !m[3]) || (m[3] && m[3] !== '底' && m[3] !== '末')) return null;
    return iso(y, num(m[2]));
  });
  take(QUARTER, (m) => {
    const y = m[1] ? Number(m[1]) : year;
    return y === null ? null : iso(y, num(m[2]) * 3);
  });
  take(HALF, (m) => {
    const y = m[1] ? Number(m[1]) : year;
    return y === null ? null : iso(y, m[2] === '上' ? 6 : 12);
  });
  take(YEAR_END, (m) => {
    const y = m[1] ? Number(m[1]) : year;
    return y === null ? null : iso(y, 12);
  });
  return found;
}

/** The ISO date a deadline text means, or null when it names none or several. */
export function parseDeadlineDate(text: string, year: number | null): string | null {
  const dates = findDates(toSimplified(text.replace(/\s+/g, '')), year);
  const distinct = new Set(dates);
  return distinct.size === 1 ? dates[0] : null;
}

export function readDeadline(text: string, year: number | null): Deadline {
  return { text, iso: parseDeadlineDate(text, year) };
}

/**
 * A 完成时限 in words with nothing of a date in it (长期坚持, 持续推进, 常态化): the notice's own
 * text, kept as written and never overdue. Only a text that tries to name a date (6月底, 年底,
 * 2023.13.1) is worth a warning, because a real date would make it count. Used where a workbook's
 * 完成时限 is read back and where a notice's 时间节点 column is told from a stage plan.
 */
const DATE_SIGNAL = /[\d０-９年月日号季旬底末半一二三四五六七八九十〇]/;

export function isTextDeadline(text: string): boolean {
  const t = text.trim();
  return t !== '' && !DATE_SIGNAL.test(t);
}
