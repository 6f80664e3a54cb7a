/**
 * Matching tasks between two years by content: character-bigram Dice similarity (2·shared / (|A|+|B|); kinder than Jaccard to rephrased tasks), candidates
 * found through an inverted index of bigrams (no all-pairs scan), greedy one-to-one assignment.
 */
import { normaliseName } from '../registry/name.normaliser';

const PUNCTUATION = /[\s，。；、,.;:：“”"'‘’（）()《》【】\-—%％0-9０-９]/g;

export function bigrams(text: string): Set<string> {
  const chars = [...normaliseName(text).replace(PUNCTUATION, '')];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i] + chars[i + 1]);
  return out;
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

/**
 * One-to-one pairs (old index, new index) with similarity ≥ threshold. Pairs within the same 门类
 * (similar category wording) win ties and get a small bonus.
 */
export function matchTasks(olds: SimilarityItem[], news: SimilarityItem[], threshold = 0.3): TaskPair[] {
  const oldGrams = olds.map((o) => bigrams(o.text));
  const oldCats = olds.map((o) => bigrams(o.category));
  const postings = new Map<string, number[]>();
  oldGrams.forEach((grams, i) =>
    grams.forEach((g) => {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }),
  );
  const candidates: (TaskPair & { score: number })[] = [];
  news.forEach((n, j) => {
    const grams = bigrams(n.text);
    const cat = bigrams(n.category);
    const shared = new Map<number, number>();
    for (const g of grams) for (const i of postings.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, s] of shared) {
      const similarity = (2 * s) / (grams.size + oldGrams[i].size);
      if (similarity < threshold * 0.8) continue;
      const sameCategory = jaccard(cat, oldCats[i]) >= 0.5;
      const score = similarity + (sameCategory ? 0.05 : 0);
      if (score >= threshold) candidates.push({ old: i, new: j, similarity: Math.round(similarity * 100) / 100, sameCategory, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.old - b.old || a.new - b.new);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: TaskPair[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
    usedOld.add(c.old);
    usedNew.add(c.new);
    pairs.push({ old: c.old, new: c.new, similarity: c.similarity, sameCategory: c.sameCategory });
  }
  return pairs.sort((a, b) => a.new - b.new);
}
