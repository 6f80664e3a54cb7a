/**
 * Validation of parsed tables against the registry: every name checked with ranked suggestions,
 * required fields, duplicate tasks, and the leader–unit cross-check. Findings, never exceptions.
 */
import { NAME_FIELDS, type Finding, type ParsedTable, type Severity } from '../model/records.model';
import type { RegistryIndex } from '../registry/registry-index.builder';
import { checkName, toFinding } from './name.check';
import { checkLeaderUnits } from '../crosscheck/leader-unit.check';

/** 'names': names, required fields, duplicates; 'cross': the leader–unit cross-check; 'all': both. */
export type CheckScope = 'names' | 'cross' | 'all';

export interface ValidateOptions {
  /** What to check (default 'all'). The cross-check is skipped for tables outside the registry's years. */
  scope?: CheckScope;
  /** Workbook address of a record's field, e.g. "'主要工作'!E12" (from the workbook layout). */
  cellAddress?: (table: number, row: number, field: string) => string | null | undefined;
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  info: number;
}

/** The years a registry covers, or null when it records none. */
export function registryYearSpan(index: RegistryIndex): { min: number; max: number } | null {
  const years = [...index.registry.leaders.flatMap((l) => l.years), ...index.registry.units.flatMap((u) => u.years)];
  if (years.length === 0) return null;
  // A loop, not Math.min(...years): spreading a long list overflows the stack.
  let [min, max] = [years[0], years[0]];
  for (const y of years) [min, max] = [Math.min(min, y), Math.max(max, y)];
  return { min, max };
}

export function isOutsideYears(index: RegistryIndex, year: number | null): boolean {
  const span = registryYearSpan(index);
  return span !== null && year !== null && (year < span.min || year > span.max);
}

function withCell(finding: Finding, options: ValidateOptions): Finding {
  if (!options.cellAddress || finding.table === undefined || finding.row === undefined || !finding.field) return finding;
  const cell = options.cellAddress(finding.table, finding.row, finding.field);
  return cell ? { ...finding, cell } : finding;
}

function checkNames(table: ParsedTable, t: number, index: RegistryIndex, outsideYears: boolean): Finding[] {
  const out: Finding[] = [];
  const span = registryYearSpan(index);
  const registryYears = span ? (span.min === span.max ? `${span.min}` : `${span.min}—${span.max}`) : undefined;
  const activeThisYear = (name: string) => {
    const years = index.leaders.exact.get(name)?.leader?.years ?? [];
    return outsideYears || !table.year || years.length === 0 || years.includes(table.year);
  };
  table.rows.forEach((row, r) => {
    for (const field of NAME_FIELDS) {
      const list = row[field];
      const exact = field === 'leaders' ? index.leaders.exact : index.units.exact;
      for (let i = 0; i < list.length; i += 1) {
        const value = list[i];
        // Fast path: most names are written exactly as in the registry.
        if (exact.has(value) && (field !== 'leaders' || activeThisYear(value))) continue;
        const ctx = field === 'leaders' ? { units: [...row.leadUnits, ...row.relatedUnits], next: list[i + 1], prev: list[i - 1] } : { leaders: row.leaders, next: list[i + 1], prev: list[i - 1] };
        const result = checkName({ index, value, field, ctx, outsideYears, registryYears, year: table.year });
        if (!result) continue;
        out.push(toFinding(result, { table: t, row: r, field, value }));
        if (result.consumesNext) i += 1;
      }
    }
  });
  return out;
}

function checkRequired(table: ParsedTable, t: number): Finding[] {
  const out: Finding[] = [];
  const required = table.kind === 'tasks' ? (['content', 'leaders', 'leadUnits'] as const) : (['name', 'leaders', 'leadUnits'] as const);
  const labels: Record<string, string> = { content: '内容和要求', name: '项目名称', leaders: '负责人', leadUnits: '主要责任单位' };
  table.rows.forEach((row, r) => {
    for (const field of required) {
      const value = (row as unknown as Record<string, unknown>)[field];
      const empty = Array.isArray(value) ? value.every((v) => !String(v).trim()) : !String(value ?? '').trim();
      if (!empty) continue;
      out.push({ code: 'required-empty', severity: 'warning', message: `第 ${r + 1} 项的“${labels[field]}”为空`, messageEn: `Row ${r + 1}: ${field} is empty`, table: t, row: r, field, value: '' });
    }
  });
  return out;
}

