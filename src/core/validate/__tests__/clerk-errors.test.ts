/**
 * Typical clerk errors injected into the seeds: each must be found with the right code, and the
 * right value must be the first suggestion.
 */
import type { NameField, ParseResult } from '../../model/records.model';
import { createRegistryIndex } from '../../registry/registry-index.builder';
import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { summariseFindings, validateTables } from '../validate';
import { parseSeed, py, SEED_2021, SEED_2023 } from './seeds.fixture';

interface Case {
  /** The correct value present in the seed, replaced by `wrong` (null: `wrong` is added to the list). */
  right: string | null;
  wrong: string;
  field: NameField;
  code: string;
  /** Expected first suggestion (null: no suggestion). */
  first: string | null;
}

const CASES_2023: Case[] = [
  { right: '张展', wrong: '张斩', field: 'leaders', code: 'leader-homophone', first: '张展' },
  { right: '陈磊', wrong: '陈垒', field: 'leaders', code: 'leader-homophone', first: '陈磊' },
  { right: '傅玖', wrong: '傅久', field: 'leaders', code: 'leader-homophone', first: '傅玖' },
  { right: '郑丙华', wrong: '郑炳华', field: 'leaders', code: 'leader-homophone', first: '郑丙华' },
  { right: '倪嘉臻', wrong: '倪佳臻', field: 'leaders', code: 'leader-homophone', first: '倪嘉臻' },
  { right: '王莉萍', wrong: '王丽萍', field: 'leaders', code: 'leader-homophone', first: '王莉萍' },
  { right: '祝真旭', wrong: '祝振旭', field: 'leaders', code: 'leader-homophone', first: '祝真旭' },
  { right: '胡卫江', wrong: '胡伟江', field: 'leaders', code: 'leader-homophone', first: '胡卫江' },
  { right: '盛海峰', wrong: '盛海锋', field: 'leaders', code: 'leader-homophone', first: '盛海峰' },
  { right: '吴敬宇', wrong: '吴敬字', field: 'leaders', code: 'leader-near-form', first: '吴敬宇' },
  { right: '郑丙华', wrong: '鄭丙华', field: 'leaders', code: 'leader-near-form', first: '郑丙华' },
  { right: '倪嘉臻', wrong: '倪嘉', field: 'leaders', code: 'leader-near-form', first: '倪嘉臻' },
  { right: '张展', wrong: '张  展', field: 'leaders', code: 'name-padded', first: '张展' },
  { right: '郑丙华', wrong: '郑 丙 华', field: 'leaders', code: 'name-padded', first: '郑丙华' },
  { right: '吴敬宇', wrong: '吴敬宇副市长', field: 'leaders', code: 'name-normalised', first: '吴敬宇' },
  { right: '发改委', wrong: '市发改委', field: 'leadUnits', code: 'unit-alias', first: '发改委' },
  { right: null, wrong: '李明', field: 'leaders', code: 'leader-unknown', first: null },
  { right: null, wrong: '赵小兵', field: 'leaders', code: 'leader-unknown', first: null },
  { right: '吴敬宇', wrong: '吴敬宇郑丙华', field: 'leaders', code: 'name-split', first: '吴敬宇、郑丙华' },
  { right: '王莉萍', wrong: '王莉萍张展', field: 'leaders', code: 'name-split', first: '王莉萍、张展' },
  { right: '发改委', wrong: '太仓市发展和改革委员会', field: 'leadUnits', code: 'unit-alias', first: '发改委' },
  { right: '住建局', wrong: '太仓市住房和城乡建设局', field: 'leadUnits', code: 'unit-alias', first: '住建局' },
  { right: '资源规划局', wrong: '自然资源和规划局', field: 'leadUnits', code: 'unit-alias', first: '资源规划局' },
  { right: '人社局', wrong: '太仓市人力资源和社会保障局', field: 'leadUnits', code: 'unit-alias', first: '人社局' },
  { right: '交运局', wrong: '交通局', field: 'leadUnits', code: 'unit-abbreviation', first: '交运局' },
  { right: '市场监管局', wrong: '市场局', field: 'leadUnits', code: 'unit-abbreviation', first: '市场监管局' },
  { right: '工信局', wrong: '工业和信息化局', field: 'leadUnits', code: 'unit-alias', first: '工信局' },
  { right: '商务局', wrong: '商物局', field: 'leadUnits', code: 'unit-homophone', first: '商务局' },
  { right: '民政局', wrong: '民正局', field: 'leadUnits', code: 'unit-homophone', first: '民政局' },
  { right: '应急管理局', wrong: '应急管里局', field: 'leadUnits', code: 'unit-homophone', first: '应急管理局' },
  { right: '市场监管局', wrong: '市场监官局', field: 'leadUnits', code: 'unit-homophone', first: '市场监管局' },
  { right: '市场监管局', wrong: '市场监管所', field: 'leadUnits', code: 'unit-near-form', first: '市场监管局' },
  { right: '行政审批局', wrong: '行政审扎局', field: 'leadUnits', code: 'unit-near-form', first: '行政审批局' },
  { right: '退役军人事务局', wrong: '退役军人事物局', field: 'leadUnits', code: 'unit-homophone', first: '退役军人事务局' },
  { right: '农业农村局', wrong: '农业农材局', field: 'leadUnits', code: 'unit-near-form', first: '农业农村局' },
  { right: null, wrong: '火星开发局', field: 'relatedUnits', code: 'unit-unknown', first: null },
  { right: null, wrong: '吴敬宇', field: 'relatedUnits', code: 'name-wrong-field', first: null },
  { right: '高新区', wrong: '高 新 区', field: 'relatedUnits', code: 'name-padded', first: '高新区' },
];

