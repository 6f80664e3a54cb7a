/** Reads the 通知 (number, title, date, body) from the paragraphs outside the tables. */
import type { Notice } from '../model/records.model';

const NUMBER = /[\u4e00-\u9fa5]{1,8}[〔[【（(]\d{4}[〕\]】）)]\s*\d{1,4}\s*号/;
const TITLE_START = /^关于/;
const TITLE_END = /(通知|决定|意见|方案|批复|函)$/;
const DATE = /^(\d{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
const MAX_TITLE_LINES = 4;

export function readNotice(paragraphs: string[]): Notice {
  const lines = paragraphs.map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter((p) => p !== '');
  const numberIndex = lines.findIndex((line) => NUMBER.test(line));
  const number = numberIndex >= 0 ? (NUMBER.exec(lines[numberIndex]) as RegExpExecArray)[0].replace(/\s+/g, '') : null;
  const title = findTitle(lines, Math.max(0, numberIndex));
  const dateIndex = lines.findIndex((line) => DATE.test(line));
  const date = dateIndex >= 0 ? toIsoDate(lines[dateIndex]) : null;
  const notice: Notice = { number, title: title ? title.text : null, date };
  if (title) {
    const end = dateIndex > title.end ? dateIndex : lines.length;
    const body = lines.slice(title.end, end).filter((line) => !/^附件\d*$/.test(line));
    if (body.length > 0) notice.body = body;
  }
  return notice;
}

function findTitle(lines: string[], from: number): { text: string; end: number } | null {
  for (let i = from; i < lines.length; i += 1) {
    if (!TITLE_START.test(lines[i])) continue;
    let text = '';
    for (let j = i; j < Math.min(lines.length, i + MAX_TITLE_LINES); j += 1) {
      text += lines[j];
      if (TITLE_END.test(text)) return { text, end: j + 1 };
    }
  }
  return null;
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function readChineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 4) return Number([...text].map((ch) => DIGITS[ch] ?? 0).join(''));
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  return (text.includes('十') ? (tens ? DIGITS[tens] ?? 1 : 1) * 10 : 0) + (ones ? DIGITS[ones] ?? 0 : 0);
}

function toIsoDate(line: string): string | null {
  const match = DATE.exec(line);
  if (!match) return null;
  const [year, month, day] = [readChineseNumber(match[1]), readChineseNumber(match[2]), readChineseNumber(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
