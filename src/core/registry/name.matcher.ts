/**
 * Matching a raw name against the registry: ranked suggestions with a reason and a score.
 * Only exact, normalised and (unambiguous) alias matches are certain and may be applied unasked.
 */
import type { MatchReason, Suggestion } from '../model/records.model';
import type { NameKind } from './registry.model';
import { findCertain, homophoneMaps, type IndexEntry, type KindIndex, type RegistryIndex } from './registry-index.builder';
import { localPrefixVariants, normaliseName, stripCity } from './name.normaliser';
import { abbreviates, splitSuffix } from './abbreviation';
import { deletionKeys, editDistanceAtMost1, shapeKey } from './near-form';
import { stripTones } from './pinyin-keys.builder';
import { splitRunTogether } from './segment';

export interface MatchContext {
  /** Other leaders of the same row (prefers candidates sharing units with them). */
  leaders?: string[];
  /** Units of the same row (prefers leaders who oversee them). */
  units?: string[];
  /** The next / previous value in the same cell, for names broken over lines. */
  next?: string;
  prev?: string;
}

interface Candidate {
  entry: IndexEntry | null;
  value: string;
  score: number;
  reason: MatchReason;
  certain: boolean;
}

const SCORES: Record<MatchReason, number> = {
  exact: 1,
  normalised: 0.99,
  alias: 0.97,
  split: 0.92,
  joined: 0.92,
  abbreviation: 0.86,
  homophone: 0.9,
  'near-form': 0.8,
};

function kindIndexOf(index: RegistryIndex, kind: NameKind): KindIndex {
  return kind === 'leader' ? index.leaders : index.units;
}

function candidate(entry: IndexEntry, reason: MatchReason, score = SCORES[reason], certain = false): Candidate {
  return { entry, value: entry.name, score, reason, certain };
}

function matchCertain(kindIndex: KindIndex, raw: string, norm: string): Candidate[] {
  const exact = kindIndex.exact.get(raw);
  if (exact) return [candidate(exact, 'exact', 1, true)];
  const normHit = kindIndex.normalised.get(norm);
  if (normHit) return [candidate(normHit, 'normalised', SCORES.normalised, true)];
  const aliases = kindIndex.alias.get(norm) ?? [];
  return aliases.map((entry) => candidate(entry, 'alias', aliases.length === 1 ? SCORES.alias : 0.9, aliases.length === 1));
}

function matchAbbreviation(kindIndex: KindIndex, norm: string): Candidate[] {
  const out = (kindIndex.abbreviation.get(norm) ?? []).map((entry) => candidate(entry, 'abbreviation', 0.95));
  const split = splitSuffix(norm);
  const byChar = split && kindIndex.stemChars.get(split.cls);
  if (!split || !byChar) return out;
  const raw = { ...split, length: [...norm].length };
  const chars = [...new Set(split.stem)];
  const sets = chars.map((ch) => byChar.get(ch));
  // Short form of a registry name: every raw stem character occurs in the entry, so walking the
  // smallest posting set and probing the others finds all candidates.
  if (sets.every(Boolean)) {
    const ordered = (sets as Set<IndexEntry>[]).sort((a, b) => a.size - b.size);
    for (const entry of ordered[0]) {
      if (!ordered.every((set) => set.has(entry))) continue;
      if ((kindIndex.stems.get(entry) ?? []).some((f) => abbreviates(raw, f))) out.push(candidate(entry, 'abbreviation', SCORES.abbreviation));
    }
  }
  // Long form of a registry name (a fuller spelling than the registry's): only for longer values.
  if ([...norm].length >= 5) {
    const counts = new Map<IndexEntry, number>();
    for (const set of sets) for (const entry of set ?? []) counts.set(entry, (counts.get(entry) ?? 0) + 1);
    for (const [entry, count] of counts) {
      if (count < (kindIndex.minStemChars.get(entry) ?? Infinity)) continue;
      if ((kindIndex.stems.get(entry) ?? []).some((f) => abbreviates(f, raw))) out.push(candidate(entry, 'abbreviation', 0.78));
    }
  }
  return out;
}

