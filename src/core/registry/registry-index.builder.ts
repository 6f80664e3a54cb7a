/**
 * The registry index: every matching key built once, so that matching a value is a handful of
 * hash lookups (no scan of the registry with an edit distance per value).
 */
import type { NameKind, Registry, RegistryLeader, RegistryUnit } from './registry.model';
import { normaliseName, stripCity } from './name.normaliser';
import { createPinyinReader, stripTones, type PinyinFn, type PinyinReader } from './pinyin-keys.builder';
import { deletionKeys, shapeKey } from './near-form';
import { splitSuffix, type SplitForm } from './abbreviation';

export interface IndexEntry {
  kind: NameKind;
  /** Canonical name (leader name or unit 规范简称). */
  name: string;
  leader?: RegistryLeader;
  unit?: RegistryUnit;
}

export interface KindIndex {
  entries: IndexEntry[];
  exact: Map<string, IndexEntry>;
  normalised: Map<string, IndexEntry>;
  /** Normalised aliases, renamed-from names and full names (with and without the city prefix). */
  alias: Map<string, IndexEntry[]>;
  /** Normalised listed abbreviations. */
  abbreviation: Map<string, IndexEntry[]>;
  /** Suffix class → character → entries whose stem (of any form) holds that character. */
  stemChars: Map<string, Map<string, Set<IndexEntry>>>;
  /** Entry → the suffixed forms it can be abbreviated from, split into stem and suffix class. */
  stems: Map<IndexEntry, (SplitForm & { form: string })[]>;
  /** Entry → distinct characters in its shortest stem (a cheap filter before subsequence checks). */
  minStemChars: Map<IndexEntry, number>;
  /** Homophone keys (toneful and toneless): filled on first use by `homophoneMaps`. */
  homophone: Map<string, IndexEntry[]>;
  toneless: Map<string, IndexEntry[]>;
  /** Each entry with the forms its homophone keys are built from (fixed when the index is built). */
  keyed: [IndexEntry, string[]][];
  deletion: Map<string, IndexEntry[]>;
  shape: Map<string, IndexEntry[]>;
  /** First character → entries (leaders: surname). */
  byFirstChar: Map<string, IndexEntry[]>;
}

export interface RegistryIndex {
  registry: Registry;
  leaders: KindIndex;
  units: KindIndex;
  /** Unit name → leaders overseeing it (from the registry's 分管). */
  overseers: Map<string, string[]>;
  pinyin: PinyinReader | null;
  /** The matcher's memo per kind + raw value (context-free part); owned by name.matcher.ts. */
  cache: Map<string, unknown>;
  /** Whether the homophone keys are built (see `homophoneMaps`). */
  homophonesBuilt: boolean;
}

export interface RegistryIndexOptions {
  /** pinyin-pro's `pinyin` (see loadPinyin); without it there are no homophone matches. */
  pinyin?: PinyinFn;
}

/** Appends to a multimap. An entry's keys are added together, so a repeat can only be the last item. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function createKindIndex(): KindIndex {
  return {
    entries: [],
    exact: new Map(),
    normalised: new Map(),
    alias: new Map(),
    abbreviation: new Map(),
    stemChars: new Map(),
    stems: new Map(),
    minStemChars: new Map(),
    homophone: new Map(),
    toneless: new Map(),
    keyed: [],
    deletion: new Map(),
    shape: new Map(),
    byFirstChar: new Map(),
  };
}

/** Forms of an entry that are certain (the name, its aliases, full names, renamed-from). */
function certainForms(entry: IndexEntry, city: string | undefined): string[] {
  const forms = [entry.name, ...(entry.leader?.aliases ?? []), ...(entry.unit?.aliases ?? []), ...(entry.unit?.renamedFrom ?? [])];
  const full = entry.unit?.fullName;
  if (full) forms.push(full, stripCity(full, city));
  return [...new Set(forms.map(normaliseName).filter(Boolean))];
}

