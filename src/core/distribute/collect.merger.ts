/**
 * Collect: merge the tracking columns the units filled in back into the master records.
 * Three-way per task and field: the value the unit file was sent with (its baseline), the master's
 * value now, and each unit's value. One change is applied; two units disagreeing, or a unit
 * changing what the office also changed, is a conflict and the master keeps its value. Nothing is
 * overwritten without being listed.
 */
import type { Finding, ParsedTable, ProjectRecord, TaskRecord, Tracking } from '../model/records.model';
import { identityProblem, isOwnTask, looksLikeDate, progressProblem, unreadableByCell } from './collect-trust.rules';
import { checkAgainstSent } from './collect-sent.check';
import type { SentRecord } from './sent-record.codec';
import { protectedFields, protectedValue, readSplitInfo, type SplitInfo } from './split-state';
import { ROLE_COOPERATE, ROLE_LEAD, type UnitRole } from './unit-assign';
import { showTracking, TRACKING_FIELDS, TRACKING_HEADERS, trackingText, type TrackingField } from './tracking-text.rules';

export { showTracking, TRACKING_FIELDS, TRACKING_HEADERS, trackingText };

type AnyRecord = TaskRecord | ProjectRecord;

/** One unit's file as read back (readFenjieWorkbook: records with ids + tracking, and the state). */
export interface UnitReturn {
  fileName: string;
  /** Digest of the returned file's bytes (`sha256:…`; the audit trail names the exact file a value came from). */
  digest?: string;
  state: Record<string, unknown> | null;
  tables: ParsedTable[];
  /** What reading the file found (tracking-unreadable among them): listed, never thrown away. */
  warnings?: Finding[];
  /** The cell of a task's field in the unit's file ('主要工作'!K5), when known. */
  cellOf?: (id: string, field: string) => string | undefined;
}

/** One unit's value for a task field, with the unit's role in that task (null when it is named in neither column). */
export interface UnitValue {
  unit: string;
  file: string;
  value: string;
  role?: UnitRole | null;
}

export interface CollectFinding extends Finding {
  file?: string;
  unit?: string;
  id?: string;
  /** The value before: the master's (conflicts), the value sent (master changed), the protected text (protected changed). */
  from?: string;
  /** For conflicts and master changes: each unit's value. */
  values?: UnitValue[];
  /** Something the unit submitted was not applied because of this finding (collect exits 1). */
  refused?: boolean;
}

export interface AppliedChange {
  id: string;
  field: TrackingField;
  from: string;
  to: string;
  unit: string;
  file: string;
  /** The reporting unit's role in the task (牵头 / 配合), '、'-joined like `unit`. */
  role?: string;
  /** Digest of the return(s) the value came from (UnitReturn.digest), '、'-joined like `file`. */
  digest?: string;
}

export interface CollectResult {
  tables: ParsedTable[];
  applied: AppliedChange[];
  findings: CollectFinding[];
  files: { file: string; unit: string | null; accepted: boolean; digest?: string }[];
  /** When the returns were merged (ISO 8601): with each value's file and digest, its audit trail. */
  collectedAt?: string;
}

export interface CollectOptions {
  /** The master's year; files for another year are refused. */
  year: number | null;
  /** Units that may send files back (default: every unit named in the master). */
  knownUnits: Set<string>;
  /** When the merge happens (ISO 8601), recorded in the result. */
  collectedAt?: string;
  /**
   * The office's sent records (workbook state or 分发记录.json): returns are compared with what was
   * sent. An empty list or null: none kept (an older workbook), said once by `collect-no-sent-record`;
   * left out: not looked for.
   */
  sent?: readonly SentRecord[] | null;
}

interface Edit extends UnitValue {
  raw: Tracking[TrackingField];
  digest?: string;
  /** The value this unit's file was sent with (from the file's own state, never looked up by file name). */
  base: string;
}


function roleOf(record: AnyRecord, unit: string): UnitRole | null {
  if (record.leadUnits.includes(unit)) return ROLE_LEAD;
  return record.relatedUnits.includes(unit) ? ROLE_COOPERATE : null;
}

function unitText(value: UnitValue): string {
  return value.role ? `${value.unit}（${value.role}）` : value.unit;
}


function finding(code: string, severity: Finding['severity'], message: string, messageEn: string, extra: Partial<CollectFinding>): CollectFinding {
  return { code, severity, message, messageEn, ...extra, refused: extra.refused ?? code !== 'collect-duplicate-unit' };
}

