/**
 * 导出 / fenjie export: the attachment tables (and the 通知 cover when it belongs to the year) as
 * an official-format .docx (GB/T 9704-2012), names optionally in the registry's form.
 */
import { FenjieError } from '../errors';
import type { Fix, Notice, ParseResult } from '../model/records.model';
import { writeNoticeDocx } from '../export/docx.writer';
import type { DocxExportOptions } from '../export/docx-options';
import { retitleTables } from '../export/year-retitle';
import { createRegistryIndex } from '../registry/registry-index.builder';
import type { Registry } from '../registry/registry.model';
import { applyRegistryNames } from '../validate/finding-groups';

export interface ExportRequest {
  /** Move titles and years to this year (next year's 通知). */
  year?: number | null;
  /** Write names in this registry's form (certain matches only). */
  registry?: Registry | null;
  options?: DocxExportOptions;
}

export interface ExportResult {
  bytes: Uint8Array;
  /** Whether the 通知 cover was written. */
  cover: boolean;
  /** False when the 通知 belongs to another year than the tables written (no cover then). */
  coverFits: boolean;
  /** Names changed to the registry's form. */
  nameChanges: Fix[];
  tables: ParseResult['tables'];
}

/** The year a 通知 is for, from its 文号 (〔2021〕) or its date. */
export function noticeYear(notice: Notice): number | null {
  const m = /[〔［[(（](\d{4})[〕］\])）]/.exec(notice.number ?? '') ?? /^(\d{4})-/.exec(notice.date ?? '');
  return m ? Number(m[1]) : null;
}

export function exportNotice(result: Pick<ParseResult, 'source' | 'notice' | 'tables'>, request: ExportRequest = {}): ExportResult {
  if (result.tables.length === 0) throw new FenjieError('export-no-table', `${result.source} 中没有可导出的表格`, `No table to export in ${result.source}`);
  const mapped = request.registry ? applyRegistryNames(result.tables, createRegistryIndex(request.registry)) : { tables: result.tables, changes: [] };
  const year = request.year ?? null;
  const tables = year ? retitleTables(mapped.tables, year) : mapped.tables;
  // The old year's 通知 (number, date, body) does not belong on next year's document.
  const noticeFor = noticeYear(result.notice);
  const coverFits = !year || noticeFor === null || noticeFor === year;
  const written = writeNoticeDocx({ notice: coverFits ? result.notice : null, tables }, request.options);
  return { bytes: written.bytes, cover: written.cover, coverFits, nameChanges: mapped.changes, tables };
}
