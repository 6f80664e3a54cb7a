/** Task matching is keyed and blocked, never all pairs (issue 17: diff of 10k vs 10k rows ran out of memory). */
import { matchTasks, type SimilarityItem } from '../task-similarity';

const WORDS = ['推进', '建设', '完善', '城市', '乡村', '产业', '项目', '教育', '医疗', '养老', '交通', '水利', '生态', '治理', '服务', '改革', '开放', '创新', '人才', '数字', '安全', '文化', '旅游', '农业', '工业', '园区', '招商', '民生', '就业', '住房', '社区', '环境', '能源', '港口', '物流', '金融', '科技', '平台', '机制', '体系'];

/** A seeded pseudo-random generator (mulberry32), so the texts are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tasks(n: number, seed: number): { olds: SimilarityItem[]; news: SimilarityItem[] } {
  const rnd = random(seed);
  const pick = (): string => WORDS[Math.floor(rnd() * WORDS.length)];
  const olds = Array.from({ length: n }, (_, i) => ({ text: Array.from({ length: 12 }, pick).join(''), category: `门类${i % 7}` }));
  // Next year: most tasks reworded a little (one word replaced), some new ones.
  const news = olds.map((o, i) => (i % 5 === 4 ? { text: Array.from({ length: 12 }, pick).join(''), category: o.category } : { text: `${o.text.slice(2, 16)}${pick()}${o.text.slice(16)}`, category: o.category }));
  return { olds, news };
}

function countFor(n: number): { similarities: number; pairs: number } {
  const { olds, news } = tasks(n, 17);
  const counter = { similarities: 0 };
  const pairs = matchTasks(olds, news, 0.28, { counter });
  return { similarities: counter.similarities, pairs: pairs.length };
}

describe('matchTasks work (regression: diff of 10k vs 10k rows compared every candidate pair)', () => {
  it('computes a number of similarities that grows linearly with the rows, not quadratically', () => {
    const small = countFor(600);
    const large = countFor(2400);
    // All pairs would be 16× for 4× the rows; a capped candidate list per record keeps it near 4×.
    expect(large.similarities / small.similarities).toBeLessThan(5);
    expect(large.similarities).toBeLessThanOrEqual(2400 * 100);
    // And the reworded tasks are still found.
    expect(small.pairs).toBeGreaterThan(420);
    expect(large.pairs).toBeGreaterThan(1700);
  });

  it('pairs identical tasks by key, computing no similarity at all', () => {
    const olds = Array.from({ length: 3000 }, (_, i) => ({ text: `第${i + 1}项：加快建设重点项目，确保完成年度目标`, category: '综合指标' }));
    const counter = { similarities: 0 };
    const pairs = matchTasks(olds, olds.slice().reverse(), 0.28, { counter });
    expect(pairs).toHaveLength(3000);
    expect(pairs.every((p) => p.similarity === 1 && p.sameCategory)).toBe(true);
    expect(counter.similarities).toBe(0);
  });

  it('gives the same pairs when the limits do not bind as with the defaults (the seeds diff is unchanged)', () => {
    const { olds, news } = tasks(60, 5);
    const loose = matchTasks(olds, news, 0.28);
    expect(matchTasks(olds, news, 0.28, { maxCandidates: 60, postingBudget: 100000 })).toEqual(loose);
    expect(loose.length).toBeGreaterThan(40);
  });
});
