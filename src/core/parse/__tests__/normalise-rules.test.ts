import type { ParseResult, TasksTable, TaskRecord } from '../../model/records.model';
import { FIX_RULES } from '../fix-rules';
import { normaliseTables } from '../normalise-tables';
import { parseGrids } from '../parse-document';
import { makeDoc, makeGrid, TASK_HEADER, type CellSpec } from './grid-builders';

const TITLE = ['2023年政府各项主要工作分解落实表'];
const parseTaskRows = (rows: CellSpec[][]): ParseResult => parseGrids(makeDoc([makeGrid(TASK_HEADER, rows, TITLE)]), 't');
const rowsOf = (result: ParseResult): TaskRecord[] => result.tables[0].rows as TaskRecord[];
const rulesOf = (result: ParseResult): string[] => result.fixes.map((f) => f.rule);
const task = (overrides: Partial<Record<string, string>>): CellSpec[] =>
  TASK_HEADER.map((_, i) => overrides[['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits'][i]] ?? ['门类甲', '项目甲', '内容', '吴敬宇', '发改委', '财政局'][i]);

describe('normaliser rules on hand-made grids', () => {
  it('join-vertical-text: one character per line', () => {
    const result = parseTaskRows([task({ category: '综\n合\n指\n标' }), task({ category: '医疗\n卫生' })]);
    expect(rowsOf(result).map((r) => r.category)).toEqual(['综合指标', '医疗卫生']);
    expect(result.fixes).toEqual([
      { table: 0, row: 0, field: 'category', from: '综\n合\n指\n标', to: '综合指标', rule: 'join-vertical-text' },
      { table: 0, row: 1, field: 'category', from: '医疗\n卫生', to: '医疗卫生', rule: 'join-vertical-text' },
    ]);
  });

  it('join-lines and remove-inner-spaces in short fields', () => {
    const result = parseTaskRows([task({ item: '做强产业\n标识', category: '综 合 指 标' })]);
    expect(rowsOf(result)[0]).toMatchObject({ item: '做强产业标识', category: '综合指标' });
    expect(rulesOf(result).sort()).toEqual(['join-lines', 'remove-inner-spaces']);
  });

  it('trim: edges and empty paragraphs of long text', () => {
    const result = parseTaskRows([task({ content: '\n 增长5%左右  \n' })]);
    expect(rowsOf(result)[0].content).toBe('增长5%左右');
    expect(rulesOf(result)).toEqual(['trim']);
  });

  it('trim-lines and unpad-name: `张  展    ` and empty first lines', () => {
    const result = parseTaskRows([task({ leaders: '\n吴敬宇\n傅  玖\n', leadUnits: '张  展    ' })]);
    expect(rowsOf(result)[0].leaders).toEqual(['吴敬宇', '傅玖']);
    expect(rowsOf(result)[0].leadUnits).toEqual(['张展']);
    expect(rulesOf(result)).toEqual(['trim-lines', 'unpad-name', 'trim-lines', 'unpad-name']);
  });

  it('unpad-name on padded units: 海  关, 港  区', () => {
    expect(rowsOf(parseTaskRows([task({ relatedUnits: '海  关\n港  区' })]))[0].relatedUnits).toEqual(['海关', '港区']);
  });

  it.each([
    ['吴敬宇  郑丙华', ['吴敬宇', '郑丙华']],
    ['郑丙华 周  强', ['郑丙华', '周强']],
    ['张  展 傅  玖', ['张展', '傅玖']],
  ])('split-names: %s', (line, names) => {
    const result = parseTaskRows([task({ leaders: line })]);
    expect(rowsOf(result)[0].leaders).toEqual(names);
    expect(result.fixes).toEqual([expect.objectContaining({ field: 'leaders', from: line, to: names.join('\n'), rule: 'split-names' })]);
  });

  it('split-names on units: `资源规划局           住建局`', () => {
    expect(rowsOf(parseTaskRows([task({ leadUnits: '资源规划局           住建局' })]))[0].leadUnits).toEqual(['资源规划局', '住建局']);
  });

  it.each([
    ['民政局\n退役军人\n事务局\n妇联', ['民政局', '退役军人事务局', '妇联']],
    ['农业\n农村局', ['农业农村局']],
    ['各有关镇（区）\n有关部门', ['各有关镇（区）有关部门']],
    ['各镇（区、\n街道）', ['各镇（区、街道）']],
  ])('join-split-name: %j', (cell, names) => {
    const result = parseTaskRows([task({ relatedUnits: cell })]);
    expect(rowsOf(result)[0].relatedUnits).toEqual(names);
    expect(rulesOf(result)).toEqual(['join-split-name']);
  });

  it('join-split-name leaves complete units and names known elsewhere apart', () => {
    const result = parseTaskRows([
      task({ leadUnits: '人才办\n城发集团', relatedUnits: '发改委\n有关部门' }),
      task({ leadUnits: '太仓日报\n住建局', relatedUnits: '住建局' }),
    ]);
    expect(rowsOf(result).map((r) => [r.leadUnits, r.relatedUnits])).toEqual([
      [['人才办', '城发集团'], ['发改委', '有关部门']],
      [['太仓日报', '住建局'], ['住建局']],
    ]);
    expect(result.fixes).toEqual([]);
  });

  it('split-enumeration: 、 splits, except inside brackets', () => {
    const result = parseTaskRows([task({ relatedUnits: '人民医院、太訸集团\n各镇（区、街道）' })]);
    expect(rowsOf(result)[0].relatedUnits).toEqual(['人民医院', '太訸集团', '各镇（区、街道）']);
    expect(result.fixes).toEqual([expect.objectContaining({ from: '人民医院、太訸集团', to: '人民医院\n太訸集团', rule: 'split-enumeration' })]);
  });

  it('dedupe-names: a name listed twice is kept once', () => {
    const result = parseTaskRows([task({ leaders: '吴敬宇\n吴敬宇' })]);
    expect(rowsOf(result)[0].leaders).toEqual(['吴敬宇']);
    expect(rulesOf(result)).toEqual(['dedupe-names']);
  });

  it('strip-stray-prefix: headings that share 致力X，共Y lose stray characters', () => {
    const headings = ['致力推动量质齐升，共谋产业升级新突破', '致力强化科技创新，共育转型发展新动能', '加致力深化改革开放，共谱对外合作新篇章', '我致力深化改革开放，共谱对外合作新篇章'];
    const result = parseTaskRows(headings.map((category) => task({ category })));
    expect(rowsOf(result).map((r) => r.category.slice(0, 4))).toEqual(['致力推动', '致力强化', '致力深化', '致力深化']);
    expect(result.fixes.map((f) => [f.row, f.rule])).toEqual([[2, 'strip-stray-prefix'], [3, 'strip-stray-prefix']]);
  });

  it('strip-stray-prefix keeps numbered headings (一、致力…) as written', () => {
    const headings = ['一、致力推动量质齐升，共谋产业升级', '二、致力强化科技创新，共育转型发展', '三、致力深化改革开放，共谱对外合作'];
    const result = parseTaskRows(headings.map((category) => task({ category })));
    expect(rowsOf(result).map((r) => r.category)).toEqual(headings);
    expect(result.fixes).toEqual([]);
  });

  it('fills empty continuation cells from above and lists them in `inherited`, without fixes', () => {
    const result = parseTaskRows([task({}), task({ category: '', item: '', leaders: '', leadUnits: '', relatedUnits: '', content: '内容二' })]);
    expect(rowsOf(result)[1]).toMatchObject({ category: '门类甲', item: '项目甲', leaders: ['吴敬宇'], leadUnits: ['发改委'], relatedUnits: ['财政局'] });
    expect(rowsOf(result)[1].inherited.sort()).toEqual(['category', 'item', 'leadUnits', 'leaders', 'relatedUnits']);
    expect(result.fixes).toEqual([]);
  });

  it('treats a vMerge continue cell as empty and inherits it', () => {
    const result = parseTaskRows([task({}), [{ paragraphs: ['残留'], vMerge: 'continue' }, '项目乙', '内容', '胡卫江', '财政局', '审计局']]);
    expect(rowsOf(result)[1]).toMatchObject({ category: '门类甲', item: '项目乙', inherited: ['category'] });
  });

  it('does not carry an item over a row that starts a new 门类', () => {
    const result = parseTaskRows([task({}), task({ category: '门类乙', item: '' })]);
    expect(rowsOf(result)[1].item).toBe('');
    expect(rowsOf(result)[1].inherited).toEqual([]);
  });

  it('assigns ids in table order and keeps ids already present', () => {
    const result = parseTaskRows([task({}), task({ content: '二' })]);
    expect(rowsOf(result).map((r) => r.id)).toEqual(['2023-T-001', '2023-T-002']);
    const kept = normaliseTables([{ ...(result.tables[0] as TasksTable), rows: [{ ...rowsOf(result)[0], id: '2023-T-009' }, { ...rowsOf(result)[1], id: undefined }] }]);
    expect((kept.tables[0].rows as TaskRecord[]).map((r) => r.id)).toEqual(['2023-T-009', '2023-T-001']);
  });

  it('every rule that fired is a documented rule name', () => {
    const result = parseTaskRows([task({ category: '综\n合', leaders: '郑丙华 周  强\n张  展 ', relatedUnits: '人民医院、太訸集团\n农业\n农村局' })]);
    for (const rule of rulesOf(result)) expect(FIX_RULES).toContain(rule);
  });

  it('handles a cell of 300,000 spaced names and 200,000 enumerated units (no stack overflow)', () => {
    const leaders = Array.from({ length: 300000 }, () => '张').join(' ');
    const units = Array.from({ length: 200000 }, (_, i) => `单位${i}局`).join('、');
    const row = rowsOf(parseTaskRows([task({ leaders, leadUnits: units })]))[0];
    expect(row.leadUnits).toHaveLength(200000);
    expect(row.leaders.length).toBeGreaterThan(0);
  });

  it('does not change its input', () => {
    const raw = parseTaskRows([task({ leaders: '张  展' })]);
    const input: TasksTable = { ...(raw.tables[0] as TasksTable), rows: [{ ...rowsOf(raw)[0], leaders: ['张  展'] }] };
    const copy = JSON.parse(JSON.stringify(input));
    normaliseTables([input]);
    expect(input).toEqual(copy);
  });
});
