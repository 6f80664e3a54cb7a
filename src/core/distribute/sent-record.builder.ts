/**
 * Builds the office's sent record of one split (sent-record.codec.ts) from the same baseline and
 * digest the unit files get, so a return can be compared with exactly what was sent.
 */
import type { Finding, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { splitDigest } from './collect-trust.rules';
import { fingerprint } from './split-state';
import { unitBaseline } from './split.planner';
import { SENT_RECORD_MAX_CHARS, sentFingerprint, type SentRecord, type SentTask, type SentUnit } from './sent-record.codec';
import type { UnitAssignment } from './unit-assign';

type AnyRecord = TaskRecord | ProjectRecord;

export interface SentRecordInput {
  splitId: string;
  createdAt: string;
  source: string;
  year: number | null;
  /** Per assignment, the file name it is sent as. */
  fileNames: string[];
}

/**
 * The record, or null with a `split-record-too-large` warning when it would be longer than
 * SENT_RECORD_MAX_CHARS (collect then checks that split's returns as before, against the master).
 */
export function buildSentRecord(tables: ParsedTable[], assignments: UnitAssignment[], input: SentRecordInput): { record: SentRecord | null; findings: Finding[] } {
  const fingerprints = new Map<AnyRecord, string>();
  const index = new Map<string, number>();
  const tasks: SentTask[] = [];
  const units: SentUnit[] = assignments.map((assignment, i) => {
    for (const a of assignment.rows) {
      const record = tables[a.table].rows[a.row] as AnyRecord;
      if (!fingerprints.has(record)) fingerprints.set(record, fingerprint(record));
    }
    const baseline = unitBaseline(tables, assignment, fingerprints);
    const rows: number[] = [];
    for (const [id, sent] of Object.entries(baseline)) {
      let at = index.get(id);
      if (at === undefined) {
        index.set(id, (at = tasks.length));
        tasks.push({ id, fp: sentFingerprint(sent.fp), tracking: sent.tracking });
      }
      rows.push(at);
    }
    const digest = splitDigest({ unit: assignment.unit, year: input.year, splitId: input.splitId, baseline });
    return { unit: assignment.unit, file: input.fileNames[i] ?? '', digest, tasks: rows };
  });
  const record: SentRecord = { splitId: input.splitId, createdAt: input.createdAt, source: input.source, year: input.year, tasks, units };
  const size = JSON.stringify(record).length;
  if (size <= SENT_RECORD_MAX_CHARS) return { record, findings: [] };
  return {
    record: null,
    findings: [{ code: 'split-record-too-large', severity: 'warning', value: String(size), message: `分发记录过大（${size} 字符，上限 ${SENT_RECORD_MAX_CHARS}），未保存；收回时按本表核对`, messageEn: `The sent record is too large (${size} characters, limit ${SENT_RECORD_MAX_CHARS}) and was not kept; collect checks returns against the master` }],
  };
}

/** The record with the digest of one unit file's bytes as written. */
export function recordFileDigest(record: SentRecord, unit: string, fileDigest: string): void {
  const entry = record.units.find((u) => u.unit === unit);
  if (entry) entry.fileDigest = fileDigest;
}
