/**
 * Reporting periods as offices write them: 2023Q3, 2023-10, 2023年第三季度, 2023年10月, 2023年上半年.
 * The period's end is the date 序时进度 is measured at when no report date is given.
 */
import { lastDayOfMonth } from './calendar.rules';
export interface Period {
  key: string;
  label: string;
  year: number;
  /** ISO date of the period's last day. */
  end: string;
}

const QUARTER_ZH = ['一', '二', '三', '四'];
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function quarter(year: number, q: number): Period {
  return { key: `${year}Q${q}`, label: `${year}年第${QUARTER_ZH[q - 1]}季度`, year, end: lastDayOfMonth(year, q * 3) };
}

function month(year: number, m: number): Period {
  return { key: `${year}-${String(m).padStart(2, '0')}`, label: `${year}年${m}月`, year, end: lastDayOfMonth(year, m) };
}

/** The period a text names, or null when it names none. */
export function parsePeriod(text: string): Period | null {
  const t = text.replace(/\s+/g, '').toUpperCase();
  let m = /^(\d{4})[-_]?Q([1-4])$/.exec(t) ?? /^(\d{4})年第?([1-4])季度$/.exec(t);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年第?([一二三四])季度$/.exec(t);
  if (m) return quarter(Number(m[1]), CN_DIGITS[m[2]]);
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(份)?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})(H1|年上半年)$/.exec(t);
  if (m) return { key: `${m[1]}H1`, label: `${m[1]}年上半年`, year: Number(m[1]), end: `${m[1]}-06-30` };
  m = /^(\d{4})(H2|年下半年)$/.exec(t);
  if (m) return { key: `${m[1]}H2`, label: `${m[1]}年下半年`, year: Number(m[1]), end: `${m[1]}-12-31` };
  m = /^(\d{4})(年|年度|年全年)?$/.exec(t);
  if (m) return { key: m[1], label: `${m[1]}年度`, year: Number(m[1]), end: `${m[1]}-12-31` };
  return null;
}
