/**
 * `registry init`: a first registry from documents. Every name seen becomes an entry; possible
 * merges (abbreviations, homophones, near forms, renames between years) and names run together
 * are proposals for a person to review, never applied unasked. 分管 is inferred from co-occurrence.
 */
import type { ParsedTable, ParseResult } from '../model/records.model';
import type { Registry, RegistryLeader, RegistryProposal, RegistryUnit } from './registry.model';
import { createRegistryIndex } from './registry-index.builder';
import { matchSimilar } from './name.matcher';
import { splitRunTogether } from './segment';
import { guessUnitKind } from './unit-kind';
import { inferOversight } from './oversight';
import { normaliseName } from './name.normaliser';
import type { PinyinFn } from './pinyin-keys.builder';

export interface InitOptions {
  pinyin?: PinyinFn;
  city?: string;
}

interface Seen {
  years: Set<number>;
  count: number;
}

function collect(tables: ParsedTable[]): { leaders: Map<string, Seen>; units: Map<string, Seen> } {
  const leaders = new Map<string, Seen>();
  const units = new Map<string, Seen>();
  const note = (map: Map<string, Seen>, raw: string, year: number | null) => {
    const name = normaliseName(raw) ? raw.trim() : '';
    if (!name) return;
    const seen = map.get(name) ?? { years: new Set<number>(), count: 0 };
    if (year) seen.years.add(year);
    seen.count += 1;
    map.set(name, seen);
  };
  for (const table of tables) {
    for (const row of table.rows) {
      for (const leader of row.leaders) note(leaders, leader, table.year);
      for (const unit of [...row.leadUnits, ...row.relatedUnits]) note(units, unit, table.year);
    }
  }
  return { leaders, units };
}

const sortYears = (years: Set<number>) => [...years].sort((a, b) => a - b);

function guessCity(results: ParseResult[]): string | undefined {
  for (const r of results) {
    const text = [r.notice.title ?? '', r.notice.number ?? '', ...(r.notice.body ?? []), ...r.tables.map((t) => t.title ?? '')].join(' ');
    const m = /([\u4e00-\u9fff]{2,3}[市县])人民政府/.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

function proposeSplits(registry: Registry, kind: 'leader' | 'unit', pinyin?: PinyinFn): RegistryProposal[] {
  const index = createRegistryIndex(registry, { pinyin });
  const names = kind === 'leader' ? registry.leaders.map((l) => l.name) : registry.units.map((u) => u.name);
  const out: RegistryProposal[] = [];
  for (const name of names) {
    const parts = splitRunTogether(index, normaliseName(name), kind);
    if (parts) out.push({ kind: 'split', nameKind: kind, names: [name, ...parts], reason: 'split', score: 0.92, note: `“${name}”疑为多个名称连写：${parts.join('、')}` });
  }
  return out;
}

function proposeMerges(registry: Registry, kind: 'leader' | 'unit', seen: Map<string, Seen>, pinyin?: PinyinFn): RegistryProposal[] {
  const index = createRegistryIndex(registry, { pinyin });
  const names = kind === 'leader' ? registry.leaders.map((l) => l.name) : registry.units.map((u) => u.name);
  const out: RegistryProposal[] = [];
  const done = new Set<string>();
  for (const name of names) {
    for (const s of matchSimilar(index, name, kind)) {
      const key = [name, s.value].sort().join('\u0000');
      if (done.has(key) || s.score < 0.78) continue;
      done.add(key);
      const [canonical, other] = pickCanonical(name, s.value, seen);
      const renamed = kind === 'unit' && isRename(canonical, other, seen);
      const reason = renamed ? 'renamed' : s.reason;
      const why = renamed ? '不同年份的写法（疑为更名）' : { abbreviation: '简称', homophone: '同音', 'near-form': '形近' }[s.reason as string] ?? s.reason;
      out.push({ kind: 'merge', nameKind: kind, names: [canonical, other], reason, score: s.score, note: `“${other}”与“${canonical}”可能是同一${kind === 'leader' ? '人' : '单位'}（${why}），请核实` });
    }
  }
  return out;
}

/** The more recent, then more frequent, spelling is proposed as canonical. */
function pickCanonical(a: string, b: string, seen: Map<string, Seen>): [string, string] {
  const ya = Math.max(0, ...(seen.get(a)?.years ?? []));
  const yb = Math.max(0, ...(seen.get(b)?.years ?? []));
  if (ya !== yb) return ya > yb ? [a, b] : [b, a];
  return (seen.get(a)?.count ?? 0) >= (seen.get(b)?.count ?? 0) ? [a, b] : [b, a];
}

function isRename(canonical: string, other: string, seen: Map<string, Seen>): boolean {
  const yc = seen.get(canonical)?.years ?? new Set<number>();
  const yo = seen.get(other)?.years ?? new Set<number>();
  return yc.size > 0 && yo.size > 0 && [...yo].every((y) => !yc.has(y)) && Math.max(...yo) < Math.min(...yc);
}

/** Builds a registry from parsed documents, with proposals for review in `registry.proposals`. */
export function initRegistry(results: ParseResult[], options: InitOptions = {}): Registry {
  const tables = results.flatMap((r) => r.tables);
  const { leaders, units } = collect(tables);
  // 分管 changes with the leaders of each year, so it is inferred per year and then united.
  const years = [...new Set(tables.map((t) => t.year))];
  const oversight = years.flatMap((y) => inferOversight(tables.filter((t) => t.year === y)));
  const byLeader = new Map<string, string[]>();
  for (const e of oversight) byLeader.set(e.leader, [...new Set([...(byLeader.get(e.leader) ?? []), e.unit])]);
  const registry: Registry = { version: 1, leaders: [], units: [] };
  const city = options.city ?? guessCity(results);
  if (city) registry.city = city;
  registry.leaders = [...leaders].map(([name, s]): RegistryLeader => ({ name, years: sortYears(s.years), oversees: byLeader.get(name) ?? [], aliases: [] }));
  registry.units = [...units].map(([name, s]): RegistryUnit => ({ name, fullName: '', aliases: [], abbreviations: [], kind: guessUnitKind(name), years: sortYears(s.years), renamedFrom: [] }));
  const proposals = [
    ...proposeSplits(registry, 'leader', options.pinyin),
    ...proposeSplits(registry, 'unit', options.pinyin),
    ...proposeMerges(registry, 'leader', leaders, options.pinyin),
    ...proposeMerges(registry, 'unit', units, options.pinyin),
    ...oversight.map((e): RegistryProposal => ({ kind: 'oversees', nameKind: 'leader', names: [e.leader, e.unit], reason: 'co-occurrence', score: e.share, note: `${e.leader} 分管 ${e.unit}（推断：${e.tasks} 项牵头任务同时出现，占比 ${Math.round(e.share * 100)}%）` })),
  ];
  if (proposals.length) registry.proposals = proposals;
  return registry;
}
