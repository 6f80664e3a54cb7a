/**
 * Comparing two years' documents (or workbooks): leaders added and removed, units renamed or merged
 * (through the registry's aliases and the matcher), tasks carried over / new / dropped by content
 * similarity, and each unit's load change.
 */
import type { ParsedTable, ParseResult, ProjectRecord, TaskRecord } from '../model/records.model';
import type { MatchReason } from '../model/records.model';
import type { Registry } from '../registry/registry.model';
import { createRegistryIndex, findCertain, type RegistryIndex } from '../registry/registry-index.builder';
import { matchName } from '../registry/name.matcher';
import { isGenericUnitName } from '../registry/unit-kind';
import type { PinyinFn } from '../registry/pinyin-keys.builder';
import { matchTasks, type MatchOptions, type TaskPair } from './task-similarity';

export interface NameChange {
  from: string;
  to: string;
  reason: MatchReason | 'registry';
}

export interface TaskDiff {
  kind: 'tasks' | 'projects';
  carried: { old: string; new: string; similarity: number; sameCategory: boolean }[];
  added: string[];
  dropped: string[];
  /** 项目 / 项目名称 per id (old and new), for people reading the diff. */
  titles: Record<string, string>;
}

export interface LoadChange {
  unit: string;
  oldLead: number;
  newLead: number;
  oldRelated: number;
  newRelated: number;
  delta: number;
}

export interface DiffReport {
  old: { source: string; year: number | null; notice: string | null };
  new: { source: string; year: number | null; notice: string | null };
  leaders: { added: string[]; removed: string[]; kept: string[]; possiblySame: NameChange[] };
  units: { added: string[]; removed: string[]; kept: string[]; renamed: NameChange[]; merged: { from: string[]; to: string }[] };
  tasks: TaskDiff[];
  load: LoadChange[];
}

export interface DiffOptions {
  /** Registry whose aliases say which spellings are one unit (e.g. the default registry). */
  registry?: Registry;
  pinyin?: PinyinFn;
  /** Limits and a counter of the task matching (tests, bench). */
  matching?: MatchOptions;
}

type Kind = 'leader' | 'unit';

function namesOf(tables: ParsedTable[], kind: Kind): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tables) for (const r of t.rows) for (const n of kind === 'leader' ? r.leaders : [...r.leadUnits, ...r.relatedUnits]) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

/** Canonical name per raw name: the registry's form where certain, else the name itself. */
function canonicalise(names: Iterable<string>, kind: Kind, index: RegistryIndex | null): Map<string, string> {
  return new Map([...names].map((n) => [n, (index && findCertain(index, n, kind)?.name) || n]));
}

function nameIndex(names: string[], kind: Kind, pinyin?: PinyinFn): RegistryIndex {
  const registry: Registry = { version: 1, leaders: [], units: [] };
  for (const name of names) {
    if (kind === 'leader') registry.leaders.push({ name, years: [], oversees: [], aliases: [] });
    else registry.units.push({ name, aliases: [], abbreviations: [], kind: 'department', years: [], renamedFrom: [] });
  }
  return createRegistryIndex(registry, { pinyin });
}

function compareNames(oldTables: ParsedTable[], newTables: ParsedTable[], kind: Kind, index: RegistryIndex | null, pinyin?: PinyinFn) {
  const oldRaw = namesOf(oldTables, kind);
  const newRaw = namesOf(newTables, kind);
  const oldCanon = canonicalise(oldRaw.keys(), kind, index);
  const newCanon = canonicalise(newRaw.keys(), kind, index);
  const changes: NameChange[] = [];
  // Same unit in the registry, different spelling in the two years: 资规局 → 资源规划局.
  // Keyed by the canonical name (never all pairs of names): the first new spelling of each.
  const newByCanon = new Map<string, string[]>();
  for (const [r, c] of newCanon) if (!oldRaw.has(r)) newByCanon.set(c, [...(newByCanon.get(c) ?? []), r]);
  for (const [raw, canon] of oldCanon) {
    if (newRaw.has(raw)) continue;
    const spelled = newByCanon.get(canon)?.find((r) => r !== raw);
    if (spelled) changes.push({ from: raw, to: spelled, reason: 'registry' });
  }
  const changedFrom = new Set(changes.map((c) => c.from));
  const changedTo = new Set(changes.map((c) => c.to));
  const oldSet = new Set([...oldCanon.values()]);
  const newSet = new Set([...newCanon.values()]);
  let removed = [...oldRaw.keys()].filter((n) => !newSet.has(oldCanon.get(n) ?? n) && !changedFrom.has(n));
  let added = [...newRaw.keys()].filter((n) => !oldSet.has(newCanon.get(n) ?? n) && !changedTo.has(n));
  // Unknown to the registry: let the matcher propose (abbreviation, homophone, near-form).
  const addedIndex = nameIndex(added, kind, pinyin);
  const fuzzy: NameChange[] = [];
  for (const name of removed) {
    const top = matchName(addedIndex, name, kind)[0];
    if (top && top.score >= 0.8 && top.reason !== 'split') fuzzy.push({ from: name, to: top.value, reason: top.reason });
  }
  if (kind === 'unit') {
    for (const c of fuzzy) changes.push(c);
    const fuzzyFrom = new Set(fuzzy.map((c) => c.from));
    const fuzzyTo = new Set(fuzzy.map((c) => c.to));
    removed = removed.filter((n) => !fuzzyFrom.has(n));
    added = added.filter((n) => !fuzzyTo.has(n));
  }
  if (kind === 'unit') {
    // Generic "units" (各有关镇（区）有关部门) come and go with wording; they are not units to track.
    removed = removed.filter((n) => !isGenericUnitName(n));
    added = added.filter((n) => !isGenericUnitName(n));
  }
  const kept = [...newRaw.keys()].filter((n) => oldRaw.has(n));
  const sort = (list: string[], counts: Map<string, number>) => list.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b, 'zh'));
  return { added: sort(added, newRaw), removed: sort(removed, oldRaw), kept: sort(kept, newRaw), changes, possiblySame: kind === 'leader' ? fuzzy : [] };
}

