/**
 * The memoised rules of one name cell: the line rules (cleanNameCell) and the first joining round
 * (finishUnitCell). Name cells repeat (the same leaders and units row after row), so each distinct
 * cell is cleaned once and its fixes are replayed for every repeat.
 */
import { addStandaloneUnits, dedupeNames, joinSplitNames, readRoleWord, splitEnumerations, splitSpacedLines, standsAlone, trimLines, type Emit } from './name-rules';

type FixTuple = [from: string, to: string, rule: string];

/** Joining and de-duplicating can each make the other applicable again; repeat until stable. */
export const MAX_NAME_PASSES = 5;
export const CHANGED = 1;
/** The passes ran out before the cell was stable. */
export const UNSETTLED = 2;

/** What the first joining round of one normalisation made of a cell (`names` null: left as it was). */
interface Finished {
  names: string[] | null;
  fixes: FixTuple[];
  flags: number;
  /** The standalone units of the finished cell (see standaloneOf). */
  alone: string[];
  /** Whether it holds a name the next round's standalone units lost after its first (-1: not asked yet). */
  holds: number;
  /** Whether the round's standalone bookkeeping took this change in already (see changeNoted). */
  noted: boolean;
}

/**
 * A distinct cell: the names the line rules made of it and their fixes. `round` and `finished`
 * hold the first joining round's result for the normalisation that set `round` (the standalone
 * units differ from one normalisation to the next).
 */
export interface CellMemo {
  names: string[];
  fixes: FixTuple[];
  /**
   * The names that stand alone (see standaloneOf), and whether a name carries a role word: known
   * from the cell's second meeting on (null before; a cell of a varied notice is met once).
   */
  alone: string[] | null;
  roles: boolean;
  round: number;
  /** null while the round has met the cell once only (a cell met once is not worth recording). */
  finished: Finished | null;
}

/** The memo of each unit cell of one table (index 2·row for 牵头, 2·row + 1 for 相关), null where none applies. */
export type CellLinks = (CellMemo | null)[];

/** Cells of one line, by the line itself (no key to build); other cells, by their lines joined by NUL. */
const LINE_MEMO = new Map<string, CellMemo>();
const CELL_MEMO = new Map<string, CellMemo>();
const CELL_MEMO_LIMIT = 20000;
/** Numbers the first joining rounds, so that a memo tells which normalisation its `finished` is for. */
let roundSerial = 0;

export function newRound(): number {
  roundSerial += 1;
  return roundSerial;
}

/** The line rules of one name cell, in order. */
function applyLineRules(lines: string[], emit: Emit): string[] {
  const split = splitSpacedLines(trimLines(lines, emit), emit);
  // De-duplicated before the standalone names are collected: a repeat must not make a name standalone.
  return dedupeNames(splitEnumerations(split, emit), emit);
}

