/**
 * Issue 10: the families of 分解 documents other cities publish, read from the fixtures
 * scripts/make-family-fixtures.ts wrote (test/fixtures/families), as .docx, pasted .xlsx and .txt.
 * Expected values are checked by hand against the documents.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { ParseResult, ProjectRecord, TaskRecord } from '../../model/records.model';
import { readInput } from '../../flows/read-input.flow';
import { parseMappingText } from '../mapping.codec';
import { normaliseTables } from '../normalise-tables';

const DIR = join(__dirname, '../../../../test/fixtures/families');
const read = async (name: string, options = {}): Promise<ParseResult> => (await readInput(new Uint8Array(readFileSync(join(DIR, name))), name, options)).result;
const codes = (result: ParseResult): string[] => result.warnings.map((w) => w.code);
const tasks = (result: ParseResult, table = 0): TaskRecord[] => result.tables[table].rows as TaskRecord[];

describe.each(['docx', 'xlsx'])('family 1: tables with other columns (.%s)', (ext) => {
  let result: ParseResult;
  beforeAll(async () => {
    result = await read(`f1-tasks-other-columns.${ext}`);
  });

  it('reads three tables: tasks, quarterly milestones and indicators, each with its mapping', () => {
    expect(result.tables.map((t) => [t.kind, t.mapping?.kind, t.title, t.year, t.rows.length])).toEqual([
      ['tasks', 'tasks', '2023年区政府重点工作任务分解表', 2023, 3],
      ['tasks', 'tasks', '2023年重点工作季度推进计划表', 2023, 2],
      ['tasks', 'indicators', '2023年主要经济指标分解表', 2023, 2],
    ]);
    expect(result.tables[0].mapping?.columns.map((c) => c.role)).toEqual(['no', 'content', 'leaders', 'leadUnits', 'relatedUnits', 'deadline']);
  });

  it('reads 序号, content, names and deadlines with their dates', () => {
    expect(tasks(result)[1]).toMatchObject({
      no: 2,
      content: '新开工亿元以上项目50个，完成固定资产投资增长8%。',
      leaders: ['王建国', '刘晓东'],
      leadUnits: ['区发改委'],
      relatedUnits: ['区住建局', '区资源规划分局'],
      deadline: { text: '2023年6月', iso: '2023-06-30' },
    });
    expect(tasks(result).map((r) => r.deadline?.iso)).toEqual(['2023-12-31', '2023-06-30', '2023-09-30']);
  });

  it('reads the quarters under a two-row 时间节点 header as milestones', () => {
    expect(tasks(result, 1)[0].milestones).toEqual([
      { label: '一季度', text: '完成选址' },
      { label: '二季度', text: '开工建设' },
      { label: '三季度', text: '主体完工' },
      { label: '四季度', text: '投入使用' },
    ]);
    expect(tasks(result, 1)[1]).toMatchObject({ leaders: ['陈思远'], leadUnits: ['区人社局'], relatedUnits: ['各街道'] });
  });

  it('reads an indicator table: name, target, unit; its content is the target', () => {
    expect(tasks(result, 2)[1]).toMatchObject({ item: '社会消费品零售总额', target: '1200', unitOfMeasure: '亿元', content: '1200亿元', leadUnits: ['区商务局'], leaders: [] });
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'table-column-absent', table: 2, value: 'leaders,relatedUnits' }));
  });
});

describe.each(['docx', 'xlsx'])('family 2: section rows (.%s)', (ext) => {
  it('takes 一、/（一） rows as category and item, and 牵头领导 rows as the leader of the rows below', async () => {
    const result = await read(`f2-section-rows.${ext}`);
    expect(tasks(result).map((r) => [r.no, r.category, r.item, r.leaders, r.leadUnits, r.relatedUnits])).toEqual([
      [1, '一、扎实推进产业转型升级', '（一）做强电子信息产业', ['张伟'], ['区投促局'], ['区经信局', '各街道']],
      [2, '一、扎实推进产业转型升级', '（一）做强电子信息产业', ['张伟'], ['区经信局'], ['区住建局']],
      [3, '二、持续增进民生福祉', '', ['李红梅'], ['区教育局'], ['区财政局']],
    ]);
    // 责任单位 beside 牵头单位 is the cooperating column; no leader column is missing (the sections name them).
    expect(result.tables[0].mapping?.columns[3]).toEqual({ header: '责任单位', role: 'relatedUnits' });
    expect(codes(result)).not.toContain('table-column-absent');
  });
});

describe('family 3: one 责任单位 column where the first unit leads', () => {
  it('detects 列第一位的为牵头单位 in the notice and says so', async () => {
    const result = await read('f3-first-unit-leads.docx');
    expect(tasks(result).map((r) => [r.leadUnits, r.relatedUnits])).toEqual([
      [['区经信局'], ['区发改局', '区统计局']],
      [['区住建局'], ['区民政局', '各镇（街道）']],
    ]);
    expect(result.tables[0].mapping).toMatchObject({ units: 'first-leads' });
    expect(codes(result)).toContain('units-first-leads');
  });

  it('a pasted sheet has no notice: all units lead, until the user maps the column', async () => {
    const plain = await read('f3-first-unit-leads.xlsx');
    expect(tasks(plain)[0].leadUnits).toEqual(['区经信局', '区发改局', '区统计局']);
    const mapped = await read('f3-first-unit-leads.xlsx', { mapping: parseMappingText('责任单位=units-first-leads') });
    expect(tasks(mapped)[0]).toMatchObject({ leadUnits: ['区经信局'], relatedUnits: ['区发改局', '区统计局'] });
    expect(mapped.tables[0].mapping?.columns[3]).toEqual({ header: '责任单位', role: 'units-first-leads', confirmed: true });
  });
});

describe.each(['docx', 'txt'])('family 4: list form (.%s)', (ext) => {
  it('reads numbered paragraphs with labelled lines and inline brackets under 一、/（一） headings', async () => {
    const result = await read(`f4-list-form.${ext}`);
    expect(result.tables[0].mapping).toMatchObject({ form: 'list' });
    expect(tasks(result).map((r) => [r.no, r.category, r.item, r.content, r.leaders, r.leadUnits, r.relatedUnits, r.deadline?.iso ?? null])).toEqual([
      [1, '一、着力推动经济高质量发展', '（一）扩大有效投资', '实施重点项目200个以上，完成投资500亿元。', ['周海'], ['区发改局'], ['区财政局', '区自然资源分局'], '2024-12-31'],
      [2, '一、着力推动经济高质量发展', '（一）扩大有效投资', '新增规上工业企业30户。', ['周海'], ['区经信局'], ['各街道'], null],
      [3, '一、着力推动经济高质量发展', '（二）激发消费活力', '举办促消费活动50场以上。', [], ['区商务局'], ['区文旅局', '各街道'], null],
      [4, '二、持续保障和改善民生', '', '新建改造城市公园15个。', ['吴芳'], ['区林园局'], ['区城管局'], '2024-10-31'],
    ]);
    expect(codes(result)).toEqual(['list-form']);
    expect(result.notice).toMatchObject({ number: '包政〔2024〕8号', date: '2024-01-20', issuer: '合肥市包河区人民政府', city: '合肥市包河区' });
  });
});

describe.each(['docx', 'xlsx', 'txt'])('family 5: traditional characters (.%s, .txt in Tika form)', (ext) => {
  it('reads traditional headers, keeps names as written and 各區、縣級市政府 whole', async () => {
    const result = await read(`f5-traditional.${ext}`);
    expect(result.tables[0].mapping?.columns.map((c) => c.role)).toEqual(['no', 'content', 'leaders', 'leadUnits', 'relatedUnits', 'deadline']);
    expect(tasks(result)[1]).toMatchObject({ content: '推進地鐵三號線建設。', leaders: ['李明華'], leadUnits: ['市建委'], relatedUnits: ['各區、縣級市政府'], deadline: { iso: '2006-12-31' } });
  });
});

describe('family 5: the traditional notice', () => {
  it('reads 文号, title, date and issuer', async () => {
    const { notice } = await read('f5-traditional.docx');
    expect(notice).toMatchObject({ number: '穗府辦〔2006〕19號', title: '廣州市人民政府辦公廳關於印發2006年市政府工作報告重點任務分解表的通知', date: '2006-03-06', issuer: '廣州市人民政府辦公廳', city: '广州市' });
  });
});

describe.each(['docx', 'xlsx'])('family 6: 民生实事 with other columns and merged cells (.%s)', (ext) => {
  it('reads name, content, leaders and units of every sub-row', async () => {
    const result = await read(`f6-projects-other-columns.${ext}`);
    expect(result.tables.map((t) => [t.kind, t.title])).toEqual([['projects', '2023年金水区十件民生实事项目表']]);
    const rows = result.tables[0].rows as ProjectRecord[];
    expect(rows.map((r) => [r.no, r.name, r.content, r.leaders, r.leadUnits, r.deadline?.iso])).toEqual([
      [1, '老旧小区改造', '改造老旧小区86个，加装电梯120部。', ['马骏'], ['区住建局'], '2023-10-31'],
      [1, '老旧小区改造', '同步完善养老托育等配套设施。', ['马骏'], ['区住建局'], '2023-12-31'],
      [2, '便民菜市场建设', '新建改造便民菜市场12个。', ['黄丽'], ['区商务局', '各街道'], '2023-09-30'],
    ]);
    expect(rows[1].inherited).toEqual(['no', 'name', 'leaders', 'leadUnits']);
  });
});

describe.each(['docx', 'xlsx'])('family 7: unit lists (.%s)', (ext) => {
  it('keeps 各区、县（市）政府（管委会） whole and takes trailing role words as roles', async () => {
    const result = await read(`f7-unit-lists.${ext}`);
    expect(tasks(result).map((r) => [r.leadUnits, r.relatedUnits])).toEqual([
      [['市人社局'], ['团市委', '市教育局']],
      [['市农业农村局', '市乡村振兴局'], ['各区、县（市）政府（管委会）']],
    ]);
    expect(result.fixes.filter((f) => f.rule === 'unit-role-word').map((f) => [f.from, f.to])).toEqual([
      ['团市委配合落实', '团市委'],
      ['市乡村振兴局（牵头）', '市乡村振兴局'],
    ]);
  });
});

// f9-two-row-header.doc is LibreOffice's conversion of the .docx (soffice --convert-to doc), committed as it came out.
describe.each(['docx', 'xlsx', 'tab.txt', 'doc'])('family 9: two-row header, sections in 序号, 重点任务 | 具体举措 (.%s; .tab.txt copied from Excel)', (ext) => {
  it('reads 牵头 | 配合 under 责任单位, the sections as categories, the task as item and the measures as content', async () => {
    const result = await read(`f9-two-row-header.${ext}`);
    expect(result.tables.map((t) => [t.kind, t.year, t.title])).toEqual([['tasks', 2024, '2024年市政府工作报告重点任务分工方案']]);
    expect(tasks(result).map((r) => [r.no, r.category, r.item, r.leaders, r.leadUnits, r.relatedUnits, r.deadline?.text])).toEqual([
      [1, '一、扎实推进产业转型升级', '壮大先进制造业集群', ['王建国'], ['市工信局'], ['市发改委', '市科技局'], '12月底前'],
      [2, '一、扎实推进产业转型升级', '加快数字经济发展', ['王建国', '李红'], ['市数据局'], ['市工信局'], '三季度'],
      [3, '二、持续增进民生福祉', '办好人民满意教育', ['张伟'], ['市教育局'], ['市住建局', '市自然资源和规划局'], '2024年9月'],
    ]);
    expect(tasks(result)[1].content).toBe('建成5G基站1000个，"上云"企业新增500家。');
    expect(tasks(result)[0].deadline?.iso).toBe('2024-12-31');
    expect(result.tables[0].mapping?.columns.map((c) => c.role)).toEqual(['no', 'item', 'content', 'leaders', 'leadUnits', 'relatedUnits', 'deadline']);
    expect(codes(result)).toContain('column-guessed');
    expect(codes(result)).not.toContain('column-no-header');
  });
});

describe('every family', () => {
  const files = readdirSync(DIR).filter((f) => /\.(docx|xlsx|txt)$/.test(f));

  it.each(files)('%s: normalising the records again changes nothing, and every record has content and a lead unit', async (file) => {
    const result = await read(file);
    const again = normaliseTables(result.tables);
    expect(again.fixes).toEqual([]);
    expect(again.tables).toEqual(result.tables);
    const rows = result.tables.flatMap((t) => t.rows as (TaskRecord | ProjectRecord)[]);
    expect(rows.filter((r) => r.content.trim() === '' || r.leadUnits.length === 0)).toEqual([]);
    expect(result.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });
});
