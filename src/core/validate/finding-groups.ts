/**
 * The same wrong value in many rows is one group; one decision fixes every row of it.
 */
import { NAME_FIELDS, type Finding, type Fix, type NameField, type ParsedTable, type Severity, type Suggestion } from '../model/records.model';
import { findCertain, type RegistryIndex } from '../registry/registry-index.builder';
import { normaliseName } from '../registry/name.normaliser';

export interface FindingPosition {
  table: number;
  row: number;
  field: string;
  cell?: string;
}

export interface FindingGroup {
  /** Stable key: code, field kind and value (row-level findings also carry table and row). */
  key: string;
  code: string;
  severity: Severity;
  message: string;
  messageEn?: string;
  value: string;
  suggestions: Suggestion[];
  positions: FindingPosition[];
}

const ROW_LEVEL = new Set(['required-empty', 'duplicate-task', 'leader-unit-mismatch']);

function fieldKind(field: string | undefined): string {
  return field === 'leaders' ? 'leader' : field === 'leadUnits' || field === 'relatedUnits' ? 'unit' : field ?? '';
}

export function groupKey(f: Finding): string {
  const base = `${f.code}|${fieldKind(f.field)}|${f.value ?? ''}`;
  return ROW_LEVEL.has(f.code) ? `${base}|${f.table ?? ''}|${f.row ?? ''}|${f.field ?? ''}` : base;
}

/** Groups findings by code and value, keeping first-seen order; severity is the group's worst. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const rank: Record<Severity, number> = { error: 2, warning: 1, info: 0 };
  for (const f of findings) {
    const key = groupKey(f);
    let g = groups.get(key);
    if (!g) {
      g = { key, code: f.code, severity: f.severity, message: f.message, messageEn: f.messageEn, value: f.value ?? '', suggestions: f.suggestions ?? [], positions: [] };
      groups.set(key, g);
    }
    if (rank[f.severity] > rank[g.severity]) g.severity = f.severity;
    if (f.table !== undefined && f.row !== undefined) g.positions.push({ table: f.table, row: f.row, field: f.field ?? '', ...(f.cell ? { cell: f.cell } : {}) });
  }
  return [...groups.values()];
}

function isNameField(field: string): field is NameField {
  return (NAME_FIELDS as readonly string[]).includes(field);
}

/** Replaces `from` in a name list by the decided value (a split decision '甲、乙' gives two names). */
function replaceInList(list: string[], from: string, decided: string): string[] | null {
  const i = list.indexOf(from);
  if (i < 0) return null;
  const parts = decided.split(/[、,，]/).map((s) => s.trim()).filter(Boolean);
  const next = [...list];
  const joined = normaliseName(from + (list[i + 1] ?? ''));
  const drop = list[i + 1] !== undefined && joined === normaliseName(decided) ? 2 : 1;
  next.splice(i, drop, ...parts);
  return [...new Set(next)];
}

function cloneTables(tables: ParsedTable[]): ParsedTable[] {
  return tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r })) })) as ParsedTable[];
}

/** Applies one decision to every position of a group. Returns new tables and the changes as fixes. */
export function applyDecision(tables: ParsedTable[], group: FindingGroup, value: string, rule = 'registry-decision'): { tables: ParsedTable[]; fixes: Fix[] } {
  const out = cloneTables(tables);
  const fixes: Fix[] = [];
  for (const p of group.positions) {
    const row = out[p.table]?.rows[p.row] as unknown as Record<string, unknown> | undefined;
    if (!row || !isNameField(p.field)) continue;
    const list = row[p.field] as string[];
    const next = replaceInList(list, group.value, value);
    if (!next) continue;
    row[p.field] = next;
    fixes.push({ table: p.table, row: p.row, field: p.field, from: list.join('、'), to: next.join('、'), rule });
  }
  return { tables: out, fixes };
}

/** Replaces every name that certainly means a registry entry by its canonical form. */
export function applyRegistryNames(tables: ParsedTable[], index: RegistryIndex): { tables: ParsedTable[]; changes: Fix[] } {
  const out = cloneTables(tables);
  const changes: Fix[] = [];
  out.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      for (const field of NAME_FIELDS) {
        const list = row[field];
        const next = list.map((v) => findCertain(index, v, field === 'leaders' ? 'leader' : 'unit')?.name ?? v);
        if (next.every((v, i) => v === list[i])) continue;
        row[field] = [...new Set(next)];
        changes.push({ table: t, row: r, field, from: list.join('、'), to: row[field].join('、'), rule: 'registry-canonical' });
      }
    });
  });
  return { tables: out, changes };
}
