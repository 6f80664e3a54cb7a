/**
 * `fenjie export INPUT --docx OUT.docx [--year N] [--registry R|default]`: the two attachments (and
 * the 通知 cover when known) as an official-format Word document (GB/T 9704-2012).
 */
import { exportNotice, parseTableSize, type Fix, type MarginsMm, type ParsedTable } from '../../core/index';
import { OUTPUT_OPTION, parseArgs, REGISTRY_OPTION, stringFlag, usageError } from '../cli-args';
import { writeOutputFile, type CliIO } from '../cli-io';
import { assertNotInput, chooseRegistryArg, inputPaths, parseYearOption, printRegistry, readInputArg, requireTables } from '../cli-input';
import type { Command } from '../command';

const USAGE = 'export INPUT --docx OUT.docx [--year N] [--registry R|default] [--size 小四] [--no-cover] [--landscape-margins T,B,L,R] [--issuer 发文机关标志]';
const OPTIONS = [
  OUTPUT_OPTION,
  REGISTRY_OPTION,
  { name: 'docx', value: true },
  { name: 'year', value: true },
  { name: 'size', value: true },
  { name: 'no-cover' },
  { name: 'landscape-margins', value: true },
  { name: 'issuer', value: true },
];

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

function tableSizeOption(value: string | undefined): ReturnType<typeof parseTableSize> {
  if (value === undefined) return undefined;
  const size = parseTableSize(value);
  if (size === undefined) throw usageError(`字号无效：${value}（如 四号、小四、12）`, `Invalid size: ${value} (e.g. 四号, 小四, 12)`);
  return size;
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, OPTIONS);
    const out = stringFlag(flags, 'docx') ?? stringFlag(flags, 'o');
    if (positional.length !== 1 || !out) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const readFiles = inputPaths(positional, flags);
    assertNotInput(out, readFiles);
    const year = parseYearOption(flags.year);
    const options = { tableSize: tableSizeOption(stringFlag(flags, 'size')), landscapeMarginsMm: parseMargins(flags['landscape-margins']), cover: !flags['no-cover'], issuer: stringFlag(flags, 'issuer') };
    const input = await readInputArg(positional[0]);
    requireTables(input, 'export-no-table');
    const registry = flags.registry === undefined ? null : chooseRegistryArg(flags, [input]);
    const written = exportNotice(input.result, { year, registry: registry?.registry ?? null, options });
    const { backup } = writeOutputFile(out, written.bytes, { inputs: readFiles });
    const zh = io.lang !== 'en';
    const rows = written.tables.map((t) => `${t.title ?? t.kind}: ${t.rows.length}`).join('; ');
    io.out(zh ? `已写入 ${out}（${rows}；${written.cover ? '含通知首页' : '无通知首页'}）` : `Wrote ${out} (${rows}; ${written.cover ? 'with' : 'without'} the notice cover)`);
    if (!written.coverFits) io.out(zh ? `注意：通知属于其他年度，未写入首页。` : 'Note: the notice is for another year; no cover written.');
    if (backup) io.out(zh ? `原文件已备份为 ${backup}` : `The existing file was kept as ${backup}`);
    if (registry) {
      printRegistry(io, registry);
      for (const line of formatNameChanges(written.nameChanges, written.tables, io.lang)) io.out(line);
    }
    return 0;
  },
};