function matchHomophone(index: RegistryIndex, norm: string, kind: NameKind): Candidate[] {
  if (!index.pinyin) return [];
  const out: Candidate[] = [];
  const { homophone, toneless } = homophoneMaps(index, kind);
  const keys = index.pinyin.keys(norm, kind === 'leader');
  const seen = new Set<IndexEntry>();
  const firstChar = [...norm][0];
  for (const key of keys) {
    for (const entry of homophone.get(key) ?? []) {
      if (seen.has(entry) || entry.name === norm) continue;
      seen.add(entry);
      const sameSurname = kind === 'leader' && [...entry.name][0] === firstChar;
      out.push(candidate(entry, 'homophone', SCORES.homophone + (sameSurname ? 0.03 : kind === 'leader' ? -0.05 : 0)));
    }
  }
  // Toneless readings catch input-method slips, but 税务局/水务局 are two units: short unit names need tones.
  if (kind === 'unit' && [...norm].length < 4) return out;
  for (const key of new Set(keys.map(stripTones))) {
    for (const entry of toneless.get(key) ?? []) {
      if (seen.has(entry) || entry.name === norm) continue;
      seen.add(entry);
      const sameSurname = kind === 'leader' && [...entry.name][0] === firstChar;
      out.push(candidate(entry, 'homophone', 0.83 + (sameSurname ? 0.03 : 0)));
    }
  }
  return out;
}

function matchNearForm(kindIndex: KindIndex, norm: string, kind: NameKind): Candidate[] {
  const out: Candidate[] = [];
  const firstChar = [...norm][0];
  for (const entry of kindIndex.shape.get(shapeKey(norm)) ?? []) {
    if (entry.name !== norm) out.push(candidate(entry, 'near-form', 0.88));
  }
  // One-character edits of short unit names are other units (水务局/税务局), so units need four.
  const minLength = kind === 'unit' ? 4 : 3;
  const keys = [...norm].length >= minLength ? deletionKeys(norm) : [norm];
  for (const key of keys) {
    for (const entry of kindIndex.deletion.get(key) ?? []) {
      const target = normaliseName(entry.name);
      const forms = [target, ...(entry.leader?.aliases ?? []).map(normaliseName)];
      const close = forms.find((f) => f !== norm && Math.min([...f].length, [...norm].length) >= minLength - 1 && Math.max([...f].length, [...norm].length) >= minLength && editDistanceAtMost1(f, norm));
      if (!close) continue;
      const sameSurname = kind === 'leader' && [...entry.name][0] === firstChar;
      out.push(candidate(entry, 'near-form', SCORES['near-form'] + (sameSurname ? 0.02 : 0)));
    }
  }
  return out;
}

const LEADER_TITLES = /(常务副市长|副市长|市长|副秘书长|秘书长|副主任|主任|副局长|局长|副书记|书记|同志)$/;
const TRAILING_NOTE = /\([^()]*\)$/;

/** A name with a title or a bracketed note after it (吴敬宇副市长, 发改委(牵头)) when the rest is certain. */
function matchDecorated(kindIndex: KindIndex, norm: string, kind: NameKind): Candidate[] {
  const bare = norm.replace(TRAILING_NOTE, '');
  const variants = kind === 'leader' ? [bare, bare.replace(LEADER_TITLES, ''), norm.replace(LEADER_TITLES, '')] : [bare];
  for (const v of new Set(variants)) {
    if (v === norm || [...v].length < 2) continue;
    const hit = matchCertain(kindIndex, v, v).find((c) => c.certain);
    if (hit) return [{ ...hit, reason: 'normalised', score: 0.98, certain: true }];
  }
  return [];
}

/** Context-free candidates for one normalised value (memoised per index). */
function matchBase(index: RegistryIndex, raw: string, kind: NameKind): Candidate[] {
  const kindIndex = kindIndexOf(index, kind);
  const norm = normaliseName(raw);
  if (!norm) return [];
  const certain = matchCertain(kindIndex, raw, norm);
  if (certain.some((c) => c.certain)) return certain;
  const stripped = stripCity(norm, index.registry.city);
  const viaCity = localPrefixVariants(norm, index.registry.city).flatMap((v) => matchCertain(kindIndex, v, v));
  const sure = viaCity.filter((c) => c.certain);
  if (sure.length) return sure.slice(0, 1).map((c) => ({ ...c, reason: 'alias' as const, score: SCORES.alias }));
  const decorated = matchDecorated(kindIndex, norm, kind);
  if (decorated.length) return decorated;
  const out = [...certain, ...viaCity];
  if (kind === 'unit') out.push(...matchAbbreviation(kindIndex, stripped));
  out.push(...matchHomophone(index, norm, kind));
  out.push(...matchNearForm(kindIndex, norm, kind));
  const parts = splitRunTogether(index, norm, kind);
  if (parts) out.push({ entry: null, value: parts.join('、'), score: SCORES.split, reason: 'split', certain: false });
  return out;
}