function sameNames(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function replay(fixes: FixTuple[], emit: Emit): void {
  for (let i = 0; i < fixes.length; i += 1) emit(fixes[i][0], fixes[i][1], fixes[i][2]);
}

/**
 * The cell after the line rules; its memo goes to `links[slot]` when `links` is given. The cells
 * come here after removeForbiddenChars, so no line holds a NUL and the joined key is unambiguous.
 */
export function cleanNameCell(lines: string[], emit: Emit, links: CellLinks | null, slot: number): string[] {
  const memo = lines.length === 1 ? LINE_MEMO : CELL_MEMO;
  // Indexed lines, no join, for the common cell of one line.
  const key = lines.length === 1 ? lines[0] : lines.join('\u0000');
  const known = memo.get(key);
  if (known) {
    if (known.alone === null) {
      known.alone = standaloneOf(known.names);
      known.roles = hasRoleWord(known.names);
    }
    replay(known.fixes, emit);
    if (links !== null) links[slot] = known;
    // A cell the rules leave as it is keeps its own list (shared with the input, as copyTable does).
    return sameNames(known.names, lines) ? lines : known.names.slice();
  }
  const fixes: FixTuple[] = [];
  const names = applyLineRules(lines, (from, to, rule) => {
    fixes.push([from, to, rule]);
    emit(from, to, rule);
  });
  if (memo.size >= CELL_MEMO_LIMIT) memo.clear();
  const kept = names.slice();
  const made: CellMemo = { names: kept, fixes, alone: null, roles: true, round: 0, finished: null };
  memo.set(key, made);
  if (links !== null) links[slot] = made;
  return names;
}

/** One name cell's join and de-duplication passes; adds CHANGED / UNSETTLED to `state.flags`. */
export function finishCell(names: string[], standalone: Set<string>, emit: Emit, state: { flags: number }): string[] {
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

/**
 * finishCell for a cell of round `round` that still holds its memo's names: within one round the
 * standalone units are fixed, so the result depends on the names only. A cell met for the first
 * time is finished as any other (nothing recorded: most cells of a varied notice are met once);
 * from the second time on, the recorded result and fixes are replayed.
 */
export function finishMemoised(cell: string[], memo: CellMemo, round: number, standalone: Set<string>, emit: Emit, state: { flags: number }): string[] {
  if (memo.round !== round) {
    memo.round = round;
    memo.finished = null;
    return finishCell(cell, standalone, emit, state);
  }
  let done = memo.finished;
  if (done === null) {
    const fixes: FixTuple[] = [];
    const own = { flags: 0 };
    const names = finishCell(cell, standalone, (from, to, rule) => fixes.push([from, to, rule]), own);
    const kept = names === cell ? null : names.slice();
    done = { names: kept, fixes, flags: own.flags, alone: standaloneOf(kept ?? memo.names), holds: -1, noted: false };
    memo.finished = done;
  }
  replay(done.fixes, emit);
  state.flags |= done.flags;
  return done.names === null ? cell : done.names.slice();
}

/** Whether the memo tells that its names carry no role word (false: they may). */
export function knownWithoutRoles(memo: CellMemo | null): boolean {
  return memo !== null && memo.alone !== null && !memo.roles;
}

export function hasRoleWord(names: string[]): boolean {
  for (let i = 0; i < names.length; i += 1) if (readRoleWord(names[i])) return true;
  return false;
}

/**
 * The names of a cell that stand on their own, as addStandaloneUnits collects them: the first, and
 * any after a complete name. The cell itself when all do (a cell of one name always), so that most
 * memos make no list.
 */
function standaloneOf(names: string[]): string[] {
  let i = 1;
  while (i < names.length && standsAlone(names, i)) i += 1;
  if (i >= names.length) return names;
  const alone = names.slice(0, i);
  for (i += 1; i < names.length; i += 1) if (standsAlone(names, i)) alone.push(names[i]);
  return alone;
}

function addAll(names: string[], set: Set<string>): void {
  for (let i = 0; i < names.length; i += 1) set.add(names[i]);
}

/**
 * Adds the standalone units of a unit cell to `standalone`: by the memo's list where the cell holds
 * its memo's names (`memo` from links, before any joining round), else by the cell.
 */
export function addCellStandalone(cell: string[], memo: CellMemo | null, standalone: Set<string>): void {
  if (memo === null || memo.alone === null) addStandaloneUnits(cell, standalone);
  else addAll(memo.alone, standalone);
}

/**
 * The same after the first joining round `round`: a cell of one name was not joined (its memo's
 * list holds), a cell the round recorded has the recorded list; any other cell is read itself.
 */
export function addFinishedStandalone(cell: string[], memo: CellMemo | null, round: number, standalone: Set<string>): void {
  const alone = finishedAlone(memo, round);
  if (alone === null) addStandaloneUnits(cell, standalone);
  else addAll(alone, standalone);
}

/** Removes from `names` the standalone units of a cell after the first joining round `round`. */
export function dropFinishedStandalone(cell: string[], memo: CellMemo | null, round: number, names: Set<string>): void {
  const alone = finishedAlone(memo, round);
  if (alone !== null) {
    for (let i = 0; i < alone.length; i += 1) names.delete(alone[i]);
    return;
  }
  for (let i = 0; i < cell.length; i += 1) if (standsAlone(cell, i)) names.delete(cell[i]);
}

/** A cell's standalone units after the first joining round, where its memo tells them (null: read the cell). */
function finishedAlone(memo: CellMemo | null, round: number): string[] | null {
  if (memo === null) return null;
  // A cell of one name is not joined: it still holds its memo's names.
  if (memo.names.length <= 1) return memo.alone;
  return memo.round === round && memo.finished !== null ? memo.finished.alone : null;
}

/**
 * Whether the first round took in the change of a cell with this memo already: the recorded result
 * is the same for every repeat, so its standalone units before and after need noting once.
 */
export function changeNoted(memo: CellMemo | null): boolean {
  const done = memo === null ? null : memo.finished;
  if (done === null) return false;
  if (done.noted) return true;
  done.noted = true;
  return false;
}

/** Whether `cell` holds one of `names` after its first line (where it may join). */
export function holdsLater(cell: string[], names: Set<string>): boolean {
  for (let i = 1; i < cell.length; i += 1) if (names.has(cell[i])) return true;
  return false;
}

/**
 * holdsLater in the round after the first (`round`), where `lost` is that round's one set: a cell
 * the first round recorded answers once for all its repeats.
 */
export function finishedHoldsLater(cell: string[], memo: CellMemo | null, round: number, lost: Set<string>): boolean {
  if (cell.length <= 1) return false;
  const done = memo !== null && memo.round === round ? memo.finished : null;
  if (done === null) return holdsLater(cell, lost);
  if (done.holds < 0) done.holds = holdsLater(cell, lost) ? 1 : 0;
  return done.holds === 1;
}