function textOf(table: ParsedTable, row: TaskRecord | ProjectRecord): string {
  return table.kind === 'tasks' ? `${(row as TaskRecord).item} ${row.content}` : `${(row as ProjectRecord).name} ${row.content}`;
}

function compareTasks(oldTables: ParsedTable[], newTables: ParsedTable[], kind: 'tasks' | 'projects', matching: MatchOptions = {}): TaskDiff {
  const titleOf = (t: ParsedTable, r: TaskRecord | ProjectRecord) => (t.kind === 'tasks' ? (r as TaskRecord).item : (r as ProjectRecord).name);
  const olds = oldTables.filter((t) => t.kind === kind).flatMap((t) => t.rows.map((r, i) => ({ id: r.id ?? `old-${i + 1}`, text: textOf(t, r), category: r.category, title: titleOf(t, r) })));
  const news = newTables.filter((t) => t.kind === kind).flatMap((t) => t.rows.map((r, i) => ({ id: r.id ?? `new-${i + 1}`, text: textOf(t, r), category: r.category, title: titleOf(t, r) })));
  const titles: Record<string, string> = {};
  for (const x of [...olds, ...news]) titles[x.id] = x.title;
  const pairs: TaskPair[] = matchTasks(olds, news, kind === 'projects' ? 0.24 : 0.28, matching);
  const carriedOld = new Set(pairs.map((p) => p.old));
  const carriedNew = new Set(pairs.map((p) => p.new));
  return {
    kind,
    carried: pairs.map((p) => ({ old: olds[p.old].id, new: news[p.new].id, similarity: p.similarity, sameCategory: p.sameCategory })),
    added: news.filter((_, j) => !carriedNew.has(j)).map((n) => n.id),
    dropped: olds.filter((_, i) => !carriedOld.has(i)).map((o) => o.id),
    titles,
  };
}

function loads(tables: ParsedTable[], rename: (n: string) => string): Map<string, { lead: number; related: number }> {
  const out = new Map<string, { lead: number; related: number }>();
  for (const t of tables) {
    for (const r of t.rows) {
      const count = (list: string[], key: 'lead' | 'related') => {
        for (const u of new Set(list.map(rename))) {
          if (isGenericUnitName(u)) continue;
          const cur = out.get(u) ?? { lead: 0, related: 0 };
          cur[key] += 1;
          out.set(u, cur);
        }
      };
      count(r.leadUnits, 'lead');
      count(r.relatedUnits, 'related');
    }
  }
  return out;
}

/** Compares an older and a newer document. Names are compared as written, folded through the registry. */
export function diffResults(oldResult: ParseResult, newResult: ParseResult, options: DiffOptions = {}): DiffReport {
  const index = options.registry ? createRegistryIndex(options.registry, { pinyin: options.pinyin }) : null;
  const [o, n] = [oldResult.tables, newResult.tables];
  const leaders = compareNames(o, n, 'leader', index, options.pinyin);
  const units = compareNames(o, n, 'unit', index, options.pinyin);
  const byTarget = new Map<string, string[]>();
  for (const c of units.changes) byTarget.set(c.to, [...(byTarget.get(c.to) ?? []), c.from]);
  const merged = [...byTarget].filter(([to, from]) => from.length > 1 || (units.kept.includes(to) && from.length > 0)).map(([to, from]) => ({ from, to }));
  const renameMap = new Map(units.changes.map((c) => [c.from, c.to]));
  const oldLoad = loads(o, (u) => renameMap.get(u) ?? u);
  const newLoad = loads(n, (u) => u);
  const load = [...new Set([...oldLoad.keys(), ...newLoad.keys()])]
    .map((unit): LoadChange => {
      const a = oldLoad.get(unit) ?? { lead: 0, related: 0 };
      const b = newLoad.get(unit) ?? { lead: 0, related: 0 };
      return { unit, oldLead: a.lead, newLead: b.lead, oldRelated: a.related, newRelated: b.related, delta: b.lead + b.related - (a.lead + a.related) };
    })
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.unit.localeCompare(b.unit, 'zh'));
  const yearOf = (r: ParseResult) => r.tables.find((t) => t.year !== null)?.year ?? null;
  return {
    old: { source: oldResult.source, year: yearOf(oldResult), notice: oldResult.notice.number },
    new: { source: newResult.source, year: yearOf(newResult), notice: newResult.notice.number },
    leaders: { added: leaders.added, removed: leaders.removed, kept: leaders.kept, possiblySame: leaders.possiblySame },
    units: { added: units.added, removed: units.removed, kept: units.kept, renamed: units.changes, merged },
    tasks: [compareTasks(o, n, 'tasks', options.matching), compareTasks(o, n, 'projects', options.matching)],
    load,
  };
}
