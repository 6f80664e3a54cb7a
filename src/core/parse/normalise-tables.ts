/**
 * The one normaliser for every input: cleans the raw records a recogniser produced (or records
 * read back from a workbook), records every change as a Fix, fills merged cells and assigns ids.
 * Idempotent: normalising its own output changes nothing.
 */
import type { Fix, NameField, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { removeForbiddenChars } from './clean-chars.rules';
import { fillInherited } from './inherit-fields';
import {
  collectStandaloneUnits,
  dedupeNames,
  joinSplitNames,
  NAME_RULES,
  readRoleWord,
  splitEnumerations,
  splitSpacedLines,
  trimLines,
  type Emit,
} from './name-rules';
import { cleanLongText, cleanShortText, findStrayPrefixes, TEXT_RULES } from './text-rules';

export interface NormaliseOptions {
  /** Fill empty continuation cells from the row above (default true). */
  inherit?: boolean;
  /** Assign `${year}-T-001` / `${year}-P-001` ids to records without one (default true). */
  assignIds?: boolean;
}

type AnyRecord = TaskRecord | ProjectRecord;
const UNIT_FIELDS: NameField[] = ['leadUnits', 'relatedUnits'];

export function normaliseTables(input: ParsedTable[], options: NormaliseOptions = {}): { tables: ParsedTable[]; fixes: Fix[] } {
  const tables = input.map(copyTable);
  const fixes: Fix[] = [];
  // One emitter aimed by a cursor: rules run synchronously, and no closure is made per cell.
  const cursor = { table: 0, row: 0, field: '' };
  const emit: Emit = (from, to, rule) => {
    if (from !== to) fixes.push({ table: cursor.table, row: cursor.row, field: cursor.field, from, to, rule });
  };
  const emitFor = (table: number, row: number, field: string): Emit => {
    cursor.table = table;
    cursor.row = row;
    cursor.field = field;
    return emit;
  };
  tables.forEach((table, t) => (table.rows as AnyRecord[]).forEach((record, r) => removeForbiddenChars(record, (field) => emitFor(t, r, field))));
  tables.forEach((table, t) => (table.rows as AnyRecord[]).forEach((record, r) => cleanTextFields(record, (field) => emitFor(t, r, field))));
  tables.forEach((table, t) => stripStrayPrefixes(table, (r) => emitFor(t, r, 'category')));
  tables.forEach((table, t) => (table.rows as AnyRecord[]).forEach((record, r) => splitNameLines(record, (field) => emitFor(t, r, field))));
  joinNamesUntilStable(tables, emitFor);
  if (options.inherit !== false) tables.forEach(fillInherited);
  tables.forEach(dropEmptyDeadlines);
  if (options.assignIds !== false) tables.forEach(assignIds);
  return { tables, fixes: sortFixes(fixes) };
}

function copyTable(table: ParsedTable): ParsedTable {
  // Name lists are never changed in place (each rule returns a new list), so they are shared
  // with the input until a rule replaces them; `inherited` is copied where it grows.
  const rows = (table.rows as AnyRecord[]).map((record) => (record.tracking ? { ...record, tracking: { ...record.tracking } } : { ...record }));
  return { ...table, rows } as ParsedTable;
}

function cleanTextFields(record: AnyRecord, emit: (field: string) => Emit): void {
  record.category = cleanShortText(record.category, emit('category'));
  if ('item' in record) {
    record.item = cleanShortText(record.item, emit('item'));
    record.content = cleanLongText(record.content, emit('content'));
  } else {
    record.name = cleanShortText(record.name, emit('name'));
    record.content = cleanLongText(record.content, emit('content'));
    record.task = cleanLongText(record.task, emit('task'));
  }
}

function stripStrayPrefixes(table: ParsedTable, emit: (row: number) => Emit): void {
  const rows = table.rows as AnyRecord[];
  const fixes = findStrayPrefixes(rows.map((record) => record.category));
  rows.forEach((record, r) => {
    const fixed = fixes.get(record.category);
    if (fixed === undefined) return;
    emit(r)(record.category, fixed, TEXT_RULES.stripStrayPrefix);
    record.category = fixed;
  });
}

function splitNameLines(record: AnyRecord, emit: (field: string) => Emit): void {
  for (const field of ['leaders', 'leadUnits', 'relatedUnits'] as const) record[field] = cleanNameCell(record[field], emit(field));
  moveRoleWords(record, emit);
}

/** The line rules of one name cell, in order. */
function applyLineRules(lines: string[], emit: Emit): string[] {
  const split = splitSpacedLines(trimLines(lines, emit), emit);
  // De-duplicated before the standalone names are collected: a repeat must not make a name standalone.
  return dedupeNames(splitEnumerations(split, emit), emit);
}

/**
 * The line rules depend on the cell's lines only, and name cells repeat (the same leaders and
 * units row after row): a cell is cleaned once, and its fixes are replayed for each repeat.
 */
const CELL_MEMO = new Map<string, { names: string[]; fixes: [from: string, to: string, rule: string][] }>();
const CELL_MEMO_LIMIT = 20000;

function cleanNameCell(lines: string[], emit: Emit): string[] {
  if (lines.some((line) => line.includes('\u0000'))) return applyLineRules(lines, emit);
  const key = lines.join('\u0000');
  const known = CELL_MEMO.get(key);
  if (known) {
    for (const [from, to, rule] of known.fixes) emit(from, to, rule);
    return known.names.slice();
  }
  const fixes: [string, string, string][] = [];
  const names = applyLineRules(lines, (from, to, rule) => {
    fixes.push([from, to, rule]);
    emit(from, to, rule);
  });
  if (CELL_MEMO.size >= CELL_MEMO_LIMIT) CELL_MEMO.clear();
  CELL_MEMO.set(key, { names: names.slice(), fixes });
  return names;
}

/** `团市委配合落实` in 牵头单位 → 团市委 in 相关单位; `区发改局（牵头）` in 配合单位 → 区发改局 in 牵头单位. */
function moveRoleWords(record: AnyRecord, emit: (field: string) => Emit): void {
  if (!record.leadUnits.some(readRoleWord) && !record.relatedUnits.some(readRoleWord)) return;
  const lead: string[] = [];
  const related: string[] = [];
  for (const field of UNIT_FIELDS) {
    for (const name of record[field]) {
      const read = readRoleWord(name);
      if (read) emit(field)(name, read.name, NAME_RULES.unitRoleWord);
      const role = read ? read.role : field === 'leadUnits' ? 'lead' : 'related';
      (role === 'lead' ? lead : related).push(read ? read.name : name);
    }
  }
  record.leadUnits = dedupeNames(lead, emit('leadUnits'));
  record.relatedUnits = dedupeNames(related.filter((name) => !lead.includes(name)), emit('relatedUnits'));
}

/** Joining and de-duplicating can each make the other applicable again; repeat until stable. */
const MAX_NAME_PASSES = 5;

function finishNames(record: AnyRecord, standalone: Set<string>, emit: (field: string) => Emit): boolean {
  let changed = false;
  for (const field of ['leaders', 'leadUnits', 'relatedUnits'] as const) {
    let names = record[field];
    const count = names.length;
    for (let pass = 0; pass < MAX_NAME_PASSES; pass += 1) {
      const before = names.length;
      if (field !== 'leaders') names = joinSplitNames(names, standalone, emit(field));
      names = dedupeNames(names, emit(field));
      if (names.length === before) break;
    }
    record[field] = names;
    changed = changed || names.length !== count;
  }
  return changed;
}

/**
 * Which names stand alone depends on every cell, and joining changes cells; repeating until no
 * join happens makes one normalisation final (idempotence).
 */
function joinNamesUntilStable(tables: ParsedTable[], emitFor: (table: number, row: number, field: string) => Emit): void {
  for (let round = 0; round < MAX_NAME_PASSES; round += 1) {
    const standalone = collectStandaloneUnits(unitCells(tables));
    let changed = false;
    tables.forEach((table, t) =>
      (table.rows as AnyRecord[]).forEach((record, r) => {
        changed = finishNames(record, standalone, (field) => emitFor(t, r, field)) || changed;
      }),
    );
    if (!changed) return;
  }
}

/** Every unit cell, as a plain list (a generator here cost more than the scan it fed). */
function unitCells(tables: ParsedTable[]): string[][] {
  const cells: string[][] = [];
  for (const table of tables) for (const record of table.rows as AnyRecord[]) for (const field of UNIT_FIELDS) cells.push(record[field]);
  return cells;
}

/** An empty 完成时限 cell (kept until merged cells were filled) is no deadline. */
function dropEmptyDeadlines(table: ParsedTable): void {
  for (const record of table.rows as AnyRecord[]) if (record.deadline && record.deadline.text.trim() === '') delete record.deadline;
}

function assignIds(table: ParsedTable): void {
  const rows = table.rows as AnyRecord[];
  const prefix = `${table.year ?? '0000'}-${table.kind === 'tasks' ? 'T' : 'P'}-`;
  const width = Math.max(3, String(rows.length).length);
  const used = new Set(rows.map((record) => record.id).filter((id): id is string => Boolean(id)));
  let next = 1;
  rows.forEach((record, r) => {
    if (record.id) return;
    let id = `${prefix}${String(next).padStart(width, '0')}`;
    while (used.has(id)) id = `${prefix}${String(++next).padStart(width, '0')}`;
    // The id goes first so that JSON and sheets read id-first.
    const { id: _missing, ...rest } = record;
    rows[r] = { id, ...rest } as AnyRecord;
    used.add(id);
    next += 1;
  });
}

function sortFixes(fixes: Fix[]): Fix[] {
  return fixes.map((fix, i) => [fix, i] as const).sort((a, b) => a[0].table - b[0].table || a[0].row - b[0].row || a[1] - b[1]).map(([fix]) => fix);
}