/** How many findings refused something a unit submitted. */
export function countRefused(result: Pick<CollectResult, 'findings'>): number {
  return result.findings.filter((f) => f.refused).length;
}

function checkFile(file: UnitReturn, options: CollectOptions, findings: CollectFinding[]): SplitInfo | null {
  const info = readSplitInfo(file.state);
  if (!info) {
    findings.push(finding('collect-not-split-file', 'error', `${file.fileName} 不是 fenjie 分发的单位文件，已跳过`, `${file.fileName} is not a unit file made by fenjie split; skipped`, { file: file.fileName }));
    return null;
  }
  if (!options.knownUnits.has(info.unit)) {
    findings.push(finding('collect-unknown-unit', 'error', `${file.fileName} 来自未知单位“${info.unit}”，已跳过`, `${file.fileName} comes from an unknown unit "${info.unit}"; skipped`, { file: file.fileName, unit: info.unit, value: info.unit }));
    return null;
  }
  if (options.year !== null && info.year !== options.year) {
    findings.push(finding('collect-wrong-year', 'error', `${file.fileName} 是 ${info.year ?? '未知'} 年度的文件，本表为 ${options.year} 年度，已跳过`, `${file.fileName} is for ${info.year ?? 'an unknown year'}, this workbook for ${options.year}; skipped`, { file: file.fileName, unit: info.unit, value: String(info.year ?? '') }));
    return null;
  }
  return info;
}

function indexMaster(tables: ParsedTable[]): Map<string, AnyRecord> {
  const byId = new Map<string, AnyRecord>();
  for (const t of tables) for (const r of t.rows as AnyRecord[]) if (r.id) byId.set(r.id, r);
  return byId;
}

/** A master record's protected values, computed once however many returns name the task. */
type ProtectedCache = Map<AnyRecord, { fields: readonly string[]; values: string[] }>;

function checkProtected(master: AnyRecord, sent: AnyRecord, file: string, unit: string, findings: CollectFinding[], cache: ProtectedCache): void {
  let known = cache.get(master);
  if (!known) {
    const all = protectedFields(master);
    cache.set(master, (known = { fields: all, values: all.map((field) => protectedValue(master, field)) }));
  }
  const { fields, values } = known;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i];
    const was = values[i];
    // The same cell text as the master's compares equal without normalising it (most rows).
    if (sameRaw(master, sent, field)) continue;
    const now = protectedValue(sent, field);
    if (was !== now) {
      findings.push(finding('collect-protected-changed', 'warning', `${unit} 修改了受保护的列（${master.id} ${field}）：“${was}” → “${now}”，未采用`, `${unit} changed a protected column (${master.id} ${field}): "${was}" → "${now}"; not applied`, { file, unit, id: master.id, field, from: was, value: now }));
    }
  }
}

/** A protected field holding the same text (or the same names) in both records: protectedValue is equal too. */
function sameRaw(a: AnyRecord, b: AnyRecord, field: string): boolean {
  const x = (a as unknown as Record<string, unknown>)[field];
  const y = (b as unknown as Record<string, unknown>)[field];
  if (typeof x === 'string') return x === y;
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i += 1) if (typeof x[i] !== 'string' || x[i] !== y[i]) return false;
  return true;
}

type EditMap = Map<string, Map<TrackingField, Edit[]>>;

/** A second file claiming a unit already seen: both are read, and the clerk is told (a resend, or a copy under another name). */
function noteDuplicateUnit(seen: Map<string, string>, info: SplitInfo, file: string, findings: CollectFinding[]): void {
  const first = seen.get(info.unit);
  if (first === undefined) {
    seen.set(info.unit, file);
    return;
  }
  findings.push(finding('collect-duplicate-unit', 'warning', `${file} 与 ${first} 都是“${info.unit}”的填报（按文件内记录的单位识别），两份均已读取，不同之处按冲突列出`, `${file} and ${first} are both returns of "${info.unit}" (by the unit recorded inside the file); both read, differences listed as conflicts`, { file, unit: info.unit, value: first }));
}

