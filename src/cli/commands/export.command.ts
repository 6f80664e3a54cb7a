/**
 * `fenjie export INPUT --docx OUT.docx [--year N] [--registry R]`: the two attachments (and the 通知
 * cover when known) as an official-format Word document (GB/T 9704-2012).
 */
import {
  applyRegistryNames,
  createRegistryIndex,
  isFenjieWorkbook,
  loadDefaultRegistry,
  readFenjieWorkbook,
  parseDocument,
  parseRegistryJson,
  parseTableSize,
  retitleTables,
  writeNoticeDocx,
  FenjieError,
  type Fix,
  type MarginsMm,
  type Notice,
  type ParsedTable,
  type ParseResult,
  type Registry,
  type WorkbookState,
} from '../../core/index';
import { baseName, parseArgs, readInputFile, usageError, writeOutputFile, type CliIO } from '../cli-io';
import type { Command } from '../main';

const USAGE = 'export INPUT --docx OUT.docx [--year N] [--registry R|default] [--size 小四] [--no-cover] [--landscape-margins T,B,L,R] [--issuer 发文机关标志]';

export interface LoadedRecords {
  result: ParseResult;
  /** The workbook state when the input is a workbook fenjie wrote, else null. */
  state: WorkbookState | null;
}

/** Reads a source document, or a workbook fenjie wrote (ids, tracking and the user's edits kept). */
export async function loadRecords(file: string): Promise<LoadedRecords> {
  const bytes = readInputFile(file);
  if (isFenjieWorkbook(bytes)) {
    const workbook = await readFenjieWorkbook(bytes, baseName(file));
    return { result: workbook.result, state: workbook.state };
  }
  return { result: await parseDocument(bytes, baseName(file)), state: null };
}

/** `--registry FILE` or `--registry default`. */
export function loadRegistryOption(value: string | boolean | undefined): Registry | null {
  if (value === undefined || value === false) return null;
  if (value === true) throw usageError('--registry 需要一个文件名或 default', '--registry needs a file name or "default"');
  if (value === 'default') return loadDefaultRegistry();
  const text = new TextDecoder('utf-8').decode(readInputFile(value));
  return parseRegistryJson(text);
}

export function parseYearOption(value: string | boolean | undefined): number | null {
  if (value === undefined) return null;
  const year = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(year) || year < 1949 || year > 2200) {
    throw usageError(`年份无效：${String(value)}`, `Invalid year: ${String(value)}`);
  }
  return year;
}

/** Names in registry form, with the changes (certain matches only). */
export function mapRegistryNames(tables: ParsedTable[], registry: Registry | null): { tables: ParsedTable[]; changes: Fix[] } {
  if (!registry) return { tables, changes: [] };
  return applyRegistryNames(tables, createRegistryIndex(registry));
}

export function formatNameChanges(changes: Fix[], tables: ParsedTable[], lang: 'zh' | 'en'): string[] {
  if (changes.length === 0) return [lang === 'en' ? 'Names: all already in registry form' : '名称：均已是名录规范写法'];
  const lines = [lang === 'en' ? `Names mapped to the registry form: ${changes.length}` : `按名录改写名称：${changes.length} 处`];
  for (const c of changes) {
    const id = (tables[c.table]?.rows[c.row] as { id?: string } | undefined)?.id ?? `${c.table + 1}-${c.row + 1}`;
    lines.push(`  ${id.padEnd(12)} ${c.field.padEnd(13)} ${c.from} → ${c.to}`);
  }
  return lines;
}

/** `--landscape-margins 28,26,35,37` (mm: top, bottom, left, right). */
export function parseMargins(value: string | boolean | undefined): MarginsMm | undefined {
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split(/[,，\s]+/).map(Number) : [];
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 5 || n > 80)) {
    throw usageError(`页边距无效：${String(value)}（格式：上,下,左,右，单位毫米，如 28,26,35,37）`, `Invalid margins: ${String(value)} (top,bottom,left,right in mm, e.g. 28,26,35,37)`);
  }
  const [top, bottom, left, right] = parts;
  return { top, bottom, left, right };
}

function noticeYear(notice: Notice): number | null {
  const m = /〔(\d{4})〕/.exec(notice.number ?? '') ?? /^(\d{4})-/.exec(notice.date ?? '');
  return m ? Number(m[1]) : null;
}

export const command: Command = {
  summaryZh: '导出为公文格式的 Word 附件（GB/T 9704-2012）',
  summaryEn: 'Export the attachments as an official-format Word document (GB/T 9704-2012)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, ['size', 'issuer', 'landscape-margins']);
    const out = typeof flags.docx === 'string' ? flags.docx : typeof flags.o === 'string' ? flags.o : null;
    if (positional.length !== 1 || !out) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const year = parseYearOption(flags.year);
    const tableSize = typeof flags.size === 'string' ? parseTableSize(flags.size) : undefined;
    if (typeof flags.size === 'string' && tableSize === undefined) throw usageError(`字号无效：${flags.size}（如 四号、小四、12）`, `Invalid size: ${flags.size} (e.g. 四号, 小四, 12)`);
    const landscapeMarginsMm = parseMargins(flags['landscape-margins']);
    const registry = loadRegistryOption(flags.registry);
    const { result } = await loadRecords(positional[0]);
    if (result.tables.length === 0) {
      throw new FenjieError('export-no-table', `${result.source} 中没有可导出的表格`, `No table to export in ${result.source}`);
    }
    const mapped = mapRegistryNames(result.tables, registry);
    const tables = year ? retitleTables(mapped.tables, year) : mapped.tables;
    // The old year's 通知 (number, date, body) does not belong on next year's document.
    const coverFits = !year || noticeYear(result.notice) === null || noticeYear(result.notice) === year;
    const written = writeNoticeDocx(
      { notice: coverFits ? result.notice : null, tables },
      { tableSize, landscapeMarginsMm, cover: !flags['no-cover'], issuer: typeof flags.issuer === 'string' ? flags.issuer : undefined },
    );
    const { backup } = writeOutputFile(out, written.bytes);
    const zh = io.lang !== 'en';
    const rows = tables.map((t) => `${t.title ?? t.kind}: ${t.rows.length}`).join('; ');
    io.out(zh ? `已写入 ${out}（${rows}；${written.cover ? '含通知首页' : '无通知首页'}）` : `Wrote ${out} (${rows}; ${written.cover ? 'with' : 'without'} the notice cover)`);
    if (!coverFits) io.out(zh ? `注意：通知属于其他年度，未写入首页。` : 'Note: the notice is for another year; no cover written.');
    if (backup) io.out(zh ? `原文件已备份为 ${backup}` : `The existing file was kept as ${backup}`);
    if (registry) for (const line of formatNameChanges(mapped.changes, tables, io.lang)) io.out(line);
    return 0;
  },
};
