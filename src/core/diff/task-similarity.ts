/**
 * Matching tasks between two years by content: character-bigram Dice similarity (2·shared / (|A|+|B|);
 * kinder than Jaccard to rephrased tasks), greedy one-to-one assignment. Never all pairs (issue 17):
 * identical texts in one 门类 are paired by key first; the rest find candidates through an inverted
 * index of bigrams, rarest bigrams first, within a budget of postings per record, and at most
 * `maxCandidates` similarities are computed per record, so the work grows linearly with the rows.
 */
import { normaliseName } from '../registry/name.normaliser';

const PUNCTUATION = /[\s，。；、,.;:：“”"'‘’（）()《》【】\-—%％0-9０-９]/g;

function cleanText(text: string): string {
  return normaliseName(text).replace(PUNCTUATION, '');
}

function gramsOf(clean: string): Set<string> {
  const chars = [...clean];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i] + chars[i + 1]);
  return out;
}

export function bigrams(text: string): Set<string> {
  return gramsOf(cleanText(text));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface SimilarityItem {
  text: string;
  category: string;
}

export interface TaskPair {
  old: number;
  new: number;
  similarity: number;
  sameCategory: boolean;
}

export interface MatchOptions {
  /** Counts the similarities computed (a test checks they grow linearly with the rows). */
  counter?: { similarities: number };
  /** Similarities computed per new record at most (the candidates sharing the most rare bigrams). */
  maxCandidates?: number;
  /** Index postings visited per new record at most (rarest bigrams first). */
  postingBudget?: number;
}

const DEFAULTS = { maxCandidates: 100, postingBudget: 8000 };
/** Candidates kept per new record for the assignment (the best ones; alternates when one is taken). */
const KEPT_PER_RECORD = 32;

interface Prepared {
  /** Each record's bigrams as sorted ids (intersections by merge, not by hashing strings). */
  grams: Int32Array[];
  /** Each record's cleaned 门类 (sameCategory is computed once per pair of distinct ones). */
  cats: string[];
  keys: string[];
}

function prepare(items: SimilarityItem[], ids: Map<string, number>): Prepared {
  const cleaned = items.map((it) => cleanText(it.text));
  const cats = items.map((it) => cleanText(it.category));
  const idOf = (g: string): number => {
    let id = ids.get(g);
    if (id === undefined) ids.set(g, (id = ids.size));
    return id;
  };
  const grams = cleaned.map((c) => Int32Array.from([...gramsOf(c)].map(idOf)).sort());
  return { grams, cats, keys: cleaned.map((c, i) => (c ? `${c}\u0001${cats[i]}` : '')) };
}

/** Identical text in the same 门类: the best score there is, paired in order, as the greedy pass would. */
function pairExact(olds: Prepared, news: Prepared, usedOld: Set<number>, usedNew: Set<number>): TaskPair[] {
  const byKey = new Map<string, number[]>();
  olds.keys.forEach((k, i) => {
    // An empty 门类 is no category (jaccard 0): such pairs are not the best score, so go the usual way.
    if (!k || !olds.cats[i]) return;
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const pairs: TaskPair[] = [];
  const next = new Map<string, number>();
  news.keys.forEach((k, j) => {
    const list = k ? byKey.get(k) : undefined;
    const at = next.get(k) ?? 0;
    if (!list || at >= list.length) return;
    next.set(k, at + 1);
    usedOld.add(list[at]);
    usedNew.add(j);
    pairs.push({ old: list[at], new: j, similarity: 1, sameCategory: true });
  });
  return pairs;
}

type Candidate = TaskPair & { score: number };

function buildPostings(olds: Prepared, usedOld: Set<number>, gramCount: number): number[][] {
  const postings: number[][] = Array.from({ length: gramCount }, () => []);
  olds.grams.forEach((grams, i) => {
    if (!usedOld.has(i)) for (const g of grams) postings[g].push(i);
  });
  return postings;
}

/** The olds sharing the most of `grams` (rarest bigrams first, within the postings budget). */
function candidatesOf(grams: Int32Array, postings: number[][], shared: Int32Array, limits: typeof DEFAULTS): number[] {
  const lists = Array.from(grams, (g) => postings[g]).filter((l) => l.length > 0).sort((a, b) => a.length - b.length);
  const touched: number[] = [];
  let visited = 0;
  for (const list of lists) {
    const take = visited === 0 ? Math.min(list.length, limits.postingBudget) : list.length;
    if (visited > 0 && visited + take > limits.postingBudget) break;
    visited += take;
    for (let k = 0; k < take; k += 1) if (shared[list[k]]++ === 0) touched.push(list[k]);
  }
  const out = touched.length > limits.maxCandidates ? topByShared(touched, shared, lists.length, limits.maxCandidates) : touched;
  for (const i of touched) shared[i] = 0;
  return out;
}

/** The `max` entries of `touched` with the highest counts (a counting sort: counts are at most `most`). */
function topByShared(touched: number[], shared: Int32Array, most: number, max: number): number[] {
  const histogram = new Int32Array(most + 2);
  for (const i of touched) histogram[shared[i]] += 1;
  let cutoff = most + 1;
  for (let kept = 0; cutoff > 0 && kept + histogram[cutoff - 1] <= max; ) kept += histogram[--cutoff];
  const out: number[] = [];
  for (const i of touched) if (shared[i] >= cutoff) out.push(i);
  for (let k = 0; k < touched.length && out.length < max; k += 1) if (shared[touched[k]] === cutoff - 1) out.push(touched[k]);
  return out;
}

/** Shared ids of two sorted id lists. */
function intersect(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      n += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return n;
}

/** sameCategory of two cleaned 门类 (similar wording), once per distinct pair. */
function categoryJudge(): (a: string, b: string) => boolean {
  const cache = new Map<string, boolean>();
  return (a, b) => {
    const key = `${a}\u0001${b}`;
    let same = cache.get(key);
    if (same === undefined) cache.set(key, (same = jaccard(gramsOf(a), gramsOf(b)) >= 0.5));
    return same;
  };
}

function scoreCandidates(olds: Prepared, news: Prepared, used: { old: Set<number>; new: Set<number> }, threshold: number, options: MatchOptions & { gramCount: number }): Candidate[] {
  const limits = { ...DEFAULTS, ...options };
  const postings = buildPostings(olds, used.old, options.gramCount);
  const shared = new Int32Array(olds.grams.length);
  const sameCategoryOf = categoryJudge();
  const out: Candidate[] = [];
  news.grams.forEach((grams, j) => {
    if (used.new.has(j) || grams.length === 0) return;
    const mine: Candidate[] = [];
    for (const i of candidatesOf(grams, postings, shared, limits)) {
      if (options.counter) options.counter.similarities += 1;
      const similarity = (2 * intersect(grams, olds.grams[i])) / (grams.length + olds.grams[i].length);
      if (similarity < threshold * 0.8) continue;
      const sameCategory = sameCategoryOf(news.cats[j], olds.cats[i]);
      const score = similarity + (sameCategory ? 0.05 : 0);
      if (score >= threshold) mine.push({ old: i, new: j, similarity: Math.round(similarity * 100) / 100, sameCategory, score });
    }
    if (mine.length > KEPT_PER_RECORD) mine.sort((a, b) => b.score - a.score || a.old - b.old).length = KEPT_PER_RECORD;
    for (const c of mine) out.push(c);
  });
  return out;
}

/**
 * One-to-one pairs (old index, new index) with similarity ≥ threshold. Pairs within the same 门类
 * (similar category wording) win ties and get a small bonus.
 */
export function matchTasks(olds: SimilarityItem[], news: SimilarityItem[], threshold = 0.3, options: MatchOptions = {}): TaskPair[] {
  const ids = new Map<string, number>();
  const a = prepare(olds, ids);
  const b = prepare(news, ids);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs = pairExact(a, b, usedOld, usedNew);
  const candidates = scoreCandidates(a, b, { old: usedOld, new: usedNew }, threshold, { ...options, gramCount: ids.size });
  candidates.sort((x, y) => y.score - x.score || x.old - y.old || x.new - y.new);
  for (const c of candidates) {
    if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
    usedOld.add(c.old);
    usedNew.add(c.new);
    pairs.push({ old: c.old, new: c.new, similarity: c.similarity, sameCategory: c.sameCategory });
  }
  return pairs.sort((x, y) => x.new - y.new);
}