/** Gathers every accepted file's tracking edits per task id and field. */
function gatherEdits(master: Map<string, AnyRecord>, files: UnitReturn[], options: CollectOptions, result: CollectResult): EditMap {
  const edits: EditMap = new Map();
  const units = new Map<string, string>();
  const cache: ProtectedCache = new Map();
  for (const file of files) {
    const trusted = checkTrust(file, checkFile(file, options, result.findings), master, options, result.findings);
    const info = trusted?.info ?? null;
    if (info) noteDuplicateUnit(units, info, file.fileName, result.findings);
    result.files.push({ file: file.fileName, unit: info?.unit ?? readSplitInfo(file.state)?.unit ?? null, accepted: info !== null, ...(file.digest ? { digest: file.digest } : {}) });
    if (!trusted) continue;
    passReadWarnings(file, trusted.info.unit, result.findings);
    gatherRows(master, file, trusted, { edits, cache, findings: result.findings });
  }
  return edits;
}

/** One accepted file's rows: each either the unit's own task (sent to it, when there is a record) or refused. */
function gatherRows(master: Map<string, AnyRecord>, file: UnitReturn, trusted: { info: SplitInfo; sentIds: Set<string> | null }, into: { edits: EditMap; cache: ProtectedCache; findings: CollectFinding[] }): void {
  const { info, sentIds } = trusted;
  const unreadable = unreadableByCell(file.warnings);
  for (const record of file.tables.flatMap((t) => t.rows as AnyRecord[])) {
    const target = record.id ? master.get(record.id) : undefined;
    if (!target || !record.id) {
      into.findings.push(finding('collect-unknown-task', 'warning', `${file.fileName} 中的任务 ${record.id ?? '（无编号）'} 不在本表中，已跳过`, `Task ${record.id ?? '(no id)'} in ${file.fileName} is not in this workbook; skipped`, { file: file.fileName, unit: info.unit, id: record.id }));
      continue;
    }
    const at = { file, info, id: record.id, tracking: record.tracking, unreadable };
    if (!isOwnTask(target, info.unit)) {
      listRefused(at, target, 'collect-not-own-task', { zh: `不是“${info.unit}”牵头或配合的任务`, en: `not a task "${info.unit}" leads or cooperates on` }, into.findings);
      continue;
    }
    if (sentIds && !sentIds.has(record.id)) {
      listRefused(at, target, 'collect-not-sent', { zh: `分发时没有发给“${info.unit}”的任务`, en: `a task not sent to "${info.unit}"` }, into.findings);
      continue;
    }
    checkProtected(target, record, file.fileName, info.unit, into.findings, into.cache);
    addEdits(into.edits, at, target, into.findings);
  }
}

interface ReturnRow {
  file: UnitReturn;
  info: SplitInfo;
  id: string;
  tracking: Tracking | undefined;
  unreadable: Map<string, Finding>;
}

/** The fields where a returned row differs from what was sent. */
function changedFields(row: ReturnRow, target: AnyRecord): TrackingField[] {
  const base = row.info.baseline[row.id]?.tracking ?? target.tracking;
  return TRACKING_FIELDS.filter((field) => (unreadableAt(row, field, target) ? true : trackingText(row.tracking, field) !== trackingText(base, field) && !sentAsShown(row, target, field)));
}

/** A 完成时限 sent as the notice's text (6月底前) and returned as it was is no edit. */
function sentAsShown(row: ReturnRow, target: AnyRecord, field: TrackingField): boolean {
  if (field !== 'deadline' || row.info.baseline[row.id]?.tracking?.deadline) return false;
  const shown = target.deadline ? (target.deadline.iso ?? target.deadline.text) : '';
  return shown !== '' && trackingText(row.tracking, field) === shown.trim();
}

/**
 * The unit file's unreadable value in this field, unless it is what the file was sent with (the
 * notice's 6月底前招标，12月底前竣工 returned untouched is no edit, so nothing to refuse).
 */
function unreadableAt(row: ReturnRow, field: TrackingField, target: AnyRecord): Finding | undefined {
  // Most files have no unreadable value: no cell address to make.
  if (row.unreadable.size === 0) return undefined;
  const cell = row.file.cellOf?.(row.id, field);
  const bad = cell ? row.unreadable.get(cell) : undefined;
  if (!bad || sentAsShown(row, target, field)) return undefined;
  const sent = row.info.baseline[row.id]?.tracking;
  return sent && trackingText(sent, field) !== '' && trackingText(row.tracking, field) === trackingText(sent, field) ? undefined : bad;
}

/** One finding per value submitted in a row that is refused as a whole. */
function listRefused(row: ReturnRow, target: AnyRecord, code: string, why: { zh: string; en: string }, findings: CollectFinding[]): void {
  for (const field of changedFields(row, target)) {
    const value = unreadableAt(row, field, target)?.value ?? trackingText(row.tracking, field);
    findings.push(refusal(row, field, value, code, why));
  }
}

