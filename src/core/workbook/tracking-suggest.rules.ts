/**
 * What a tracking value typed in words most likely means, to suggest it (never applied unasked):
 * 完成了 → 已完成, 八成 → 80%, 6月底 → 2023-06-30, 2023年底 → 2023-12-31, 三季度 → 2023-09-30.
 * Dates without a year take the record's year.
 */
import type { Status } from '../model/records.model';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 8, 八, 十, 十二, 二十, 八十五 → the number; null when not a number. */
export function readChineseNumber(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (!text || ![...text].every((ch) => ch in DIGITS)) return null;
  const chars = [...text];
  const ten = chars.indexOf('十');
  if (ten < 0) return chars.length === 1 ? DIGITS[chars[0]] : Number(chars.map((ch) => DIGITS[ch]).join(''));
  const tens = ten === 0 ? 1 : DIGITS[chars[ten - 1]];
  const ones = ten === chars.length - 1 ? 0 : DIGITS[chars[ten + 1]];
  return tens * 10 + ones;
}

const STATUS_WORDS: Array<[RegExp, Status]> = [
  [/暂缓|暂停|搁置|中止/, '暂缓'],
  [/滞后|延期|延迟|推迟|落后|逾期/, '滞后'],
  [/未完成|没(?:有)?完成|尚未完成/, '推进中'],
  [/未(?:开始|启动|开工|实施)|没(?:有)?开始|尚未/, '未启动'],
  [/基本完成|大部分|部分完成|接近完成|即将完成/, '推进中'],
  [/(?:已|全部|全面)?(?:完成|完工|竣工|办结|结束|建成|投用|达标)/, '已完成'],
  [/推进|进行|实施|在建|开展|开工|建设中|办理中|正在/, '推进中'],
];

export function suggestStatus(text: string): Status | null {
  const t = text.replace(/[\s。！!，,、了啦]/g, '');
  if (!t) return null;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(t)) return status;
  return null;
}

/** Progress 0–100 from words: 八成 → 80, 百分之八十 → 80, 一半/过半 → 50, 约80%左右 → 80, 完成 → 100. */
export function suggestProgress(text: string): number | null {
  const t = text.replace(/[\s。，,]|约|大约|左右|以上|已|完成了?(?=.)/g, '').replace(/％/g, '%');
  const tenths = /^([一二两三四五六七八九十\d])成(半)?$/.exec(t);
  if (tenths) return (readChineseNumber(tenths[1]) ?? 0) * 10 + (tenths[2] ? 5 : 0);
  const percent = /^百分之([零〇一二两三四五六七八九十\d.]+)$/.exec(t) ?? /^(\d+(?:\.\d+)?)%?$/.exec(t);
  if (percent) {
    const n = readChineseNumber(percent[1]);
    return n !== null && n >= 0 && n <= 100 ? n : null;
  }
  if (/^(?:一半|过半|半数|过半数|50%)$/.test(t)) return 50;
  if (/^(?:完成|全部完成|已完成|完工|竣工)$/.test(text.replace(/[\s。了]/g, ''))) return 100;
  return null;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const QUARTER_END: Record<number, number> = { 1: 3, 2: 6, 3: 9, 4: 12 };
const NUM = '[零〇一二两三四五六七八九十\\d]+';

const MONTH_DAY = new RegExp(`^(?:(\\d{4})年)?(?:(${NUM})月)?(底|末|初|上旬|中旬|下旬|(${NUM})[日号])?$`);
const PERIOD = /^(?:(\d{4})年)?(上半年|下半年|全年|年内|年底|年末|(?:第)?([一二三四1-4])季度(?:末|底)?)$/;

/** 2023年6月底, 6月底, 6月15日, 2023年底 (a month, a day or a year's end). */
function monthDate(t: string, year: number | null): string | null | undefined {
  const m = MONTH_DAY.exec(t);
  if (!m || !(m[1] || m[2])) return undefined;
  const y = m[1] ? Number(m[1]) : year;
  const month = m[2] ? readChineseNumber(m[2]) : 12;
  if (y === null || month === null) return null;
  if (m[4]) return iso(y, month, readChineseNumber(m[4]) ?? 0);
  if (m[3] === '初' && !m[2]) return iso(y, 1, 31);
  const day = ({ 初: 10, 上旬: 10, 中旬: 20 } as Record<string, number>)[m[3] ?? ''] ?? lastDay(y, month);
  return iso(y, month, day);
}

/** 上半年, 年底, 三季度 (a period's end). */
function periodDate(t: string, year: number | null): string | null {
  const m = PERIOD.exec(t);
  const y = m?.[1] ? Number(m[1]) : year;
  if (!m || y === null) return null;
  if (m[3]) {
    const month = QUARTER_END[readChineseNumber(m[3]) ?? 0];
    return month ? iso(y, month, lastDay(y, month)) : null;
  }
  return m[2] === '上半年' ? iso(y, 6, 30) : iso(y, 12, 31);
}

/** A date from words; `year` for those without one (null: no suggestion then). */
export function suggestDate(text: string, year: number | null): string | null {
  const t = text.replace(/[\s。，,]|之前|以前|前/g, '');
  const byMonth = monthDate(t, year);
  return byMonth === undefined ? periodDate(t, year) : byMonth;
}

/** The suggestion for one tracking cell as the text to type in (80%, 已完成, 2023-06-30), or null. */
export function suggestTracking(field: string, text: string, year: number | null): string | null {
  if (field === 'status') return suggestStatus(text);
  if (field === 'progress') {
    const n = suggestProgress(text);
    return n === null ? null : `${n}%`;
  }
  if (field === 'deadline' || field === 'updated') return suggestDate(text, year);
  return null;
}
