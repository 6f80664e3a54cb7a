import { parseSeed, py, SEED_2021, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { diffResults } from '../diff';
import { formatDiffSummary } from '../diff-summary.formatter';
import { matchTasks } from '../task-similarity';
import type { ParseResult } from '../../model/records.model';

const leadersOf = (r: ParseResult) => new Set(r.tables.flatMap((t) => t.rows.flatMap((row) => row.leaders)));

describe('diff 2021 → 2023', () => {
  const old = parseSeed(SEED_2021);
  const next = parseSeed(SEED_2023);

  it.each([
    ['without a registry', undefined],
    ['with the default registry', loadDefaultRegistry()],
  ])('finds leader changes and renamed units %s', (_label, registry) => {
    const report = diffResults(old, next, { registry, pinyin: py });
    const before = leadersOf(old);
    const after = leadersOf(next);
    expect(report.leaders.removed.sort()).toEqual([...before].filter((l) => !after.has(l)).sort());
    expect(report.leaders.added.sort()).toEqual([...after].filter((l) => !before.has(l)).sort());
    expect(report.leaders.kept.sort()).toEqual([...after].filter((l) => before.has(l)).sort());
    expect(report.units.renamed.map((c) => [c.from, c.to])).toEqual(expect.arrayContaining([
      ['资规局', '资源规划局'],
      ['退役军人局', '退役军人事务局'],
    ]));
    expect(report.units.removed).not.toContain('资规局');
    expect(report.units.added).not.toContain('资源规划局');
    expect(report.units.added.some((u) => u.startsWith('各'))).toBe(false);
  });

  it('matches tasks by content: accounts for every task, carries over the obvious ones', () => {
    const report = diffResults(old, next, { pinyin: py });
    const [tasks, projects] = report.tasks;
    expect(tasks.carried.length + tasks.added.length).toBe(next.tables[0].rows.length);
    expect(tasks.carried.length + tasks.dropped.length).toBe(old.tables[0].rows.length);
    expect(projects.carried.length + projects.added.length).toBe(next.tables[1].rows.length);
    const idOf = (r: ParseResult, item: string) => (r.tables[0].rows as { id?: string; item: string }[]).find((x) => x.item === item)?.id;
    for (const item of ['地区生产总值', '一般公共预算收入', '社会消费品零售总额']) {
      expect(tasks.carried).toContainEqual(expect.objectContaining({ old: idOf(old, item), new: idOf(next, item) }));
    }
    expect(tasks.carried.length).toBeGreaterThan(10);
    expect(tasks.carried.length).toBeLessThan(60);
  });

  it('reports per-unit load changes with renamed units folded together', () => {
    const report = diffResults(old, next, { pinyin: py });
    const rp = report.load.find((l) => l.unit === '资源规划局');
    expect(rp?.oldLead).toBeGreaterThan(0);
    expect(report.load.find((l) => l.unit === '资规局')).toBeUndefined();
  });

  it('prints a clerk-readable summary in Chinese and English', () => {
    const report = diffResults(old, next, { registry: loadDefaultRegistry(), pinyin: py });
    const zh = formatDiffSummary(report, 'zh');
    expect(zh).toContain('2021年（太政发〔2021〕9号） → 2023年');
    expect(zh).toMatch(/资规局 → 资源规划局/);
    expect(zh).toMatch(/不再出现 7 人/);
    expect(formatDiffSummary(report, 'en')).toMatch(/Renamed or respelled 2/);
  });
});

describe('matchTasks', () => {
  it('pairs one to one, prefers the same category, and leaves dissimilar tasks alone', () => {
    const olds = [{ text: '建设城南幼儿园', category: '教育' }, { text: '新建污水处理厂', category: '环境' }];
    const news = [{ text: '建设城南幼儿园二期', category: '教育' }, { text: '举办马拉松比赛', category: '体育' }];
    expect(matchTasks(olds, news)).toEqual([expect.objectContaining({ old: 0, new: 0, sameCategory: true })]);
  });
});
