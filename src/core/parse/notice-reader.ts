/** Reads the 通知 (number, title, date, body) from the paragraphs outside the tables. */
import type { Notice } from '../model/records.model';
import { toSimplified } from './traditional-chars';

/** 太政发〔2021〕9号, 穗府辦〔2006〕19號. */
const NUMBER = /[\u4e00-\u9fa5]{1,8}[〔[【（(]\d{4}[〕\]】）)]\s*\d{1,4}\s*[号號]/;
/** 关于… or an issuing body before it (广州市人民政府关于…, 關於…). */
const TITLE_START = /^(?:[^，。：:、\s]{2,24}?)?关于/;
const ISSUER = /^[\u4e00-\u9fa5（）()]{2,30}?(?:人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|管委会|管理委员会|人民政府办公室)$/;
const CITY = /([\u4e00-\u9fa5]{2,6}?[市县区州旗])(?:人民政府|政府|委员会|管委会|管理委员会)/;
const TITLE_END = /(通知|决定|意见|方案|批复|函)$/;
const DATE = /^(\d{4}|[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
const MAX_TITLE_LINES = 4;

export function readNotice(paragraphs: string[]): Notice {
  const lines = paragraphs.map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter((p) => p !== '');
  const numberIndex = lines.findIndex((line) => NUMBER.test(line));
  const number = numberIndex >= 0 ? (NUMBER.exec(lines[numberIndex]) as RegExpExecArray)[0].replace(/\s+/g, '') : null;
  // The title follows the number (太仓) or stands above it (…关于…的通知 / 武府办发〔2024〕3号).
  const title = findTitle(lines, Math.max(0, numberIndex)) ?? (numberIndex > 0 ? findTitle(lines.slice(0, numberIndex), 0) : null);
  const dateIndex = lines.findIndex((line) => DATE.test(line));
  const date = dateIndex >= 0 ? toIsoDate(lines[dateIndex]) : null;
  const notice: Notice = { number, title: title ? title.text : null, date };
  const issuer = findIssuer(lines, dateIndex, title?.text ?? null);
  if (title) {
    // The signature above the date is the issuer, not body text.
    const signed = issuer !== null && dateIndex > title.end && lines[dateIndex - 1] === issuer;
    const end = dateIndex > title.end ? dateIndex - (signed ? 1 : 0) : lines.length;
    const body = lines.slice(title.end, end).filter((line, i) => !/^附件\d*$/.test(line) && !(i === 0 && numberIndex === title.end));
    if (body.length > 0) notice.body = body;
  }
  if (issuer) notice.issuer = issuer;
  const city = findCity([issuer ?? '', title?.text ?? '', ...lines.slice(0, 3)]);
  if (city) notice.city = city;
  return notice;
}

/** The signature above the date, else the 文头 (…文件), else the body named before 关于 in the title. */
function findIssuer(lines: string[], dateIndex: number, title: string | null): string | null {
  const signature = dateIndex > 0 ? lines[dateIndex - 1] : '';
  if (ISSUER.test(toSimplified(signature))) return signature;
  const head = lines.slice(0, 3).map((line) => /^(.{2,30}?)文件$/.exec(line)?.[1]).find((name) => name && ISSUER.test(toSimplified(name)));
  if (head) return head;
  const prefix = title ? /^(.{2,24}?)(?:关于|關於)/.exec(title)?.[1] : undefined;
  return prefix && ISSUER.test(toSimplified(prefix)) ? prefix : null;
}

/** 太仓市 from 太仓市人民政府, 广州市 from 广州市人民政府办公厅; never 各镇/各区 (addressees). */
export function findCity(texts: string[]): string | null {
  for (const text of texts) {
    const match = CITY.exec(toSimplified(text));
    if (match && !match[1].startsWith('各')) return match[1];
  }
  return null;
}

function findTitle(lines: string[], from: number): { text: string; end: number } | null {
  for (let i = from; i < lines.length; i += 1) {
    if (!TITLE_START.test(toSimplified(lines[i]))) continue;
    let text = '';
    for (let j = i; j < Math.min(lines.length, i + MAX_TITLE_LINES); j += 1) {
      text += lines[j];
      if (TITLE_END.test(toSimplified(text))) return { text, end: j + 1 };
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
