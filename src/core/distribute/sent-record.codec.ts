/**
 * The office's sent record (issue 17, trusted returns): what a split sent to each unit, kept where a
 * unit cannot edit it — in the office's workbook state (key `sent`, the pane) or in 分发记录.json
 * beside the split's output (the CLI, which never rewrites the master). Collect compares each
 * return with it. Baseline values are stored once per task, the units refer to tasks by index.
 */
import { FenjieError } from '../errors';
import type { Tracking } from '../model/records.model';
import type { WorkbookState } from '../sheet/workbook-state';

export interface SentTask {
  id: string;
  /** A hash of the protected fields' fingerprint as sent (sentFingerprint). */
  fp: string;
  /** The tracking values as sent. */
  tracking: Tracking;
}

export interface SentUnit {
  unit: string;
  /** The file name the unit was sent. */
  file: string;
  /** The split digest written into the unit file's state (split.digest). */
  digest: string;
  /** Indexes into SentRecord.tasks: the tasks sent to this unit. */
  tasks: number[];
  /** Digest of the unit file's bytes as written (`sha256:…`), when the writer gave it. */
  fileDigest?: string;
}

export interface SentRecord {
  splitId: string;
  createdAt: string;
  source: string;
  year: number | null;
  tasks: SentTask[];
  units: SentUnit[];
}

export const SENT_STATE_KEY = 'sent';
export const SENT_RECORD_JSON = '分发记录.json';
/** One split's record, as JSON, at most this long; a larger one is not kept (`split-record-too-large`). */
export const SENT_RECORD_MAX_CHARS = 4_000_000;
/** The workbook state keeps the records of the last splits, all together at most this long. */
export const SENT_STATE_MAX_CHARS = 12_000_000;
export const SENT_STATE_KEEP = 5;

/** FNV-1a (32 bit) of a text from a seed, as 8 hex digits. */
function fnv(text: string, seed: number): string {
  let hash = seed;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A fingerprint as the record keeps it: two FNV-1a hashes (the full text can be long). */
export function sentFingerprint(fp: string): string {
  return `${fnv(fp, 0x811c9dc5)}${fnv(fp, 0x050c5d1f)}`;
}

/** The tasks sent to one unit, by id. */
export function sentTasksOf(record: SentRecord, unit: SentUnit): Map<string, SentTask> {
  const byId = new Map<string, SentTask>();
  for (const i of unit.tasks) {
    const task = record.tasks[i];
    if (task) byId.set(task.id, task);
  }
  return byId;
}

function isRecord(value: unknown): value is SentRecord {
  const r = value as Partial<SentRecord> | null;
  return !!r && typeof r === 'object' && typeof r.splitId === 'string' && Array.isArray(r.tasks) && Array.isArray(r.units)
    && r.tasks.every((t) => !!t && typeof t.id === 'string' && typeof t.fp === 'string')
    && r.units.every((u) => !!u && typeof u.unit === 'string' && typeof u.digest === 'string' && Array.isArray(u.tasks));
}

/** The sent records kept in a workbook's state; null when it has none (a workbook from before them). */
export function readSentRecords(state: WorkbookState | null | undefined): SentRecord[] | null {
  const value = state?.[SENT_STATE_KEY] as { splits?: unknown } | undefined;
  if (!value || !Array.isArray(value.splits)) return null;
  const splits = value.splits.filter(isRecord);
  return splits.length > 0 ? splits : null;
}

/**
 * The state with `record` added (a record of the same split replaced); the oldest records are
 * dropped beyond SENT_STATE_KEEP or SENT_STATE_MAX_CHARS.
 */
export function withSentRecord(state: WorkbookState | null, record: SentRecord): WorkbookState {
  const kept = (readSentRecords(state) ?? []).filter((r) => r.splitId !== record.splitId);
  const splits = [...kept, record].slice(-SENT_STATE_KEEP);
  let size = splits.reduce((n, r) => n + JSON.stringify(r).length, 0);
  while (splits.length > 1 && size > SENT_STATE_MAX_CHARS) size -= JSON.stringify(splits.shift()).length;
  return { ...(state ?? {}), [SENT_STATE_KEY]: { version: 1, splits } };
}

/** 分发记录.json: the record for programs (and for collect --sent). */
export function formatSentRecordJson(record: SentRecord): string {
  return `${JSON.stringify({ app: 'fenjie', kind: 'split-sent', version: 1, ...record })}\n`;
}

export function parseSentRecordJson(text: string, name = SENT_RECORD_JSON): SentRecord {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new FenjieError('sent-record-invalid', `${name} 不是有效的分发记录（JSON 无法读取）`, `${name} is not a valid sent record (bad JSON)`, { cause });
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind !== 'split-sent' || !isRecord(value)) {
    throw new FenjieError('sent-record-invalid', `${name} 不是 fenjie 分发记录`, `${name} is not a fenjie sent record`);
  }
  const { splitId, createdAt, source, year, tasks, units } = value;
  return { splitId, createdAt: String(createdAt ?? ''), source: String(source ?? ''), year: typeof year === 'number' ? year : null, tasks, units };
}
