/**
 * A return against the office's sent record (issue 17): the split it names must be one the office
 * recorded, the unit one it sent a file to, the file's digest the one it was sent with, and the
 * baseline in its (hidden, editable) state what was sent — task ids, protected fingerprints and
 * tracking values. Any difference means the state was edited: the file is refused whole, each
 * difference listed with the unit, the task and the cell. A file that holds is merged against the
 * baseline as sent, never the one it carries.
 */
import type { Finding } from '../model/records.model';
import { sentFingerprint, sentTasksOf, type SentRecord, type SentTask } from './sent-record.codec';
import type { SplitBaseline, SplitInfo } from './split-state';
import { showTracking, TRACKING_FIELDS, TRACKING_HEADERS, trackingText } from './tracking-text.rules';

export interface SentProblem extends Finding {
  file: string;
  unit: string;
  id?: string;
  from?: string;
  refused: true;
}

export interface SentCheck {
  /** The file's split info with the baseline as the office sent it. */
  info: SplitInfo;
  /** The task ids the unit was sent. */
  sentIds: Set<string>;
  /** The code the file's values are refused under, or null when the file holds. */
  code: string | null;
  problems: SentProblem[];
}

interface Returned {
  fileName: string;
  cellOf?: (id: string, field: string) => string | undefined;
}

function problem(file: Returned, info: SplitInfo, code: string, zh: string, en: string, extra: Partial<SentProblem> = {}): SentProblem {
  return { code, severity: 'error', message: `${file.fileName}（${info.unit}）：${zh}；整个文件未采用`, messageEn: `${file.fileName} (${info.unit}): ${en}; nothing in it applied`, file: file.fileName, unit: info.unit, ...extra, refused: true };
}

/** Where the baseline the file carries differs from what the office sent (the unit edited its state). */
function baselineProblems(file: Returned, info: SplitInfo, sent: Map<string, SentTask>): SentProblem[] {
  const out: SentProblem[] = [];
  const code = 'collect-baseline-forged';
  for (const id of Object.keys(info.baseline)) {
    if (!sent.has(id)) out.push(problem(file, info, code, `文件记录的任务 ${id} 并未分发给本单位`, `task ${id} in the file's record was not sent to this unit`, { id, value: id }));
  }
  for (const [id, task] of sent) {
    const carried = info.baseline[id];
    if (!carried) {
      out.push(problem(file, info, code, `分发给本单位的任务 ${id} 已从文件记录中删除`, `task ${id} sent to this unit is missing from the file's record`, { id, value: id }));
      continue;
    }
    if (sentFingerprint(carried.fp ?? '') !== task.fp) out.push(problem(file, info, code, `文件记录的任务 ${id} 受保护内容与分发时不符`, `the protected fields recorded for task ${id} differ from what was sent`, { id }));
    for (const field of TRACKING_FIELDS) {
      const was = trackingText(task.tracking, field);
      const now = trackingText(carried.tracking, field);
      if (was === now) continue;
      const cell = file.cellOf?.(id, field);
      const zh = `文件记录的任务 ${id}“${TRACKING_HEADERS[field]}”分发值为“${showTracking(field, now)}”，实际分发的是“${showTracking(field, was)}”${cell ? `（${cell}）` : ''}`;
      out.push(problem(file, info, code, zh, `the value recorded as sent for task ${id} ${field} is "${now}", what was sent is "${was}"${cell ? ` (${cell})` : ''}`, { id, field, from: was, value: now, ...(cell ? { cell } : {}) }));
    }
  }
  return out;
}

/** The return `info` (read from its state) against the office's records. */
export function checkAgainstSent(file: Returned, info: SplitInfo, records: readonly SentRecord[]): SentCheck {
  const record = records.find((r) => r.splitId === (info.splitId ?? ''));
  const refuse = (code: string, problems: SentProblem[], trusted: SplitInfo = { ...info, baseline: {} }): SentCheck => ({ info: trusted, sentIds: new Set(), code, problems });
  if (!record) {
    const zh = `分发编号“${info.splitId || '（无）'}”不在本表的分发记录中`;
    return refuse('collect-unknown-split', [problem(file, info, 'collect-unknown-split', zh, `split "${info.splitId || '(none)'}" is not in this workbook's sent record`, { value: info.splitId ?? '' })]);
  }
  const entry = record.units.find((u) => u.unit === info.unit);
  if (!entry) {
    return refuse('collect-identity-mismatch', [problem(file, info, 'collect-identity-mismatch', `分发 ${record.splitId} 没有给“${info.unit}”发过文件`, `split ${record.splitId} sent no file to "${info.unit}"`, { value: info.unit })]);
  }
  const sent = sentTasksOf(record, entry);
  const baseline: Record<string, SplitBaseline> = {};
  for (const [id, task] of sent) baseline[id] = { fp: task.fp, tracking: task.tracking };
  const trusted: SplitInfo = { ...info, baseline };
  const problems: SentProblem[] = [];
  if ((info.digest ?? '') !== entry.digest) {
    problems.push(problem(file, info, 'collect-digest-mismatch', `文件的校验码 ${info.digest || '（无）'} 与分发时的 ${entry.digest} 不符`, `the file's digest ${info.digest || '(none)'} differs from ${entry.digest} as sent`, { from: entry.digest, value: info.digest ?? '' }));
  }
  problems.push(...baselineProblems(file, info, sent));
  return problems.length > 0 ? refuse(problems[0].code, problems, trusted) : { info: trusted, sentIds: new Set(sent.keys()), code: null, problems };
}
