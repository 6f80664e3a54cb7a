/**
 * The one normaliser for every input: cleans the raw records a recogniser produced (or records
 * read back from a workbook), records every change as a Fix, fills merged cells and assigns ids.
 * Idempotent: normalising its own output changes nothing.
 */
import type { Fix, NameField, ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { removeForbiddenChars } from './clean-chars.rules';
import { fillInherited } from './inherit-fields';
import {
  addCellStandalone,
  addFinishedStandalone,
  CHANGED,
  changeNoted,
  cleanNameCell,
  dropFinishedStandalone,
  finishCell,
  finishedHoldsLater,
  finishMemoised,
  hasRoleWord,
  holdsLater,
  knownWithoutRoles,
  MAX_NAME_PASSES,
  newRound,
  UNSETTLED,
  type CellLinks,
} from './name-cells';
import { addStandaloneUnits, dedupeNames, NAME_RULES, readRoleWord, type Emit } from './name-rules';
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
  const links = tables.map((table, t) => cleanCells(table, t, log, standalone));
  joinNamesUntilStable(tables, links, log, standalone);
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
function cleanCells(table: ParsedTable, t: number, log: FixLog, standalone: Set<string>): CellLinks {
  const rows = table.rows as AnyRecord[];
  log.table = t;
  for (let r = 0; r < rows.length; r += 1) {
    log.row = r;
    removeForbiddenChars(rows[r], log.at);
    cleanTextFields(rows[r], log.at);
  }
  stripStrayPrefixes(rows, log);
  const links: CellLinks = new Array<null>(2 * rows.length).fill(null);
  for (let r = 0; r < rows.length; r += 1) {
    log.row = r;
    splitNameLines(rows[r], log.at, links, r);
    addCellStandalone(rows[r].leadUnits, links[2 * r], standalone);
    addCellStandalone(rows[r].relatedUnits, links[2 * r + 1], standalone);
  }
  return links;
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

/** The line rules of the row's name cells; the unit cells' memos go to `links` (see finishNames). */
function splitNameLines(record: AnyRecord, at: At, links: CellLinks, r: number): void {
  record.leaders = cleanNameCell(record.leaders, at('leaders'), null, 0);
  record.leadUnits = cleanNameCell(record.leadUnits, at('leadUnits'), links, 2 * r);
  record.relatedUnits = cleanNameCell(record.relatedUnits, at('relatedUnits'), links, 2 * r + 1);
  const known = knownWithoutRoles(links[2 * r]) && knownWithoutRoles(links[2 * r + 1]);
  // Cells the role words rewrote no longer hold their memos' names.
  if (!known && moveRoleWords(record, at)) links[2 * r] = links[2 * r + 1] = null;
}

/** `团市委配合落实` in 牵头单位 → 团市委 in 相关单位; `区发改局（牵头）` in 配合单位 → 区发改局 in 牵头单位. */
function moveRoleWords(record: AnyRecord, at: At): boolean {
  if (!hasRoleWord(record.leadUnits) && !hasRoleWord(record.relatedUnits)) return false;
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
  return true;
}

/** One round's pass over the row; in the first round, a cell still holding its memo's names is finished through it. */
function finishNames(record: AnyRecord, pass: RoundPass, r: number, at: At): void {
  // Leaders are never joined, and the line rules de-duplicated them already: nothing to do.
  if (record.leadUnits.length > 1) record.leadUnits = finishOne(record.leadUnits, pass, 2 * r, at('leadUnits'));
  if (record.relatedUnits.length > 1) record.relatedUnits = finishOne(record.relatedUnits, pass, 2 * r + 1, at('relatedUnits'));
}

interface RoundPass {
  standalone: Set<string>;
  state: { flags: number };
  /** The table's memo links, in the first round only (later rounds meet cells the first changed). */
  links: CellLinks | null;
  round: number;
  /** In the first round: the standalone units of the cells it changed, before and after (see lostAfterFirst). */
  before: Set<string> | null;
  after: Set<string>;
}

function finishOne(cell: string[], pass: RoundPass, slot: number, emit: Emit): string[] {
  const memo = pass.links === null ? null : pass.links[slot];
  const out = memo === null ? finishCell(cell, pass.standalone, emit, pass.state) : finishMemoised(cell, memo, pass.round, pass.standalone, emit, pass.state);
  // A cell nothing changed comes back as it was.
  if (out !== cell && pass.before !== null && !changeNoted(memo)) {
    addStandaloneUnits(cell, pass.before);
    addStandaloneUnits(out, pass.after);
  }
  return out;
}

/**
 * Which names stand alone depends on every cell, and joining changes cells; repeating until no
 * join happens makes one normalisation final (idempotence). A settled cell (its last pass changed
 * nothing) can only join again where a name in it lost its standalone place: a round visits those
 * rows only, and ends the loop when there are none.
 */
function joinNamesUntilStable(tables: ParsedTable[], links: CellLinks[], log: FixLog, first: Set<string>): void {
  let standalone = first;
  let settled = false;
  let lost: Set<string> | null = null;
  const firstRound = newRound();
  for (let round = 0; round < MAX_NAME_PASSES; round += 1) {
    // After a settled first round, lostAfterFirst told the lost names already.
    if (round > 1 || (round === 1 && !settled)) {
      // After the first round, the links still tell each cell's content (see addFinishedStandalone).
      const next = collectStandalone(tables, round === 1 ? links : null, firstRound);
      lost = settled ? lostNames(standalone, next) : null;
      if (lost !== null && lost.size === 0) return;
      standalone = next;
    }
    const before = round === 0 ? new Set<string>() : null;
    const pass: RoundPass = { standalone, state: { flags: 0 }, links: null, round: firstRound, before, after: new Set<string>() };
    for (let t = 0; t < tables.length; t += 1) {
      const rows = tables[t].rows as AnyRecord[];
      log.table = t;
      pass.links = round === 0 ? links[t] : null;
      const memos = round === 1 ? links[t] : null;
      for (let r = 0; r < rows.length; r += 1) {
        if (lost !== null && !rowHoldsLater(rows[r], memos, r, firstRound, lost)) continue;
        log.row = r;
        finishNames(rows[r], pass, r, log.at);
      }
    }
    if (!(pass.state.flags & CHANGED)) return;
    settled = !(pass.state.flags & UNSETTLED);
    if (round === 0 && settled) {
      lost = lostAfterFirst(tables, links, firstRound, pass);
      if (lost.size === 0) return;
    }
  }
}

function lostNames(standalone: Set<string>, next: Set<string>): Set<string> {
  const lost = new Set<string>();
  for (const name of standalone) if (!next.has(name)) lost.add(name);
  return lost;
}

/**
 * The names the first round took out of standalone place, and `pass.standalone` made the next
 * round's set, without collecting every cell again: only a name that stood alone in a changed cell
 * and not after the change may be lost, and it is unless another cell still has it stand alone.
 * (Set algebra: with U, B, A the standalone units of the unchanged cells and of the changed ones
 * before and after, lost = B \ A \ U, and U ∪ B \ lost ∪ A = U ∪ A.)
 */
function lostAfterFirst(tables: ParsedTable[], links: CellLinks[], firstRound: number, pass: RoundPass): Set<string> {
  const lost = new Set<string>();
  for (const name of pass.before ?? []) if (!pass.after.has(name)) lost.add(name);
  for (let t = 0; t < tables.length && lost.size > 0; t += 1) {
    const rows = tables[t].rows as AnyRecord[];
    for (let r = 0; r < rows.length && lost.size > 0; r += 1) {
      dropFinishedStandalone(rows[r].leadUnits, links[t][2 * r], firstRound, lost);
      dropFinishedStandalone(rows[r].relatedUnits, links[t][2 * r + 1], firstRound, lost);
    }
  }
  for (const name of lost) pass.standalone.delete(name);
  for (const name of pass.after) pass.standalone.add(name);
  return lost;
}

/** Whether a unit cell of row `r` holds one of `lost` after its first line (where it may join); `memos` in the second round only. */
function rowHoldsLater(record: AnyRecord, memos: CellLinks | null, r: number, firstRound: number, lost: Set<string>): boolean {
  if (memos === null) return holdsLater(record.leadUnits, lost) || holdsLater(record.relatedUnits, lost);
  return finishedHoldsLater(record.leadUnits, memos[2 * r], firstRound, lost) || finishedHoldsLater(record.relatedUnits, memos[2 * r + 1], firstRound, lost);
}

function collectStandalone(tables: ParsedTable[], links: CellLinks[] | null, firstRound: number): Set<string> {
  const standalone = new Set<string>();
  for (let t = 0; t < tables.length; t += 1) {
    const rows = tables[t].rows as AnyRecord[];
    const memos = links === null ? null : links[t];
    for (let r = 0; r < rows.length; r += 1) {
      if (memos === null) {
        addStandaloneUnits(rows[r].leadUnits, standalone);
        addStandaloneUnits(rows[r].relatedUnits, standalone);
      } else {
        addFinishedStandalone(rows[r].leadUnits, memos[2 * r], firstRound, standalone);
        addFinishedStandalone(rows[r].relatedUnits, memos[2 * r + 1], firstRound, standalone);
      }
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
