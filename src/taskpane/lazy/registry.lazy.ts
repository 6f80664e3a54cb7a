/**
 * Registry, matcher and validation, loaded with import() when validation first runs: the pinyin
 * dictionary (pinyin-pro) is the heaviest part of the add-in and must stay out of the initial bundle.
 */
import {
  REGISTRY_SHEETS, applyDecision, buildAssignmentSheets, checkLeaderUnits, buildRegistrySheets, createRegistryIndex, groupFindings, joinNames, loadDefaultRegistry, loadPinyin,
  locateCell, locateSheetCell, parseRegistryJson, readRegistryFromUsedRanges, serialiseRegistry, summariseFindings, validateTables,
  type FindingGroup, type ParsedTable, type Registry, type RegistryIndex, type UsedRange, type WorkbookLayout, type WorkbookPlan, type WriteOp,
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

export type CheckKind = 'names' | 'cross';

/**
 * 'names': names, required fields, duplicates (section 4). 'cross': the leader–unit cross-check
 * (section 6), kept apart so each section shows its own findings.
 */
export async function checkSheets(kind: CheckKind, registry: Registry, tables: ParsedTable[], layout: WorkbookLayout): Promise<Validation> {
  const index = await getIndex(registry);
  const cellAddress = (t: number, r: number, f: string) => locateCell(layout, t, r, f);
  const findings =
    kind === 'names'
      ? validateTables(tables, index, { crossCheck: false, cellAddress })
      : tables.flatMap((table, t) => checkLeaderUnits(table, t, index, tables)).map((f) => {
          const cell = f.table !== undefined && f.row !== undefined && f.field ? cellAddress(f.table, f.row, f.field) : null;
          return cell ? { ...f, cell } : f;
        });
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

/** The registry the user edits in the 名录 sheets, or null when the workbook has none. */
export function registryFromRanges(ranges: UsedRange[]): Registry | null {
  return readRegistryFromUsedRanges(ranges);
}

export function registrySheetNames(): string[] {
  return [REGISTRY_SHEETS.leaders, REGISTRY_SHEETS.units];
}

export function planRegistrySheets(registry: Registry): WorkbookPlan {
  return { version: 1, sheets: buildRegistrySheets(registry) };
}

/** 分工明细, 单位工作量 and 领导单位矩阵 from the records in the sheets. */
export async function planAssignmentSheets(registry: Registry, tables: ParsedTable[], today: string): Promise<WorkbookPlan> {
  const index = await getIndex(registry);
  return { version: 1, sheets: buildAssignmentSheets(tables, { today, index }) };
}
