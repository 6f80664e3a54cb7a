/**
 * Year rollover: next year's tables from this year's. Titles and years move on, names take the
 * registry's form, leaders follow the registry's 分管, tracking is cleared, finished items are kept
 * or dropped, ids are renumbered with the old id kept. Every change is listed for review.
 */
import type { Fix, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import type { Registry } from '../registry/registry.model';
import { retitleTable } from '../export/year-retitle';
import { createRegistryIndex } from '../registry/registry-index.builder';
import { applyRegistryNames } from '../validate/finding-groups';
import { createOversightView, updateLeaders } from './leader-update';

type AnyRecord = TaskRecord | ProjectRecord;

export type RolloverChangeKind = 'name-registry' | 'leader-replaced' | 'leader-departed' | 'leader-unknown' | 'finished-dropped';

/** One change, positioned in the NEW tables (dropped rows: `row` is -1 and `previousId` names them). */
export interface RolloverChange {
  kind: RolloverChangeKind;
  table: number;
  row: number;
  id: string | null;
  previousId: string | null;
  field: string;
  from: string;
  to: string;
}

/** A name mapped to the registry form (REG's applyRegistryNames change, or anything shaped alike). */
export interface NameChange {
  table: number;
  row: number;
  field: string;
  from: string;
  to: string;
}

export interface RolloverOptions {
  year: number;
  registry?: Registry | null;
  /** Maps names to the registry's form (certain matches only); default: applyRegistryNames with `registry`. */
  applyNames?: (tables: ParsedTable[]) => { tables: ParsedTable[]; changes: NameChange[] };
  /** Drop items whose status is 已完成 (default: keep them). */
  dropFinished?: boolean;
}

export interface RolloverResult {
  tables: ParsedTable[];
  changes: RolloverChange[];
  counts: { kept: number; dropped: number; leadersReplaced: number; namesMapped: number; review: number };
}

const PAD = 3;

export function idFor(kind: ParsedTable['kind'], year: number, index: number, total: number): string {
  return `${year}-${kind === 'tasks' ? 'T' : 'P'}-${String(index + 1).padStart(Math.max(PAD, String(total).length), '0')}`;
}

function dropFinished(tables: ParsedTable[], changes: RolloverChange[]): ParsedTable[] {
  return tables.map((table, t) => {
    const rows = (table.rows as AnyRecord[]).filter((r) => {
      if (r.tracking?.status !== '已完成') return true;
      const what = 'item' in r ? r.item : r.name;
      changes.push({ kind: 'finished-dropped', table: t, row: -1, id: null, previousId: r.id ?? null, field: 'status', from: what, to: '' });
      return false;
    });
    return { ...table, rows } as ParsedTable;
  });
}

function applyLeaderUpdates(tables: ParsedTable[], registry: Registry, year: number, changes: RolloverChange[]): void {
  const view = createOversightView(registry);
  const pairs = new Set<string>();
  for (const table of tables) for (const r of table.rows as AnyRecord[]) for (const l of r.leaders) for (const u of r.leadUnits) pairs.add(`${l}\u0001${u}`);
  const previously = (leader: string, unit: string): boolean => pairs.has(`${leader}\u0001${unit}`);
  tables.forEach((table, t) => {
    (table.rows as AnyRecord[]).forEach((record, row) => {
      const decision = updateLeaders(record.leaders, record.leadUnits, view, year, previously);
      const base = { table: t, row, id: null, previousId: record.id ?? null, field: 'leaders' };
      for (const r of decision.replaced) {
        changes.push({ ...base, kind: 'leader-replaced', from: r.from, to: `${r.to.join('、')}（${r.unit}）` });
      }
      for (const r of decision.review) changes.push({ ...base, kind: r.reason, from: r.leader, to: r.leader });
      record.leaders = decision.leaders;
    });
  });
}

export function rolloverTables(input: ParsedTable[], options: RolloverOptions): RolloverResult {
  const { year } = options;
  const changes: RolloverChange[] = [];
  // Work on copies: the caller's records stay as they were.
  let tables = input.map((t) => ({ ...t, rows: (t.rows as AnyRecord[]).map((r) => ({ ...r, leaders: [...r.leaders], leadUnits: [...r.leadUnits], relatedUnits: [...r.relatedUnits] })) }) as ParsedTable);
  if (options.dropFinished) tables = dropFinished(tables, changes);
  let namesMapped = 0;
  const registry = options.registry;
  const applyNames = options.applyNames ?? (registry ? (t: ParsedTable[]) => applyRegistryNames(t, createRegistryIndex(registry)) : undefined);
  if (applyNames) {
    const mapped = applyNames(tables);
    tables = mapped.tables;
    namesMapped = mapped.changes.length;
    for (const c of mapped.changes) {
      const record = tables[c.table]?.rows[c.row] as AnyRecord | undefined;
      changes.push({ kind: 'name-registry', table: c.table, row: c.row, id: null, previousId: record?.id ?? null, field: c.field, from: c.from, to: c.to });
    }
  }
  if (options.registry) applyLeaderUpdates(tables, options.registry, year, changes);
  tables = tables.map((table) => {
    const rows = (table.rows as AnyRecord[]).map((record, i, all) => {
      // 序号, 时间节点 and extra columns carry over; the old notice's 完成时限 (its year's dates) does not.
      const { tracking: _tracking, deadline: _deadline, ...rest } = record;
      return { ...rest, id: idFor(table.kind, year, i, all.length), previousId: record.id ?? record.previousId, inherited: [] };
    });
    return retitleTable({ ...table, rows } as ParsedTable, year);
  });
  for (const c of changes) {
    if (c.row >= 0) c.id = (tables[c.table].rows[c.row] as AnyRecord).id ?? null;
  }
  const count = (kind: RolloverChangeKind): number => changes.filter((c) => c.kind === kind).length;
  return {
    tables,
    changes,
    counts: {
      kept: tables.reduce((n, t) => n + t.rows.length, 0),
      dropped: count('finished-dropped'),
      leadersReplaced: count('leader-replaced'),
      namesMapped,
      review: count('leader-departed') + count('leader-unknown'),
    },
  };
}

/** The changes as fixes, so the workbook's 修订记录 sheet lists them for review. */
export function rolloverChangesAsFixes(changes: RolloverChange[]): Fix[] {
  return changes
    .filter((c) => c.row >= 0)
    .map((c) => ({ table: c.table, row: c.row, field: c.field, from: c.from, to: c.to, rule: `rollover-${c.kind}` }));
}