function refusal(row: ReturnRow, field: TrackingField, value: string, code: string, why: { zh: string; en: string }): CollectFinding {
  const cell = row.file.cellOf?.(row.id, field);
  const where = cell ? `（${cell}）` : '';
  return finding(code, 'error', `${row.info.unit} 填报的任务 ${row.id}“${TRACKING_HEADERS[field]}”为“${showTracking(field, value)}”${where}：${why.zh}，未采用`, `${row.info.unit}: task ${row.id} ${field} "${value}"${cell ? ` (${cell})` : ''}: ${why.en}; not applied`, { file: row.file.fileName, unit: row.info.unit, id: row.id, field, value, ...(cell ? { cell } : {}) });
}

/** A file refused whole: its problems, then one finding per value it submitted; nothing applied. */
function refuseAll(file: UnitReturn, info: SplitInfo, master: Map<string, AnyRecord>, code: string, problems: CollectFinding[], findings: CollectFinding[]): void {
  findings.push(...problems);
  const unreadable = unreadableByCell(file.warnings);
  const why = { zh: '文件身份或分发记录不符', en: 'the file does not match what was sent' };
  for (const record of file.tables.flatMap((t) => t.rows as AnyRecord[])) {
    const target = record.id ? master.get(record.id) : undefined;
    if (target && record.id) listRefused({ file, info, id: record.id, tracking: record.tracking, unreadable }, target, code, why, findings);
  }
}

/**
 * Whether the file's identity holds: its state against its own digest and the master, then, when
 * the office kept a sent record, against what was sent. A file that holds comes back with the
 * baseline as sent (from the record when there is one) and the ids sent; null when it is refused.
 */
function checkTrust(file: UnitReturn, info: SplitInfo | null, master: Map<string, AnyRecord>, options: CollectOptions, findings: CollectFinding[]): { info: SplitInfo; sentIds: Set<string> | null } | null {
  if (!info) return null;
  const problem = identityProblem(info, master);
  if (problem) {
    const head = finding('collect-identity-mismatch', 'error', `${file.fileName} 自称来自“${info.unit}”，但${problem.zh}；整个文件未采用`, `${file.fileName} claims to come from "${info.unit}", but ${problem.en}; nothing in it applied`, { file: file.fileName, unit: info.unit, value: info.unit });
    refuseAll(file, info, master, 'collect-identity-mismatch', [head], findings);
    return null;
  }
  if (!options.sent || options.sent.length === 0) return { info, sentIds: null };
  const check = checkAgainstSent(file, info, options.sent);
  if (!check.code) return { info: check.info, sentIds: check.sentIds };
  refuseAll(file, check.info, master, check.code, check.problems, findings);
  return null;
}

/** The unit file's own read warnings, kept with the file and unit (tracking-unreadable ones become refusals). */
function passReadWarnings(file: UnitReturn, unit: string, findings: CollectFinding[]): void {
  for (const w of file.warnings ?? []) if (w.code !== 'tracking-unreadable') findings.push({ ...w, file: file.fileName, unit, refused: false });
}

/** The fields where a returned record's tracking differs from what was sent, one edit each; unreadable and impossible values refused. */
function addEdits(edits: EditMap, row: ReturnRow, target: AnyRecord, findings: CollectFinding[]): void {
  const sent = row.info.baseline[row.id]?.tracking;
  for (const field of changedFields(row, target)) {
    const bad = unreadableAt(row, field, target);
    if (bad) {
      const impossible = (field === 'deadline' || field === 'updated') && looksLikeDate(bad.value ?? '');
      const code = impossible ? 'collect-date-impossible' : 'collect-value-unreadable';
      const why = impossible ? { zh: '没有这一天', en: 'no such date' } : { zh: `无法识别${bad.suggestions?.[0] ? `（建议“${bad.suggestions[0].value}”）` : ''}`, en: 'cannot be read' };
      findings.push(refusal(row, field, bad.value ?? '', code, why));
      continue;
    }
    const range = field === 'progress' ? progressProblem(row.tracking?.progress) : null;
    if (range) {
      findings.push(refusal(row, field, trackingText(row.tracking, field), 'collect-value-out-of-range', range));
      continue;
    }
    const perField = edits.get(row.id) ?? new Map<TrackingField, Edit[]>();
    edits.set(row.id, perField);
    const value = trackingText(row.tracking, field);
    perField.set(field, [...(perField.get(field) ?? []), { unit: row.info.unit, file: row.file.fileName, value, role: roleOf(target, row.info.unit), raw: row.tracking?.[field] ?? null, base: trackingText(sent, field), digest: row.file.digest }]);
  }
}

