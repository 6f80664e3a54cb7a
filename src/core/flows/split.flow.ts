/**
 * 分单位下发 / fenjie split: one workbook plan per unit, with the tasks it leads or cooperates on,
 * only the tracking columns editable. Plans are built one at a time, so 60 units × 10,000 rows need
 * not sit in memory at once; the caller writes each and zips or saves them, with the 分发清单
 * (unit → file) beside them. File names never collide (planUnitFileNames).
 */
import type { Finding, ParsedTable } from '../model/records.model';
import { planUnitWorkbook, type SplitMeta } from '../distribute/split.planner';
import { formatManifestCsv, formatManifestJson, planManifestSheet, SPLIT_MANIFEST_CSV, SPLIT_MANIFEST_JSON, type SplitManifest } from '../distribute/split-manifest.planner';
import { assignUnits, ROLE_LEAD, type UnitAssignment } from '../distribute/unit-assign';
import { planUnitFileNames } from '../distribute/unit-files.planner';
import { buildSentRecord } from '../distribute/sent-record.builder';
import { formatSentRecordJson, SENT_RECORD_JSON, withSentRecord, type SentRecord } from '../distribute/sent-record.codec';
import type { WorkbookState } from '../sheet/workbook-state';
import { planStateSheet } from '../workbook/state-sheet';
import { PLAN_VERSION } from '../workbook/workbook.planner';
import type { SheetPlan, WorkbookPlan } from '../workbook/plan.model';

export interface UnitWorkbookPlan {
  unit: string;
  fileName: string;
  lead: number;
  cooperate: number;
  plan: WorkbookPlan;
}

export interface SplitFiles {
  manifest: SplitManifest;
  /** `split-name-clash` for every unit whose file name got a number. */
  findings: Finding[];
  /** The unit workbooks, built one at a time. */
  plans(): Generator<UnitWorkbookPlan>;
  /** 分发清单 beside the unit files: its file names and contents. */
  manifestFiles: { name: string; text: string }[];
  /** 分发清单 as a sheet for the office's workbook. */
  manifestSheet: SheetPlan;
  /**
   * What was sent to each unit (task ids, baseline values, digests), for the office to keep: the
   * pane in the workbook state (withSentRecord), the CLI in 分发记录.json. Null when too large.
   */
  sent: SentRecord | null;
}

/** The tables' one year, or null when they hold several or none. */
export function splitYear(tables: ParsedTable[]): number | null {
  const years = [...new Set(tables.map((t) => t.year))];
  return years.length === 1 ? years[0] : null;
}

/** How many units a split writes (for a progress bar before the first file is done). */
export function countSplitUnits(tables: ParsedTable[]): number {
  return assignUnits(tables).length;
}

/** A short stable identity for one split (FNV-1a over source, time and units). */
function makeSplitId(meta: SplitMeta, units: string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of `${meta.source}\u0000${meta.createdAt}\u0000${units.join('\u0000')}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `S${hash.toString(16).padStart(8, '0')}`;
}

/** Every unit's file name (unique), the manifest, and the plans to write. */
export function planSplitFiles(tables: ParsedTable[], meta: SplitMeta): SplitFiles {
  const year = splitYear(tables);
  const assignments: UnitAssignment[] = assignUnits(tables);
  const { names, findings } = planUnitFileNames(assignments.map((a) => a.unit), year);
  const splitId = meta.splitId ?? makeSplitId(meta, assignments.map((a) => a.unit));
  const full: SplitMeta = { ...meta, splitId };
  const entries = assignments.map((a, i) => {
    const lead = a.rows.filter((r) => r.role === ROLE_LEAD).length;
    return { unit: a.unit, fileName: names[i].fileName, lead, cooperate: a.rows.length - lead, renamed: names[i].renamed };
  });
  const manifest: SplitManifest = { year, source: meta.source, createdAt: meta.createdAt, splitId, entries };
  const sent = buildSentRecord(tables, assignments, { splitId, createdAt: meta.createdAt, source: meta.source, year, fileNames: entries.map((e) => e.fileName) });
  return {
    manifest,
    findings: [...findings, ...sent.findings],
    sent: sent.record,
    *plans() {
      for (let i = 0; i < assignments.length; i++) {
        const { unit, fileName, lead, cooperate } = entries[i];
        yield { unit, fileName, lead, cooperate, plan: planUnitWorkbook(tables, assignments[i], full, fileName) };
      }
    },
    manifestFiles: [
      { name: SPLIT_MANIFEST_CSV, text: formatManifestCsv(manifest) },
      { name: SPLIT_MANIFEST_JSON, text: formatManifestJson(manifest) },
    ],
    manifestSheet: planManifestSheet(manifest),
  };
}

export function* planSplit(tables: ParsedTable[], meta: SplitMeta): Generator<UnitWorkbookPlan> {
  yield* planSplitFiles(tables, meta).plans();
}

/**
 * What the pane writes into the office's workbook after a split, in one batch: 分发清单 and the
 * state with the sent record added (withSentRecord; the state as read from the workbook). Without a
 * record (too large) only 分发清单.
 */
export function planSplitRecord(state: WorkbookState | null, split: Pick<SplitFiles, 'manifestSheet' | 'sent'>): WorkbookPlan {
  const sheets = [split.manifestSheet];
  if (split.sent) sheets.push(planStateSheet(withSentRecord(state, split.sent)));
  return { version: PLAN_VERSION, sheets };
}

/** 分发记录.json beside the CLI's unit files (the master is not rewritten): name and text. */
export function sentRecordFile(record: SentRecord): { name: string; text: string } {
  return { name: SENT_RECORD_JSON, text: formatSentRecordJson(record) };
}
