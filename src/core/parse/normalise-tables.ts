/**
 * The one normaliser for every input: cleans the raw records a recogniser produced (or records
 * read back from a workbook), records every change as a Fix, fills merged cells and assigns ids.
 * Idempotent: normalising its own output changes nothing.
 */
import type { Fix, NameField, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { removeForbiddenChars } from './clean-chars.rules';
import { fillInherited } from './inherit-fields';
import {
  addStandaloneUnits,
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
type At = (field: string) => Emit;
const UNIT_FIELDS: NameField[] = ['leadUnits', 'relatedUnits'];

/**
 * One emitter aimed by a cursor: rules run synchronously, so the loops set table and row, `at`
 * sets the field, and no closure is made per record or cell.
 */
class FixLog {
  readonly fixes: Fix[] = [];
  table = 0;
  row = 0;
  field = '';
  readonly emit: Emit = (from, to, rule) => {
    if (from !== to) this.fixes.push({ table: this.table, row: this.row, field: this.field, from, to, rule });
  };
  readonly at: At = (field) => {
    this.field = field;
    return this.emit;
  };
}

export function normaliseTables(input: ParsedTable[], options: NormaliseOptions = {}): { tables: ParsedTable[]; fixes: Fix[] } {
  const idFirst = options.assignIds !== false;
  const tables = input.map((table) => copyTable(table, idFirst));
  const log = new FixLog();
  const standalone = new Set<string>();
  tables.forEach((table, t) => cleanCells(table, t, log, standalone));
  joinNamesUntilStable(tables, log, standalone);
  for (const table of tables) {
    if (options.inherit !== false) fillInherited(table);
    dropEmptyDeadlines(table);
    if (idFirst) assignIds(table);
  }
  return { tables, fixes: sortFixes(log.fixes, tables) };
}

/**
 * The rules of one table's cells, in order (each row's fixes keep this order). The name cells'
 * standalone units are collected as each row is finished, for the first joining round.
 */
function cleanCells(table: ParsedTable, t: number, log: FixLog, standalone: Set<string>): void {
  const rows = table.rows as AnyRecord[];
  log.table = t;
  for (let r = 0; r < rows.length; r += 1) {
    log.row = r;
    removeForbiddenChars(rows[r], log.at);
    cleanTextFields(rows[r], log.at);
  }
  stripStrayPrefixes(rows, log);
  for (let r = 0; r < rows.length; r += 1) {
    log.row = r;
    splitNameLines(rows[r], log.at);
    addStandaloneUnits(rows[r].leadUnits, standalone);
    addStandaloneUnits(rows[r].relatedUnits, standalone);
  }
}

/**
 * A copy whose name lists are shared with the input until a rule replaces them (no rule changes a
 * list in place); `tracking` is copied. A record without an id gets its `id` key first now, so that
 * assignIds fills it in place and JSON and sheets still read id-first.
 */
function copyTable(table: ParsedTable, idFirst: boolean): ParsedTable {
  const rows = (table.rows as AnyRecord[]).map((record) => {
    if (idFirst && !record.id) return record.tracking ? { id: undefined, ...record, tracking: { ...record.tracking } } : { id: undefined, ...record };
    return record.tracking ? { ...record, tracking: { ...record.tracking } } : { ...record };
  });
  return { ...table, rows } as ParsedTable;
}

function cleanTextFields(record: AnyRecord, at: At): void {
  record.category = cleanShortText(record.category, at('category'));
  if ('item' in record) {
    record.item = cleanShortText(record.item, at('item'));
    record.content = cleanLongText(record.content, at('content'));
  } else {
    record.name = cleanShortText(record.name, at('name'));
    record.content = cleanLongText(record.content, at('content'));
    record.task = cleanLongText(record.task, at('task'));
  }
}

function stripStrayPrefixes(rows: AnyRecord[], log: FixLog): void {
  const fixes = findStrayPrefixes(rows.map((record) => record.category));
  if (fixes.size === 0) return;
  rows.forEach((record, r) => {
    const fixed = fixes.get(record.category);
    if (fixed === undefined) return;
    log.row = r;
    log.at('category')(record.category, fixed, TEXT_RULES.stripStrayPrefix);
    record.category = fixed;
  });
}

function splitNameLines(record: AnyRecord, at: At): void {
  record.leaders = cleanNameCell(record.leaders, at('leaders'));
  record.leadUnits = cleanNameCell(record.leadUnits, at('leadUnits'));
  record.relatedUnits = cleanNameCell(record.relatedUnits, at('relatedUnits'));
  moveRoleWords(record, at);
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
interface CellMemo {
  names: string[];
  fixes: [from: string, to: string, rule: string][];
}
/** Cells of one line, by the line itself (no key to build); other cells, by their lines joined by NUL. */
const LINE_MEMO = new Map<string, CellMemo>();
const CELL_MEMO = new Map<string, CellMemo>();
const CELL_MEMO_LIMIT = 20000;

/** The memo key of a cell of several lines (or none), or null when a line holds a NUL itself. */
function cellKey(lines: string[]): string | null {
  // Indexed loops here and below: this runs for every cell, much of it before the code is optimised,
  // where `for…of` makes an iterator result per step.
  for (let i = 0; i < lines.length; i += 1) if (lines[i].includes('\u0000')) return null;
  return lines.join('\u0000');
}

function sameNames(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function cleanNameCell(lines: string[], emit: Emit): string[] {
  const memo = lines.length === 1 ? LINE_MEMO : CELL_MEMO;
  const key = lines.length === 1 ? lines[0] : cellKey(lines);
  if (key === null) return applyLineRules(lines, emit);
  const known = memo.get(key);
  if (known) {
    for (let i = 0; i < known.fixes.length; i += 1) emit(known.fixes[i][0], known.fixes[i][1], known.fixes[i][2]);
    // A cell the rules leave as it is keeps its own list (shared with the input, as copyTable does).
    return sameNames(known.names, lines) ? lines : known.names.slice();
  }
  const fixes: [string, string, string][] = [];
  const names = applyLineRules(lines, (from, to, rule) => {
    fixes.push([from, to, rule]);
    emit(from, to, rule);
  });
  if (memo.size >= CELL_MEMO_LIMIT) memo.clear();
  memo.set(key, { names: names.slice(), fixes });
  return names;
}

function hasRoleWord(names: string[]): boolean {
  for (let i = 0; i < names.length; i += 1) if (readRoleWord(names[i])) return true;
  return false;
}

/** `团市委配合落实` in 牵头单位 → 团市委 in 相关单位; `区发改局（牵头）` in 配合单位 → 区发改局 in 牵头单位. */
function moveRoleWords(record: AnyRecord, at: At): void {
  if (!hasRoleWord(record.leadUnits) && !hasRoleWord(record.relatedUnits)) return;
  const lead: string[] = [];
  const related: string[] = [];
  for (const field of UNIT_FIELDS) {
    for (const name of record[field]) {
      const read = readRoleWord(name);
      if (read) at(field)(name, read.name, NAME_RULES.unitRoleWord);
      const role = read ? read.role : field === 'leadUnits' ? 'lead' : 'related';
      (role === 'lead' ? lead : related).push(read ? read.name : name);
    }
  }
  record.leadUnits = dedupeNames(lead, at('leadUnits'));
  record.relatedUnits = dedupeNames(related.filter((name) => !lead.includes(name)), at('relatedUnits'));
}

/** Joining and de-duplicating can each make the other applicable again; repeat until stable. */
const MAX_NAME_PASSES = 5;
const CHANGED = 1;
/** The passes ran out before the cell was stable. */
const UNSETTLED = 2;

/** One name cell's join and de-duplication passes; adds CHANGED / UNSETTLED to `state.flags`. */
function finishCell(names: string[], standalone: Set<string>, emit: Emit, state: { flags: number }): string[] {
  const count = names.length;
  let settled = false;
  for (let pass = 0; pass < MAX_NAME_PASSES && !settled; pass += 1) {
    const before = names.length;
    names = joinSplitNames(names, standalone, emit);
    names = dedupeNames(names, emit);
    settled = names.length === before;
  }
  if (names.length !== count) state.flags |= CHANGED;
  if (!settled) state.flags |= UNSETTLED;
  return names;
}

function finishNames(record: AnyRecord, standalone: Set<string>, at: At, state: { flags: number }): void {
  // Leaders are never joined, and the line rules de-duplicated them already: nothing to do.
  if (record.leadUnits.length > 1) record.leadUnits = finishCell(record.leadUnits, standalone, at('leadUnits'), state);
  if (record.relatedUnits.length > 1) record.relatedUnits = finishCell(record.relatedUnits, standalone, at('relatedUnits'), state);
}

/**
 * Which names stand alone depends on every cell, and joining changes cells; repeating until no
 * join happens makes one normalisation final (idempotence). A settled cell (its last pass changed
 * nothing) can only join again where a name in it lost its standalone place: a round visits those
 * rows only, and ends the loop when there are none.
 */
function joinNamesUntilStable(tables: ParsedTable[], log: FixLog, first: Set<string>): void {
  let standalone = first;
  let settled = false;
  for (let round = 0; round < MAX_NAME_PASSES; round += 1) {
    let lost: Set<string> | null = null;
    if (round > 0) {
      const next = collectStandalone(tables);
      if (settled) {
        lost = new Set<string>();
        for (const name of standalone) if (!next.has(name)) lost.add(name);
        if (lost.size === 0) return;
      }
      standalone = next;
    }
    const state = { flags: 0 };
    tables.forEach((table, t) => {
      log.table = t;
      (table.rows as AnyRecord[]).forEach((record, r) => {
        if (lost !== null && !holdsLater(record, lost)) return;
        log.row = r;
        finishNames(record, standalone, log.at, state);
      });
    });
    if (!(state.flags & CHANGED)) return;
    settled = !(state.flags & UNSETTLED);
  }
}

/** Whether a unit cell of `record` holds one of `names` after its first line (where it may join). */
function holdsLater(record: AnyRecord, names: Set<string>): boolean {
  const { leadUnits, relatedUnits } = record;
  for (let i = 1; i < leadUnits.length; i += 1) if (names.has(leadUnits[i])) return true;
  for (let i = 1; i < relatedUnits.length; i += 1) if (names.has(relatedUnits[i])) return true;
  return false;
}

function collectStandalone(tables: ParsedTable[]): Set<string> {
  const standalone = new Set<string>();
  for (const table of tables) {
    const rows = table.rows as AnyRecord[];
    for (let r = 0; r < rows.length; r += 1) {
      addStandaloneUnits(rows[r].leadUnits, standalone);
      addStandaloneUnits(rows[r].relatedUnits, standalone);
    }
  }
  return standalone;
}

/** An empty 完成时限 cell (kept until merged cells were filled) is no deadline. */
function dropEmptyDeadlines(table: ParsedTable): void {
  const rows = table.rows as AnyRecord[];
  for (let r = 0; r < rows.length; r += 1) if (rows[r].deadline && rows[r].deadline?.text.trim() === '') delete rows[r].deadline;
}

function firstKey(record: object): string | undefined {
  for (const key in record) return key;
  return undefined;
}

function assignIds(table: ParsedTable): void {
  const rows = table.rows as AnyRecord[];
  const prefix = `${table.year ?? '0000'}-${table.kind === 'tasks' ? 'T' : 'P'}-`;
  const width = Math.max(3, String(rows.length).length);
  const used = new Set<string>();
  for (let r = 0; r < rows.length; r += 1) if (rows[r].id) used.add(rows[r].id as string);
  // With no id written, the numbers alone keep the new ids apart.
  const check = used.size > 0;
  let next = 1;
  rows.forEach((record, r) => {
    if (record.id) return;
    let id = `${prefix}${String(next).padStart(width, '0')}`;
    if (check) while (used.has(id)) id = `${prefix}${String(++next).padStart(width, '0')}`;
    // The id goes first so that JSON and sheets read id-first (copyTable put the key first already,
    // unless the id was cleaned away).
    if (firstKey(record) === 'id') record.id = id;
    else {
      const { id: _missing, ...rest } = record;
      rows[r] = { id, ...rest } as AnyRecord;
    }
    if (check) used.add(id);
    next += 1;
  });
}

/** Stable by table and row: a counting sort (the fixes come in a few runs already in order). */
function sortFixes(fixes: Fix[], tables: ParsedTable[]): Fix[] {
  const base: number[] = [];
  let total = 0;
  for (const table of tables) {
    base.push(total);
    total += table.rows.length;
  }
  const start = new Int32Array(total + 1);
  for (let i = 0; i < fixes.length; i += 1) start[base[fixes[i].table] + fixes[i].row + 1] += 1;
  for (let i = 1; i <= total; i += 1) start[i] += start[i - 1];
  const sorted = new Array<Fix>(fixes.length);
  for (let i = 0; i < fixes.length; i += 1) sorted[start[base[fixes[i].table] + fixes[i].row]++] = fixes[i];
  return sorted;
}
