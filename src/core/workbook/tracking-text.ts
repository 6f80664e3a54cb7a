/** Tracking cell text (as a sheet shows it) → Tracking values; what cannot be read is kept and reported. */
import { serialToIsoDate } from '../sheet/cell-value';
import { STATUSES, type Finding, type RoundReport, type Status, type Tracking } from '../model/records.model';
import { isTextDeadline } from '../parse/deadline.parser';
import { suggestTracking } from './tracking-suggest.rules';

const STATUS_SYNONYMS: Record<string, Status> = { 进行中: '推进中', 正在推进: '推进中', 完成: '已完成', 已办结: '已完成', 未开始: '未启动', 延期: '滞后', 暂停: '暂缓' };

export function readStatus(text: string): Status | null | undefined {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  if ((STATUSES as readonly string[]).includes(t)) return t as Status;
  return STATUS_SYNONYMS[t];
}

/** '50%' → 50; '0.5' → 50 (a fraction, as a cell formatted 0% holds it); '80' → 80. */
export function readProgress(text: string): number | null | undefined {
  const t = text.replace(/[\s，,]/g, '').replace(/％/g, '%');
  if (t === '') return null;
  const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  if (percent) return Math.round(Number(percent[1]) * 100) / 100;
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Math.round((n <= 1 ? n * 100 : n) * 100) / 100;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO, 2023/6/30, 2023.6.30, 2023年6月30日, or a date serial → 'yyyy-mm-dd'; undefined when unreadable. */
export function readDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return `${y}-${pad(mo)}-${pad(d)}`;
    return undefined;
  }
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return serialToIsoDate(Number(t));
  return undefined;
}

/** Where a tracking cell is, for the finding: a place in words and, when known, its address. */
export interface TrackingPlace {
  where: string;
  /** The record's year, for dates typed without one (6月底). */
  year?: number | null;
  /** The cell address of a tracking key ('主要工作'!K5). */
  cellOf?: (key: string) => string | undefined;
}

const FIELD_ZH: Record<string, string> = { status: '进展状态', progress: '完成进度', deadline: '完成时限', updated: '更新日期', delayTo: '申请延期至' };

function unreadable(field: string, value: string, place: TrackingPlace): Finding {
  const suggestion = suggestTracking(field, value, place.year ?? null);
  const label = FIELD_ZH[field] ?? field;
  const cell = place.cellOf?.(field);
  return {
    code: 'tracking-unreadable',
    severity: 'warning',
    message: `${place.where}的“${label}”无法识别：${value}（已原样保留，不计入统计）${suggestion ? `，建议改为“${suggestion}”` : ''}`,
    messageEn: `${place.where}: cannot read ${field} "${value}" (kept as written, not counted)${suggestion ? `; suggested: "${suggestion}"` : ''}`,
    field,
    value,
    ...(cell ? { cell } : {}),
    ...(suggestion ? { suggestions: [{ value: suggestion, score: 0.8, reason: 'normalised' as const, certain: false }] } : {}),
  };
}

/** Tracking from cell texts by key; returns undefined when every tracking cell is empty. */
export function readTracking(cells: Record<string, string>, at: string | TrackingPlace, warnings: Finding[]): Tracking | undefined {
  const place = typeof at === 'string' ? { where: at } : at;
  const tracking: Tracking = {};
  const status = cells.status ?? '';
  const s = readStatus(status);
  if (s) tracking.status = s;
  else if (s === undefined) warnings.push(unreadable('status', status, place));
  const progress = readProgress(cells.progress ?? '');
  if (typeof progress === 'number') tracking.progress = progress;
  else if (progress === undefined) warnings.push(unreadable('progress', cells.progress ?? '', place));
  for (const key of ['deadline', 'updated'] as const) {
    const raw = cells[key] ?? '';
    const date = readDate(raw);
    if (date) tracking[key] = date;
    else if (date === undefined) {
      tracking[key] = raw.trim();
      if (key === 'updated' || !isTextDeadline(raw)) warnings.push(unreadable(key, raw, place));
    }
  }
  const latest = cells.latest ?? '';
  if (latest.trim() !== '') tracking.latest = latest;
  return Object.keys(tracking).length > 0 ? tracking : undefined;
}

/** The round report a unit filled in (unit workbooks), or undefined when it wrote none. */
export function readRoundReport(cells: Record<string, string>, at: string | TrackingPlace, warnings: Finding[]): RoundReport | undefined {
  const place = typeof at === 'string' ? { where: at } : at;
  const report: RoundReport = {};
  for (const key of ['problems', 'nextSteps', 'delayReason', 'doneNote'] as const) {
    const text = (cells[key] ?? '').trim();
    if (text) report[key] = text;
  }
  const raw = cells.delayTo ?? '';
  const date = readDate(raw);
  if (date) report.delayTo = date;
  else if (date === undefined) warnings.push(unreadable('delayTo', raw, place));
  return Object.keys(report).length > 0 ? report : undefined;
}

/** Overdue as the 统计 formulas count it: a real date (yyyy-mm-dd) before today and not 已完成; text such as 6月底 never is. */
export function isOverdue(tracking: Tracking | undefined, today: string): boolean {
  const deadline = tracking?.deadline;
  return !!deadline && /^\d{4}-\d{2}-\d{2}$/.test(deadline) && deadline < today && tracking?.status !== '已完成';
}