function applyContext(index: RegistryIndex, kind: NameKind, list: Candidate[], ctx: MatchContext): Candidate[] {
  const units = new Set(ctx.units ?? []);
  const leaders = new Set(ctx.leaders ?? []);
  return list.map((c) => {
    if (c.certain || !c.entry) return c;
    let bonus = 0;
    if (kind === 'leader' && c.entry.leader?.oversees.some((u) => units.has(u))) bonus = 0.03;
    if (kind === 'unit' && (index.overseers.get(c.entry.name) ?? []).some((l) => leaders.has(l))) bonus = 0.03;
    return bonus ? { ...c, score: c.score + bonus } : c;
  });
}

/**
 * Last resort for a short leader name with one wrong character that is neither homophone nor
 * look-alike (张屡): a leader of the same surname and length who oversees one of the row's units.
 */
function matchBySurnameInContext(index: RegistryIndex, raw: string, ctx: MatchContext): Candidate[] {
  const norm = normaliseName(raw);
  const chars = [...norm];
  if (chars.length < 2 || chars.length > 3 || !ctx.units?.length) return [];
  const units = new Set(ctx.units.map((u) => findCertain(index, u, 'unit')?.name ?? u));
  return (index.leaders.byFirstChar.get(chars[0]) ?? [])
    .filter((e) => [...e.name].length === chars.length && e.name !== norm)
    .filter((e) => e.leader?.oversees.some((u) => units.has(u)))
    .map((e) => candidate(e, 'near-form', 0.6));
}

function matchJoined(index: RegistryIndex, raw: string, kind: NameKind, ctx: MatchContext): Candidate[] {
  const out: Candidate[] = [];
  if (ctx.next) {
    const hit = findCertain(index, normaliseName(raw) + normaliseName(ctx.next), kind);
    if (hit) out.push({ entry: hit, value: hit.name, score: SCORES.joined, reason: 'joined', certain: false });
  }
  if (ctx.prev) {
    const hit = findCertain(index, normaliseName(ctx.prev) + normaliseName(raw), kind);
    if (hit) out.push({ entry: hit, value: hit.name, score: SCORES.joined - 0.02, reason: 'joined', certain: false });
  }
  return out;
}

function rank(list: Candidate[]): Suggestion[] {
  const best = new Map<string, Candidate>();
  for (const c of list) {
    const prev = best.get(c.value);
    if (!prev || c.score > prev.score || (c.certain && !prev.certain)) best.set(c.value, c);
  }
  return [...best.values()]
    .sort((a, b) => Number(b.certain) - Number(a.certain) || b.score - a.score || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .map((c) => ({ value: c.value, score: Math.round(Math.min(c.score, c.reason === 'exact' ? 1 : 0.99) * 100) / 100, reason: c.reason, certain: c.certain }));
}

/**
 * Ranked candidates for a raw value: exact / normalised / alias (certain), then abbreviation,
 * homophone, near-form, split and joined suggestions. Empty when nothing is close.
 */
export function matchName(index: RegistryIndex, raw: string, kind: NameKind, ctx: MatchContext = {}): Suggestion[] {
  const kindIndex = kindIndexOf(index, kind);
  // Most values are written right: answer those without touching the memo.
  const exact = kindIndex.exact.get(raw);
  if (exact) return [{ value: exact.name, score: 1, reason: 'exact', certain: true }];
  const key = `${kind}\u0000${raw}`;
  let memo = index.cache.get(key) as MemoEntry | undefined;
  if (!memo) {
    const base = matchBase(index, raw, kind);
    memo = { base, certain: base.some((c) => c.certain) ? rank(base) : null };
    index.cache.set(key, memo);
  }
  if (memo.certain) return memo.certain.map((s) => ({ ...s }));
  const withContext = applyContext(index, kind, memo.base, ctx);
  const joined = matchJoined(index, raw, kind, ctx);
  const fallback = withContext.length === 0 && joined.length === 0 && kind === 'leader' ? matchBySurnameInContext(index, raw, ctx) : [];
  return rank([...withContext, ...joined, ...fallback]);
}

interface MemoEntry {
  base: Candidate[];
  /** The ranked answer when it does not depend on the context (a certain match). */
  certain: Suggestion[] | null;
}

/**
 * Registry names close to a name that is itself in the registry (abbreviation, homophone,
 * near-form): what `registry init` proposes as possible merges.
 */
export function matchSimilar(index: RegistryIndex, name: string, kind: NameKind): Suggestion[] {
  const kindIndex = kindIndexOf(index, kind);
  const norm = normaliseName(name);
  const out: Candidate[] = [];
  if (kind === 'unit') out.push(...matchAbbreviation(kindIndex, norm));
  out.push(...matchHomophone(index, norm, kind), ...matchNearForm(kindIndex, norm, kind));
  return rank(out.filter((c) => c.value !== name));
}
