/**
 * What collect trusts in a unit's return (issue 17): only the tracking columns of the unit's own
 * tasks, values it can read and that make sense, from a file whose identity matches what was sent.
 * Every refused value is a finding with the unit, the task and the cell (in the unit's file).
 */
import type { Finding, ProjectRecord, TaskRecord } from '../model/records.model';
import type { SplitInfo } from './split-state';

type AnyRecord = TaskRecord | ProjectRecord;

/**
 * The digest a split writes into each unit file's state: FNV-1a over the unit, the year, the split
 * and what was sent (task ids with their protected fields' fingerprints). A file whose state was
 * edited to name another unit no longer matches it.
 */
export function splitDigest(info: Pick<SplitInfo, 'unit' | 'year' | 'splitId' | 'baseline'>): string {
  // FNV-1a code point by code point over unit, year, split and each `id\u0002fp`, joined by \u0001,
  // fed piece by piece (the joined text and a for-of over it were a tenth of collect).
  let hash = feed(feed(feed(0x811c9dc5, info.unit), `\u0001${info.year ?? ''}`), `\u0001${info.splitId ?? ''}`);
  for (const id of Object.keys(info.baseline).sort()) hash = feed(feed(feed(hash, '\u0001'), id), `\u0002${info.baseline[id]?.fp ?? ''}`);
  return `D${hash.toString(16).padStart(8, '0')}`;
}

function feed(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    h = Math.imul(h ^ cp, 0x01000193) >>> 0;
    i += cp > 0xffff ? 2 : 1;
  }
  return h;
}

/** The claimed unit's own task (lead or cooperating) in the master. */
export function isOwnTask(record: AnyRecord, unit: string): boolean {
  return record.leadUnits.includes(unit) || record.relatedUnits.includes(unit);
}

/**
 * Why the file's identity does not hold, or null: its digest does not match its state, or most of
 * the tasks the state says were sent are not the claimed unit's tasks in the master.
 */
export function identityProblem(info: SplitInfo, master: Map<string, AnyRecord>): { zh: string; en: string } | null {
  if (info.digest && info.digest !== splitDigest(info)) return { zh: '文件记录的单位或分发内容已被改动（校验码不符）', en: 'the unit or the tasks recorded in the file were edited (digest mismatch)' };
  let sent = 0;
  let foreign = 0;
  for (const id in info.baseline) {
    const record = master.get(id);
    if (!record) continue;
    sent += 1;
    if (!isOwnTask(record, info.unit)) foreign += 1;
  }
  if (sent > 0 && foreign * 2 > sent) {
    return { zh: `文件中 ${foreign} / ${sent} 项任务不是“${info.unit}”的任务`, en: `${foreign} of ${sent} tasks in the file are not tasks of "${info.unit}"` };
  }
  return null;
}

/** A progress value out of 0–100, as a reason; null when it is in range or not a number. */
export function progressProblem(value: number | null | undefined): { zh: string; en: string } | null {
  if (typeof value !== 'number' || (value >= 0 && value <= 100)) return null;
  return { zh: `完成进度 ${value}% 超出 0%–100%`, en: `progress ${value}% is outside 0–100%` };
}

/** `2023-02-30`, `2023年2月30日`: written as a date, but no such day. */
export function looksLikeDate(text: string): boolean {
  return /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/.test(text.trim());
}

/** The unit file's tracking-unreadable warnings by cell address. */
export function unreadableByCell(warnings: readonly Finding[] | undefined): Map<string, Finding> {
  const byCell = new Map<string, Finding>();
  for (const w of warnings ?? []) if (w.code === 'tracking-unreadable' && w.cell) byCell.set(w.cell, w);
  return byCell;
}
