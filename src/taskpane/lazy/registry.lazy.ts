/**
 * Registry, matcher and validation, loaded with import() when validation first runs: the pinyin
 * dictionary (pinyin-pro) is the heaviest part of the add-in and must stay out of the initial bundle.
 */
import {
  applyDecision, createRegistryIndex, groupFindings, joinNames, loadDefaultRegistry, loadPinyin, locateCell, locateSheetCell, parseRegistryJson,
  serialiseRegistry, summariseFindings, validateTables,
  type FindingGroup, type ParsedTable, type Registry, type RegistryIndex, type WorkbookLayout, type WriteOp,
} from '../../core';

const indexes = new WeakMap<Registry, Promise<RegistryIndex>>();

export function getDefaultRegistry(): Registry {
  return loadDefaultRegistry();
}

export function readRegistryJson(text: string): Registry {
  return parseRegistryJson(text);
}

export function writeRegistryJson(registry: Registry): string {
  return serialiseRegistry(registry);
}

export function countRegistry(registry: Registry): { leaders: number; units: number } {
  return { leaders: registry.leaders.length, units: registry.units.length };
}

/** The index is built once per registry (pinyin keys included). */
export function getIndex(registry: Registry): Promise<RegistryIndex> {
  let hit = indexes.get(registry);
  if (!hit) {
    hit = loadPinyin().then((pinyin) => createRegistryIndex(registry, { pinyin }));
    indexes.set(registry, hit);
  }
  return hit;
}

export interface Validation {
  groups: FindingGroup[];
  summary: { errors: number; warnings: number; info: number };
}

export async function validateSheets(registry: Registry, tables: ParsedTable[], layout: WorkbookLayout): Promise<Validation> {
  const index = await getIndex(registry);
  const findings = validateTables(tables, index, { cellAddress: (t, r, f) => locateCell(layout, t, r, f) });
  return { groups: groupFindings(findings), summary: summariseFindings(findings) };
}

/** One decision fixes every cell of the group: the new cell texts as single-cell writes. */
export function planDecision(tables: ParsedTable[], layout: WorkbookLayout, group: FindingGroup, value: string): WriteOp[] {
  const decided = applyDecision(tables, group, value);
  const ops: WriteOp[] = [];
  for (const fix of decided.fixes) {
    const at = locateSheetCell(layout, fix.table, fix.row, fix.field);
    const row = decided.tables[fix.table]?.rows[fix.row] as unknown as Record<string, string[]> | undefined;
    if (!at || !row) continue;
    ops.push({ op: 'writeValues', sheet: at.sheet, start: at.address, values: [[joinNames(row[fix.field])]] });
  }
  return ops;
}