function addStems(index: KindIndex, entry: IndexEntry, forms: string[]): void {
  const stems: (SplitForm & { form: string })[] = [];
  for (const form of forms) {
    const split = splitSuffix(form);
    if (!split) continue;
    stems.push({ ...split, form, length: [...form].length });
    const distinct = new Set(split.stem).size;
    index.minStemChars.set(entry, Math.min(index.minStemChars.get(entry) ?? Infinity, distinct));
    let byChar = index.stemChars.get(split.cls);
    if (!byChar) index.stemChars.set(split.cls, (byChar = new Map()));
    for (const ch of split.stem) {
      let set = byChar.get(ch);
      if (!set) byChar.set(ch, (set = new Set()));
      set.add(entry);
    }
  }
  index.stems.set(entry, stems);
}

function addEntry(index: KindIndex, entry: IndexEntry, city: string | undefined): void {
  index.entries.push(entry);
  push(index.byFirstChar, [...entry.name][0] ?? '', entry);
  index.exact.set(entry.name, entry);
  const norm = normaliseName(entry.name);
  if (!index.normalised.has(norm)) index.normalised.set(norm, entry);
  const forms = certainForms(entry, city);
  for (const form of forms) if (form !== norm) push(index.alias, form, entry);
  for (const abbr of entry.unit?.abbreviations ?? []) push(index.abbreviation, normaliseName(abbr), entry);
  if (entry.kind === 'unit') addStems(index, entry, [...forms, ...(entry.unit?.abbreviations ?? []).map(normaliseName)]);
  const keyed = entry.kind === 'leader' ? forms : [norm];
  for (const form of keyed) {
    if ([...form].length >= 3) for (const key of deletionKeys(form)) push(index.deletion, key, entry);
    push(index.shape, shapeKey(form), entry);
  }
  index.keyed.push([entry, keyed]);
}

/**
 * The homophone maps of one kind, built for every kind on first use: most values match exactly,
 * so most runs never need pinyin (costly to load and to run over the whole registry).
 */
export function homophoneMaps(index: RegistryIndex, kind: NameKind): Pick<KindIndex, 'homophone' | 'toneless'> {
  const reader = index.pinyin;
  if (reader && !index.homophonesBuilt) {
    index.homophonesBuilt = true;
    for (const kindIndex of [index.leaders, index.units]) {
      for (const [entry, forms] of kindIndex.keyed) {
        for (const form of forms) {
          for (const key of reader.keys(form, entry.kind === 'leader')) {
            push(kindIndex.homophone, key, entry);
            push(kindIndex.toneless, stripTones(key), entry);
          }
        }
      }
    }
  }
  return kind === 'leader' ? index.leaders : index.units;
}

/** Builds every key once (homophone keys on first use). Pass `{ pinyin }` (from loadPinyin) for homophone matching. */
export function createRegistryIndex(registry: Registry, options: RegistryIndexOptions = {}): RegistryIndex {
  const reader = options.pinyin ? createPinyinReader(options.pinyin) : null;
  const leaders = createKindIndex();
  const units = createKindIndex();
  const overseers = new Map<string, string[]>();
  for (const leader of registry.leaders) {
    addEntry(leaders, { kind: 'leader', name: leader.name, leader }, registry.city);
    for (const unit of leader.oversees) push(overseers, unit, leader.name);
  }
  for (const unit of registry.units) addEntry(units, { kind: 'unit', name: unit.name, unit }, registry.city);
  return { registry, leaders, units, overseers, pinyin: reader, cache: new Map(), homophonesBuilt: false };
}

/** The canonical entry for a value when it is certain (exact, normalised or a unique alias). */
export function findCertain(index: RegistryIndex, raw: string, kind: NameKind): IndexEntry | null {
  const kindIndex = kind === 'leader' ? index.leaders : index.units;
  const hit = kindIndex.exact.get(raw);
  if (hit) return hit;
  const norm = normaliseName(raw);
  const normHit = kindIndex.normalised.get(norm);
  if (normHit) return normHit;
  const aliases = kindIndex.alias.get(norm);
  return aliases && aliases.length === 1 ? aliases[0] : null;
}