const CASES_2021: Case[] = [
  { right: '张顺', wrong: '张舜', field: 'leaders', code: 'leader-homophone', first: '张顺' },
  { right: '韩飚', wrong: '韩彪', field: 'leaders', code: 'leader-homophone', first: '韩飚' },
  { right: '邵建', wrong: '邵健', field: 'leaders', code: 'leader-homophone', first: '邵建' },
  { right: '顾建康', wrong: '顾健康', field: 'leaders', code: 'leader-homophone', first: '顾建康' },
  { right: '许超震', wrong: '许超振', field: 'leaders', code: 'leader-homophone', first: '许超震' },
  { right: '汪香元', wrong: '汪湘元', field: 'leaders', code: 'leader-homophone', first: '汪香元' },
  { right: '周强', wrong: '周墙', field: 'leaders', code: 'leader-homophone', first: '周强' },
  { right: '资规局', wrong: '太仓市自然资源和规划局', field: 'leadUnits', code: 'unit-alias', first: '资源规划局' },
  { right: '编办', wrong: '机构编制委员会办公室', field: 'leadUnits', code: 'unit-alias', first: '编办' },
];

/** Injects each case into its own row (the n-th row holding the right value), returns the positions. */
function inject(result: ParseResult, cases: Case[]): { table: number; row: number }[] {
  const used = new Set<string>();
  return cases.map((c) => {
    for (let t = 0; t < result.tables.length; t += 1) {
      const rows = result.tables[t].rows;
      for (let r = 0; r < rows.length; r += 1) {
        const list = rows[r][c.field];
        const i = c.right === null ? -1 : list.indexOf(c.right);
        if (used.has(`${t}:${r}`) || (c.right !== null && i < 0)) continue;
        used.add(`${t}:${r}`);
        if (i >= 0) list[i] = c.wrong;
        else list.push(c.wrong);
        return { table: t, row: r };
      }
    }
    throw new Error(`no row for ${c.wrong}`);
  });
}

describe.each([
  [SEED_2023, CASES_2023],
  [SEED_2021, CASES_2021],
])('clerk errors injected into %s', (seed, cases) => {
  const index = createRegistryIndex(loadDefaultRegistry(), { pinyin: py });
  const clean = validateTables(parseSeed(seed).tables, index);
  const result = parseSeed(seed);
  const positions = inject(result, cases);
  const findings = validateTables(result.tables, index);

  it.each(cases.map((c, i) => [c.wrong, c, i] as const))('finds %s', (_wrong, c, i) => {
    const p = positions[i];
    const f = findings.find((x) => x.table === p.table && x.row === p.row && x.field === c.field && x.value === c.wrong);
    expect(f?.code).toBe(c.code);
    if (c.first === null) expect(f?.suggestions ?? []).toEqual([]);
    else expect(f?.suggestions?.[0]?.value).toBe(c.first);
  });

  it('adds one finding per injected error and nothing else', () => {
    const key = (f: { table?: number; row?: number; field?: string; value?: string }) => `${f.table}|${f.row}|${f.field}|${f.value}`;
    const before = new Set(clean.filter((f) => f.code !== 'leader-unit-mismatch').map(key));
    const added = findings.filter((f) => f.code !== 'leader-unit-mismatch' && !before.has(key(f))).map(key).sort();
    const injected = cases.map((c, i) => key({ ...positions[i], field: c.field, value: c.wrong })).sort();
    expect(added).toEqual(injected);
    const expectedErrors = cases.filter((c) => /unknown|homophone|near-form|wrong-field/.test(c.code)).length;
    expect(summariseFindings(findings).errors).toBe(expectedErrors);
  });
});