const KEY_NOISE = /[\s，。；、,.;]/g;

/**
 * The duplicate key of a row, from small ids of its cleaned parts: a merged 门类 or 项目 is one
 * string shared by every row it covers, cleaned once (its hash is cached by the engine), never
 * copied into a new key per row.
 */
function taskKey(table: ParsedTable, r: number, ids: Map<string, number>, cleaned: Map<string, number>): string {
  const row = table.rows[r];
  const parts = table.kind === 'tasks' ? [row.category, (row as { item: string }).item, row.content] : [(row as { name: string }).name, row.content, (row as { task: string }).task];
  return parts
    .map((text) => {
      let id = ids.get(text);
      if (id === undefined) {
        // Not normaliseName: contents are long and unique, not worth its memo.
        const clean = text.replace(KEY_NOISE, '');
        id = cleaned.get(clean);
        if (id === undefined) cleaned.set(clean, (id = cleaned.size));
        ids.set(text, id);
      }
      return id;
    })
    .join('|');
}

function checkDuplicates(table: ParsedTable, t: number): Finding[] {
  const out: Finding[] = [];
  const first = new Map<string, number>();
  const ids = new Map<string, number>();
  const cleaned = new Map<string, number>();
  table.rows.forEach((row, r) => {
    if (!/\S/.test(row.content)) return;
    const key = taskKey(table, r, ids, cleaned);
    const prev = first.get(key);
    if (prev === undefined) first.set(key, r);
    else out.push({ code: 'duplicate-task', severity: 'warning', message: `第 ${r + 1} 项与第 ${prev + 1} 项内容重复`, messageEn: `Row ${r + 1} repeats row ${prev + 1}`, table: t, row: r, field: 'content', value: row.content.slice(0, 60) });
  });
  return out;
}

/** Every finding for the tables, in table / row order. `table` is the index in `tables`. */
export function validateTables(tables: ParsedTable[], index: RegistryIndex, options: ValidateOptions = {}): Finding[] {
  const scope = options.scope ?? 'all';
  // Appended in place: concat per table copied every finding so far once per table (tables × findings).
  const findings: Finding[] = [];
  const add = (more: Finding[]): void => {
    for (const f of more) findings.push(f);
  };
  tables.forEach((table, t) => {
    const outsideYears = isOutsideYears(index, table.year);
    if (scope !== 'cross') {
      add(checkNames(table, t, index, outsideYears));
      add(checkRequired(table, t));
      add(checkDuplicates(table, t));
    }
    if (scope !== 'names' && !outsideYears) add(checkLeaderUnits(table, t, index, tables));
  });
  findings.sort((a, b) => (a.table ?? -1) - (b.table ?? -1) || (a.row ?? -1) - (b.row ?? -1));
  const kept = capFindings(findings);
  return options.cellAddress ? kept.map((f) => withCell(f, options)) : kept;
}

/** At most this many findings are kept (in table / row order); one `budget-findings` says how many there were. */
export const MAX_FINDINGS = 200_000;

function capFindings(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const total = findings.length;
  findings.length = MAX_FINDINGS;
  findings.push({
    code: 'budget-findings',
    severity: 'warning',
    message: `问题共 ${total} 条，只列出前 ${MAX_FINDINGS} 条；请先处理这些（多半是名录缺少大量名称），再重新校验`,
    messageEn: `${total} findings; only the first ${MAX_FINDINGS} are listed. Deal with these first (usually names missing from the registry), then validate again`,
    value: String(total),
  });
  return findings;
}

export function summariseFindings(findings: Finding[]): FindingSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), info: count('info') };
}