/** A task field the merge keeps: units disagree, or the master changed it since the split. */
function listKept(id: string, field: TrackingField, list: Edit[], current: string, result: CollectResult): void {
  const values: UnitValue[] = list.map((e) => ({ unit: e.unit, file: e.file, value: e.value, role: e.role ?? null }));
  const who = { unit: values.map(unitText).join('、'), file: [...new Set(values.map((v) => v.file))].join('、') };
  const header = TRACKING_HEADERS[field];
  const distinct = [...new Set(list.map((e) => e.value))];
  if (distinct.length > 1) {
    const listed = values.map((v) => `${unitText(v)}：${showTracking(field, v.value)}`).join('；');
    result.findings.push(finding('collect-conflict', 'error', `任务 ${id} 的“${header}”被多个单位填成不同的值（${listed}），保留原值“${showTracking(field, current)}”`, `Task ${id} "${field}" was filled differently by several units; kept "${current}"`, { ...who, id, field, from: current, value: current, values }));
    return;
  }
  const [value] = distinct;
  // What this unit's own file was sent with (from its state, never looked up by file name).
  const base = list[0].base;
  result.findings.push(finding('collect-master-changed', 'error', `任务 ${id} 的“${header}”在分发后已在本表中改为“${showTracking(field, current)}”，单位填报为“${showTracking(field, value)}”，保留本表的值`, `Task ${id} "${field}" was changed here after the split ("${current}") and by the unit ("${value}"); kept "${current}"`, { ...who, id, field, from: base, value: current, values }));
}

/** Distinct texts in list order, '、'-joined. */
function joinDistinct(texts: string[]): string {
  return texts.length === 1 ? texts[0] : [...new Set(texts)].join('、');
}

/** One task field: apply the one new value, or list a conflict or a change made here meanwhile. */
function mergeField(record: AnyRecord, id: string, field: TrackingField, list: Edit[], result: CollectResult): void {
  const current = trackingText(record.tracking, field);
  const value = list[0].value;
  if (list.some((e) => e.value !== value) || (current !== list[0].base && current !== value)) {
    listKept(id, field, list, current, result);
    return;
  }
  if (current === value) return;
  // record.tracking is the merge's own copy (collectTracking): set in place, the key where the spread put it.
  const raw = list[0].raw === '' ? null : list[0].raw;
  if (record.tracking) (record.tracking as Record<string, unknown>)[field] = raw;
  else record.tracking = { [field]: raw };
  const change: AppliedChange = { id, field, from: current, to: value, unit: list.map((e) => e.unit).join('、'), file: joinDistinct(list.map((e) => e.file)) };
  if (list.some((e) => e.role)) change.role = list.map((e) => e.role ?? '—').join('、');
  const digests = list.map((e) => e.digest).filter((d): d is string => !!d);
  if (digests.length > 0) change.digest = joinDistinct(digests);
  result.applied.push(change);
}

export function collectTracking(masterTables: ParsedTable[], files: UnitReturn[], options: CollectOptions): CollectResult {
  const tables = masterTables.map((t) => ({ ...t, rows: (t.rows as AnyRecord[]).map((r) => ({ ...r, tracking: r.tracking ? { ...r.tracking } : undefined })) }) as ParsedTable);
  const result: CollectResult = { tables, applied: [], findings: [], files: [], ...(options.collectedAt ? { collectedAt: options.collectedAt } : {}) };
  const master = indexMaster(tables);
  if (options.sent !== undefined && !options.sent?.length && files.length > 0) {
    result.findings.push({ code: 'collect-no-sent-record', severity: 'info', message: '本表没有分发记录（较早的分发）：按本表的任务分工和各文件自带的校验码核对', messageEn: 'This workbook keeps no sent record (an older split): returns checked against its assignments and their own digests', refused: false });
  }
  const edits = gatherEdits(master, files, options, result);
  for (const [id, perField] of edits) {
    const record = master.get(id) as AnyRecord;
    for (const [field, list] of perField) mergeField(record, id, field, list, result);
  }
  return result;
}
