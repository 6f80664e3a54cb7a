import type { ProjectRecord, TaskRecord } from '../../model/records.model';
import { parseGrids } from '../parse-document';
import { recogniseGrid } from '../table-recogniser';
import { makeDoc, makeGrid, makeRow, PROJECT_HEADER, TASK_HEADER } from './grid-builders';

const TASK_ROW = ['综合指标', '地区生产总值', '增长5%', '吴敬宇', '发改委', '财政局'];
const PROJECT_ROW = ['1', '教育文体', '幼儿园项目', '新建', '竣工', '倪嘉臻', '教育局', '高新区'];

describe('recogniser', () => {
  it('recognises spaced and broken header cells and year synonyms (2021 wording)', () => {
    const header = ['门 类', '项   目', '内 容 和 要 求', '分管领导', '主要责\n任单位', '相关单位'];
    const grid = recogniseGrid(makeGrid(header, [TASK_ROW]), 0);
    expect(grid.kind).toBe('tasks');
    expect(grid.columns).toEqual(['category', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits']);
    expect(grid.findings).toEqual([]);
  });

  it('maps 牵头单位 / 配合单位 / 责任领导 and columns in another order', () => {
    const header = ['项目', '门类', '内容和要求', '牵头单位', '配合单位', '责任领导'];
    const result = parseGrids(makeDoc([makeGrid(header, [['项目甲', '门类甲', '内容', '发改委', '财政局', '吴敬宇']])]), 'x');
    expect(result.tables[0].rows[0]).toMatchObject({ category: '门类甲', item: '项目甲', leaders: ['吴敬宇'], leadUnits: ['发改委'], relatedUnits: ['财政局'] });
  });

  it('recognises projects with the {year}年工作任务 column and takes the year from it', () => {
    const result = parseGrids(makeDoc([makeGrid(PROJECT_HEADER, [PROJECT_ROW])]), 'x');
    expect(result.tables).toEqual([expect.objectContaining({ kind: 'projects', year: 2023, title: null })]);
    expect((result.tables[0].rows[0] as ProjectRecord)).toMatchObject({ id: '2023-P-001', no: 1, task: '竣工', name: '幼儿园项目' });
  });

  it('reports a table of neither kind and does not guess', () => {
    const result = parseGrids(makeDoc([makeGrid(['姓名', '职务', '电话', '备注'], [['张三', '科长', '123', '']])]), 'x');
    expect(result.tables).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['table-unknown', 'no-table']);
  });

  it('reports a document without tables', () => {
    expect(parseGrids(makeDoc([]), 'x').warnings).toEqual([expect.objectContaining({ code: 'no-table', severity: 'error' })]);
  });

  it('reports missing columns and rows with the wrong cell count', () => {
    const grid = makeGrid(TASK_HEADER.slice(0, 5), [TASK_ROW.slice(0, 5), TASK_ROW]);
    const result = parseGrids(makeDoc([grid]), 'x');
    expect(result.warnings.map((w) => w.code)).toEqual(['table-columns-missing', 'row-cell-count']);
    expect(result.tables[0].rows).toHaveLength(2);
  });

  it('ignores an extra column such as 备注 and says so (info)', () => {
    const result = parseGrids(makeDoc([makeGrid([...TASK_HEADER, '备注'], [[...TASK_ROW, '无']])]), 'x');
    expect(result.tables[0].rows).toHaveLength(1);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'column-ignored', severity: 'info', value: '备注' })]);
  });

  it('drops repeated header rows (marked or by text) and blank rows', () => {
    const grid = makeGrid(TASK_HEADER, [TASK_ROW, ['门类', '项  目', '内容和要求', '负责人', '主要责任单位', '相关单位'], ['', ' ', '', '', '', ''], TASK_ROW]);
    grid.rows.splice(2, 0, { ...makeRow(['甲', '乙', '丙', '丁', '戊', '己']), isHeader: true });
    const result = parseGrids(makeDoc([grid]), 'x');
    expect(result.tables[0].rows).toHaveLength(2);
  });

  it('merges consecutive grids of one kind (a table split by hand) but not a new titled table', () => {
    const doc = makeDoc([
      makeGrid(TASK_HEADER, [TASK_ROW], ['2023年政府各项主要工作分解落实表'], 0),
      makeGrid(TASK_HEADER, [['', '一般公共预算收入', '增长6%', '胡卫江', '财政局', '']], [' (', '5', ')'], 1),
      makeGrid(PROJECT_HEADER, [PROJECT_ROW], ['附件2', '2023年民生实事项目情况表'], 2),
      makeGrid(TASK_HEADER, [TASK_ROW], ['2024年政府各项主要工作分解落实表'], 3),
    ]);
    const result = parseGrids(doc, 'x');
    expect(result.tables.map((t) => [t.kind, t.title, t.year, t.rows.length])).toEqual([
      ['tasks', '2023年政府各项主要工作分解落实表', 2023, 2],
      ['projects', '2023年民生实事项目情况表', 2023, 1],
      ['tasks', '2024年政府各项主要工作分解落实表', 2024, 1],
    ]);
    expect((result.tables[0].rows[1] as TaskRecord)).toMatchObject({ category: '综合指标', id: '2023-T-002', inherited: ['category', 'relatedUnits'] });
  });

  it('expands spanned cells so that later columns stay in place', () => {
    const grid = makeGrid(TASK_HEADER, [[{ paragraphs: ['综合指标'], colSpan: 2 }, '增长5%', '吴敬宇', '发改委', '财政局']]);
    const row = parseGrids(makeDoc([grid]), 'x').tables[0].rows[0] as TaskRecord;
    expect(row).toMatchObject({ category: '综合指标', item: '', content: '增长5%', leaders: ['吴敬宇'], relatedUnits: ['财政局'] });
  });

  it('takes a row with only a 门类 (a heading row) as the category of the rows below', () => {
    const grid = makeGrid(TASK_HEADER, [[{ paragraphs: ['一、致力推动量质齐升'], colSpan: 6 }], ['', '项目甲', '内容', '吴敬宇', '发改委', ''], ['', '', '内容二', '', '', '']]);
    const result = parseGrids(makeDoc([grid]), 'x');
    expect((result.tables[0].rows as TaskRecord[]).map((r) => [r.category, r.item, r.inherited])).toEqual([
      ['一、致力推动量质齐升', '项目甲', ['category']],
      ['一、致力推动量质齐升', '项目甲', ['category', 'item', 'leaders', 'leadUnits']],
    ]);
    expect(result.warnings.map((w) => [w.code, w.severity])).toEqual([['heading-row', 'info']]);
  });

  it('finds the header below a title row (a pasted sheet) and takes the title from it', () => {
    const grid = makeGrid(['2022年政府各项主要工作分解落实表', '', '', '', '', ''], [TASK_HEADER, TASK_ROW]);
    const result = parseGrids(makeDoc([grid]), 'x');
    expect(result.tables.map((t) => [t.title, t.year, t.rows.length])).toEqual([['2022年政府各项主要工作分解落实表', 2022, 1]]);
  });

  it('does not take a title naming the other kind (a list of attachments) and drops list numbers', () => {
    const before = ['附件：1．2021年政府各项主要工作分解落实表', '2．2021年民生实事项目情况表'];
    const result = parseGrids(makeDoc([makeGrid(TASK_HEADER, [TASK_ROW], before)]), 'x');
    expect(result.tables[0].title).toBeNull();
    const projects = parseGrids(makeDoc([makeGrid(PROJECT_HEADER, [PROJECT_ROW], before)]), 'x');
    expect(projects.tables[0].title).toBe('2021年民生实事项目情况表');
  });

  it('takes the year from the 通知 number when the title has none', () => {
    const result = parseGrids(makeDoc([makeGrid(TASK_HEADER, [TASK_ROW])], ['太政发〔2022〕3号']), 'x');
    expect(result.tables[0].year).toBe(2022);
    expect(result.notice.number).toBe('太政发〔2022〕3号');
  });

  it('warns about a 序号 that is not a number', () => {
    const result = parseGrids(makeDoc([makeGrid(PROJECT_HEADER, [['一', ...PROJECT_ROW.slice(1)]])]), 'x');
    expect(result.warnings.map((w) => w.code)).toEqual(['project-no-invalid']);
  });
});
