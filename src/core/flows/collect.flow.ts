/**
 * 收回填报 / fenjie collect: the units' returned files read back, their tracking merged into the
 * master's records, and a 汇总记录 sheet listing every conflict and refusal. The pane writes the
 * applied values into the open workbook (planCollectOps); the CLI writes a new merged file.
 */
import { isFenjieError } from '../errors';
import type { ParsedTable, ParseResult } from '../model/records.model';
import { collectTracking, type AppliedChange, type CollectFinding, type CollectResult, type UnitReturn } from '../distribute/collect.merger';
import { planCollectSheet } from '../distribute/collect-report.planner';
import { namedUnits } from '../distribute/unit-assign';
import { readSentRecords, type SentRecord } from '../distribute/sent-record.codec';
import type { CellValue } from '../sheet/cell-value';
import type { WorkbookState } from '../sheet/workbook-state';
import type { WriteOp } from '../sheet/write-op';
import type { WorkbookLayout, WorkbookPlan } from '../workbook/plan.model';
import { buildWorkbookPlan } from '../workbook/workbook.planner';
import { locateSheetCell } from '../workbook/workbook-layout';
import { workbookAddress } from '../sheet/a1';
import { readFenjieInput, type ReadInput } from './read-input.flow';
import type { RawInflater } from '../readers/zip.reader';
import { splitYear } from './split.flow';

export interface CollectPlan {
  plan: WorkbookPlan;
  collect: CollectResult;
}

export interface ReturnedFile {
  name: string;
  bytes: Uint8Array;
}

/** The cell of a task's field in a read workbook ('主要工作'!K5), from its record positions. */
function cellFinder(book: ReadInput): (id: string, field: string) => string | undefined {
  let byId: Map<string, { sheet: string; row: number; columns: Record<string, string> }> | null = null;
  return (id, field) => {
    if (!byId) {
      byId = new Map();
      const positions = book.positions ?? [];
      book.result.tables.forEach((table, t) => {
        const at = positions[t];
        if (at) table.rows.forEach((record, r) => record.id && byId?.set(record.id, { sheet: at.sheet, row: at.rows[r], columns: at.columns }));
      });
    }
    const at = byId.get(id);
    const letter = at?.columns[field];
    return at && letter ? workbookAddress(at.sheet, `${letter}${at.row}`) : undefined;
  };
}

/**
 * The digest of a returned file as the audit trail records it: SHA-256 where the environment has
 * Web Crypto (Node 18+, every browser the pane runs in), else FNV-1a (marked as such).
 */
export async function fileDigest(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } } }).crypto?.subtle;
  if (subtle) {
    const hash = new Uint8Array(await subtle.digest('SHA-256', bytes));
    return `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += 1) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return `fnv1a:${h.toString(16).padStart(8, '0')}`;
}

/** Reads the returned files; one that cannot be read is a `collect-unreadable` finding, not a stop. */
export async function readReturns(files: ReturnedFile[], options: { inflater?: RawInflater } = {}): Promise<{ returns: UnitReturn[]; problems: CollectFinding[] }> {
  const returns: UnitReturn[] = [];
  const problems: CollectFinding[] = [];
  for (const file of files) {
    try {
      // A return is read for its records and state only (its 修订记录 and 名录, if any, are not used).
      const book = await readFenjieInput(file.bytes, file.name, { ...options, skip: { fixes: true, registry: true } });
      returns.push({ fileName: file.name, digest: await fileDigest(file.bytes), state: book.state, tables: book.result.tables, warnings: book.result.warnings, cellOf: cellFinder(book) });
    } catch (error) {
      if (!isFenjieError(error)) throw error;
      problems.push({ code: 'collect-unreadable', severity: 'error', message: `${file.name} 无法读取：${error.messageZh}`, messageEn: `${file.name} cannot be read: ${error.messageEn}`, file: file.name });
    }
  }
  return { returns, problems };
}

export interface MergeOptions {
  collectedAt?: string;
  /** The office's sent records (sentRecordsOf); left out, returns are not compared with one. */
  sent?: readonly SentRecord[] | null;
}

/** The sent records to compare returns with: the workbook state's, and any given beside it (分发记录.json), newest last. */
export function sentRecordsOf(state: WorkbookState | null | undefined, extra: readonly SentRecord[] = []): SentRecord[] {
  const ids = new Set(extra.map((r) => r.splitId));
  return [...(readSentRecords(state) ?? []).filter((r) => !ids.has(r.splitId)), ...extra];
}

/**
 * The merge of `returns` into the master's tables; `problems` (unreadable files) are listed first,
 * and their files counted among the files (not accepted).
 */
export function mergeReturns(tables: ParsedTable[], returns: UnitReturn[], problems: CollectFinding[] = [], options: MergeOptions = {}): CollectResult {
  // The moment of the merge is part of each value's audit trail (given by tests, else now).
  const collectedAt = options.collectedAt ?? new Date().toISOString();
  const collect = collectTracking(tables, returns, { year: splitYear(tables), knownUnits: namedUnits(tables), collectedAt, ...(options.sent !== undefined ? { sent: options.sent } : {}) });
  collect.findings.unshift(...problems);
  const counted = new Set(collect.files.map((f) => f.file));
  const unread = [...new Set(problems.map((p) => p.file).filter((f): f is string => !!f && !counted.has(f)))];
  collect.files.unshift(...unread.map((file) => ({ file, unit: null, accepted: false })));
  return collect;
}

/** The merged workbook: the master's records with the units' tracking, plus the 汇总记录 sheet. */
export function planCollect(master: { result: ParseResult; state: WorkbookState | null }, returns: UnitReturn[], problems: CollectFinding[] = [], options: { collectedAt?: string; sent?: readonly SentRecord[] } = {}): CollectPlan {
  // The master's own sent records, and those given beside it: always compared (none is said once).
  const collect = mergeReturns(master.result.tables, returns, problems, { ...options, sent: sentRecordsOf(master.state, options.sent) });
  const plan = buildWorkbookPlan({ results: [{ ...master.result, tables: collect.tables }], extraSheets: [planCollectSheet(collect)], state: master.state ?? {} });
  return { plan, collect };
}

/** A tracking value as the sheet cell it goes into: dates as dates, progress as a fraction. */
export function trackingCell(field: string, text: string): CellValue {
  if (!text) return null;
  if ((field === 'deadline' || field === 'updated') && /^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text };
  if (field === 'progress') {
    const n = Number.parseFloat(text);
    if (Number.isFinite(n)) return text.includes('%') || n > 1 ? n / 100 : n;
  }
  return text;
}

/** The open workbook's cells the applied changes go into, plus the 汇总记录 report sheet to write. */
export function planCollectOps(layout: WorkbookLayout, ids: string[][], collect: CollectResult): { ops: WriteOp[]; report: WorkbookPlan } {
  const where = new Map<string, { table: number; row: number }>();
  ids.forEach((tableIds, table) => tableIds.forEach((id, row) => id && where.set(id, { table, row })));
  const ops: WriteOp[] = [];
  for (const change of collect.applied as AppliedChange[]) {
    const pos = where.get(change.id);
    const at = pos ? locateSheetCell(layout, pos.table, pos.row, change.field) : null;
    if (at) ops.push({ op: 'writeValues', sheet: at.sheet, start: at.address, values: [[trackingCell(change.field, change.to)]] });
  }
  return { ops, report: { version: 1, sheets: [planCollectSheet(collect)] } };
}
