/**
 * Who gets which task: every unit named as 主要责任单位 (牵头) or 相关单位 (配合) gets the tasks it
 * is named on. Generic "units" (各有关镇（区）有关部门) are nobody in particular and get no file.
 */
import type { ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { isGenericUnitName } from '../registry/unit-kind';
import { sanitiseFileStem } from './unit-files.planner';

export type UnitRole = '牵头' | '配合';
export const ROLE_LEAD: UnitRole = '牵头';
export const ROLE_COOPERATE: UnitRole = '配合';

export interface AssignedRow {
  table: number;
  row: number;
  role: UnitRole;
}

export interface UnitAssignment {
  unit: string;
  rows: AssignedRow[];
}

type AnyRecord = TaskRecord | ProjectRecord;

/** Units in first-seen order, each with its rows (a unit named in both columns counts as 牵头). */
export function assignUnits(tables: ParsedTable[], isGeneric: (name: string) => boolean = isGenericUnitName): UnitAssignment[] {
  const byUnit = new Map<string, Map<string, AssignedRow>>();
  const add = (unit: string, table: number, row: number, role: UnitRole): void => {
    const name = unit.trim();
    if (!name || isGeneric(name)) return;
    let rows = byUnit.get(name);
    if (!rows) byUnit.set(name, (rows = new Map()));
    const key = `${table}:${row}`;
    const existing = rows.get(key);
    if (!existing) rows.set(key, { table, row, role });
    else if (role === ROLE_LEAD) existing.role = ROLE_LEAD;
  };
  tables.forEach((table, t) => {
    (table.rows as AnyRecord[]).forEach((record, r) => {
      for (const u of record.leadUnits) add(u, t, r, ROLE_LEAD);
      for (const u of record.relatedUnits) add(u, t, r, ROLE_COOPERATE);
    });
  });
  return [...byUnit].map(([unit, rows]) => ({ unit, rows: [...rows.values()] }));
}

/** The units that could send a file back: every unit named in the tables. */
export function namedUnits(tables: ParsedTable[]): Set<string> {
  const names = new Set<string>();
  for (const table of tables) {
    for (const record of table.rows as AnyRecord[]) {
      for (const u of [...record.leadUnits, ...record.relatedUnits]) names.add(u.trim());
    }
  }
  return names;
}

/** A file name for the unit's workbook that every file system accepts (not yet unique: planUnitFileNames makes it so). */
export function unitFileName(unit: string, year: number | null): string {
  return `${year ?? ''}${year ? '-' : ''}${sanitiseFileStem(unit)}.xlsx`;
}
