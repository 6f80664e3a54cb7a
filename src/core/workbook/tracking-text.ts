/** Tracking cell text (as a sheet shows it) → Tracking values; what cannot be read is kept and reported. */
import { serialToIsoDate } from '../sheet/cell-value';
import { STATUSES, type Finding, type Status, type Tracking } from '../model/records.model';

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

function unreadable(field: string, value: string, where: string): Finding {
  return {
    code: 'tracking-unreadable',
    severity: 'warning',
    message: `${where}的“${field}”无法识别：${value}（已原样保留）`,
    messageEn: `${where}: cannot read ${field} "${value}" (kept as written)`,
    field,
    value,
  };
}

/** Tracking from cell texts by key; returns undefined when every tracking cell is empty. */
export function readTracking(cells: Record<string, string>, where: string, warnings: Finding[]): Tracking | undefined {
  const tracking: Tracking = {};
  const status = cells.status ?? '';
  const s = readStatus(status);
  if (s) tracking.status = s;
  else if (s === undefined) warnings.push(unreadable('status', status, where));
  const progress = readProgress(cells.progress ?? '');
  if (typeof progress === 'number') tracking.progress = progress;
  else if (progress === undefined) warnings.push(unreadable('progress', cells.progress ?? '', where));
  for (const key of ['deadline', 'updated'] as const) {
    const raw = cells[key] ?? '';
    const date = readDate(raw);
    if (date) tracking[key] = date;
    else if (date === undefined) {
      tracking[key] = raw.trim();
      warnings.push(unreadable(key, raw, where));
    }
  }
  const latest = cells.latest ?? '';
  if (latest.trim() !== '') tracking.latest = latest;
  return Object.keys(tracking).length > 0 ? tracking : undefined;
}
