import { matchHeaderRole, saysFirstLeads } from '../column-roles.rules';
import { parseDeadlineDate } from '../deadline.parser';
import { extractTrailingLabels, readLabelLine } from '../labels.rules';
import { layoutKey, parseMappingJson, parseMappingText, storeLayout } from '../mapping.codec';
import { readRoleWord, splitUnitList } from '../name-rules';
import { readNotice } from '../notice-reader';
import { parseGrids } from '../parse-document';
import { toSimplified } from '../traditional-chars';
import { makeDoc, makeGrid } from './grid-builders';

describe('header roles', () => {
  it.each([
    ['工作任务', 'content'],
    ['区政府分管领导', 'leaders'],
    ['分管市领导', 'leaders'],
    ['协作和配合单位', 'relatedUnits'],
    ['牽頭單位', 'leadUnits'],
    ['完 成\n时 限', 'deadline'],
    ['三季度', 'milestones'],
    ['责任单位（列第一位的为牵头单位）', 'units-first-leads'],
    ['指标名称', 'item'],
    ['目标值', 'target'],
    ['单位', 'unit-of-measure'],
    ['2024年工作任务', 'task'],
  ])('%s → %s', (header, role) => {
    expect(matchHeaderRole(header)?.role).toBe(role);
  });

  it('marks a role read from a word ending as a guess, and knows no role for a name', () => {
    expect(matchHeaderRole('推进举措')).toEqual({ role: 'content', sure: false });
    expect(matchHeaderRole('姓名')).toBeNull();
  });

  it('finds the first-leads sentence in simplified and traditional text', () => {
    expect(saysFirstLeads('责任单位中列第一位的为牵头单位，其他为配合单位')).toBe(true);
    expect(saysFirstLeads('責任單位排第一位的為牽頭單位')).toBe(true);
    expect(saysFirstLeads('各责任单位要加强配合')).toBe(false);
  });

  it('simplifies traditional characters one for one', () => {
    expect(toSimplified('穗府辦〔2006〕19號')).toBe('穗府办〔2006〕19号');
  });
});

describe('recognising other layouts', () => {
  it('warns about a guessed column, naming it, and keeps unknown columns as extra', () => {
    const result = parseGrids(makeDoc([makeGrid(['序号', '推进举措', '牵头单位', '资金来源'], [['1', '建设公园', '区林园局', '区级财政']])]), 'x');
    expect(result.tables[0].rows[0]).toMatchObject({ content: '建设公园', leadUnits: ['区林园局'], extra: { 资金来源: '区级财政' } });
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'column-guessed', severity: 'warning', value: '推进举措', field: 'content' }));
  });

  it('reads 重点任务 | 具体举措 as item and content (the first names the task), shown as a guess; a confirmed role stays', () => {
    const grid = makeGrid(['序号', '重点任务', '具体举措', '责任领导', '主要责任单位', '协同单位'], [['1', '壮大县域经济', '新增规上企业15家', '王建国', '县发改局', '县工信局、县商务局']]);
    const result = parseGrids(makeDoc([grid]), 'x');
    expect(result.tables[0].kind).toBe('tasks');
    expect(result.tables[0].rows[0]).toMatchObject({ item: '壮大县域经济', content: '新增规上企业15家', leadUnits: ['县发改局'], relatedUnits: ['县工信局', '县商务局'] });
    expect((result.tables[0].rows[0] as { extra?: unknown }).extra).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).not.toContain('table-column-duplicate');
    const guess = result.warnings.find((w) => w.code === 'column-guessed');
    expect(guess).toMatchObject({ value: '重点任务', field: 'item' });
    expect(guess?.message).toContain('具体举措');
    expect(result.tables[0].mapping?.columns[1]).toEqual({ header: '重点任务', role: 'item', guessed: true });
    const confirmed = parseGrids(makeDoc([grid]), 'x', { mapping: parseMappingText('重点任务=content') });
    expect(confirmed.tables[0].rows[0]).toMatchObject({ content: '壮大县域经济', extra: { 具体举措: '新增规上企业15家' } });
    // One content column, or an item column already there: nothing is inferred.
    const one = parseGrids(makeDoc([makeGrid(['序号', '重点任务', '牵头单位'], [['1', '壮大县域经济', '县发改局']])]), 'x');
    expect(one.tables[0].rows[0]).toMatchObject({ content: '壮大县域经济' });
    expect(one.warnings.map((w) => w.code)).not.toContain('column-guessed');
  });

  // Bug: 责任单位 spanning 牵头 | 配合 in a second header row read the sub-header as a record and
  // silently dropped the 配合 column (its header cell was the span's empty continuation).
  it('reads 牵头 | 配合 under a spanning 责任单位 as the lead and cooperating units', () => {
    const grid = makeGrid(['序号', '工作任务', '责任领导', { paragraphs: ['责任单位'], colSpan: 2 }, '完成时限'], [
      ['', '', '', '牵头', '配合', ''],
      ['1', '新培育专精特新企业20家', '王刚', '市工信局', '市发改委、市科技局', '12月底前'],
    ]);
    const result = parseGrids(makeDoc([grid], ['某市人民政府关于印发2024年市政府工作报告重点任务分工方案的通知']), 'x');
    expect(result.tables[0].rows).toHaveLength(1);
    // No 文号 or date: the year the notice's title names.
    expect(result.tables[0].year).toBe(2024);
    expect(result.tables[0].rows[0]).toMatchObject({ content: '新培育专精特新企业20家', leaders: ['王刚'], leadUnits: ['市工信局'], relatedUnits: ['市发改委', '市科技局'] });
    expect(result.tables[0].mapping?.columns.map((c) => [c.header, c.role])).toEqual([
      ['序号', 'no'], ['工作任务', 'content'], ['责任领导', 'leaders'], ['牵头责任单位', 'leadUnits'], ['配合责任单位', 'relatedUnits'], ['完成时限', 'deadline'],
    ]);
    // Short names under the header are data, not qualifiers.
    const names = parseGrids(makeDoc([makeGrid(['序号', '责任领导', '牵头单位', '工作任务'], [['', '张三', '区发改局', '']])]), 'x');
    expect(names.tables[0].rows[0]).toMatchObject({ leaders: ['张三'], leadUnits: ['区发改局'] });
  });

  // Bug: `一 | 扎实推进产业转型升级 | | |` was read as a record, the second such row filled from the record above.
  it('reads a section numeral in 序号 with its title beside it as a section row', () => {
    const grid = makeGrid(['序号', '重点工作', '分管领导', '牵头单位', '配合单位'], [
      ['一', '扎实推进产业转型升级', '', '', ''],
      ['1', '新增规上企业30家', '张区长', '区工信局', '区发改局'],
      ['二、', '持续增进民生福祉', '', '', ''],
      ['（一）', '办好教育', '', '', ''],
      ['2', '新建幼儿园3所', '李副区长', '区教育局', '区住建局'],
      ['三', '其他', '王五', '', ''],
    ]);
    const rows = parseGrids(makeDoc([grid]), 'x').tables[0].rows as { no?: number | null; category: string; item: string; content: string }[];
    // A sub-section (（一）) names the item under its section, as merged section rows do.
    expect(rows.map((r) => [r.no, r.category, r.item, r.content])).toEqual([
      [1, '一、扎实推进产业转型升级', '', '新增规上企业30家'],
      [2, '二、持续增进民生福祉', '（一）办好教育', '新建幼儿园3所'],
      // Three cells written: a record, as before.
      [null, '二、持续增进民生福祉', '（一）办好教育', '其他'],
    ]);
  });

  it('takes the first unit as the lead when a note row of the table says so (（注：责任单位中排在第一位的为牵头单位）)', () => {
    const grid = makeGrid([{ paragraphs: ['（注：责任单位中排在第一位的为牵头单位）'], colSpan: 4 }], [
      ['序号', '工作任务', '责任单位', '完成时限'],
      ['1', '新增规上企业30家', '县工信局、县发改局、县商务局', '12月底前'],
    ]);
    const result = parseGrids(makeDoc([grid]), 'x');
    expect(result.tables[0].rows[0]).toMatchObject({ leadUnits: ['县工信局'], relatedUnits: ['县发改局', '县商务局'] });
    expect(result.warnings.map((w) => w.code)).toContain('units-first-leads');
    // A data row that mentions 牵头 among other cells is no note.
    const plain = parseGrids(makeDoc([makeGrid(['序号', '工作任务', '责任单位'], [['1', '排在第一位的为牵头单位的做法', '县工信局、县发改局']])]), 'x');
    expect(plain.tables[0].rows[0]).toMatchObject({ leadUnits: ['县工信局', '县发改局'] });
  });

  it('reads a lone 时间节点 column of single dates as the deadline (a guess), and stage plans as milestones', () => {
    const header = ['序号', '工作任务', '牵头单位', '时间节点'];
    const dates = parseGrids(makeDoc([makeGrid(header, [['1', '甲', '区发改局', '9月底前'], ['2', '乙', '区财政局', ''], ['3', '丙', '区教育局', '长期坚持']])], ['关于印发2024年重点工作任务的通知']), 'x');
    expect((dates.tables[0].rows as { deadline?: { text: string; iso: string | null } }[]).map((r) => r.deadline)).toEqual([
      { text: '9月底前', iso: '2024-09-30' },
      // An empty cell is filled from the row above, as in a 完成时限 column (Word's merged cells come out empty).
      { text: '9月底前', iso: '2024-09-30' },
      { text: '长期坚持', iso: null },
    ]);
    expect(dates.tables[0].mapping?.columns[3]).toEqual({ header: '时间节点', role: 'deadline', guessed: true });
    expect(dates.warnings).toContainEqual(expect.objectContaining({ code: 'column-guessed', value: '时间节点', field: 'deadline' }));
    const plans = parseGrids(makeDoc([makeGrid(header, [['1', '甲', '区发改局', '6月底前完成招标；12月底前上线运行'], ['2', '乙', '区财政局', '9月底前']])]), 'x');
    expect((plans.tables[0].rows[1] as { milestones?: unknown }).milestones).toEqual([{ label: '时间节点', text: '9月底前' }]);
    const beside = parseGrids(makeDoc([makeGrid([...header, '完成时限'], [['1', '甲', '区发改局', '9月底前', '12月底前']])]), 'x');
    expect((beside.tables[0].rows[0] as { milestones?: unknown }).milestones).toEqual([{ label: '时间节点', text: '9月底前' }]);
    const confirmed = parseGrids(makeDoc([makeGrid(header, [['1', '甲', '区发改局', '9月底前']])]), 'x', { mapping: parseMappingText('时间节点=milestones') });
    expect((confirmed.tables[0].rows[0] as { deadline?: unknown }).deadline).toBeUndefined();
  });

  it('keeps the text of a column without a header in extra (第N列) and says so', () => {
    const grid = makeGrid(['序号', '工作任务', { paragraphs: ['责任单位'], colSpan: 2 }, '完成时限'], [
      ['1', '改造老旧小区30个', '市住建局', '各区政府', '10月底前'],
      ['2', '新建公园5个', '市园林局', '', '12月底前'],
    ]);
    const result = parseGrids(makeDoc([grid]), 'x');
    expect(result.tables[0].rows[0]).toMatchObject({ leadUnits: ['市住建局'], extra: { 第4列: '各区政府' } });
    expect((result.tables[0].rows[1] as { extra?: unknown }).extra).toBeUndefined();
    expect(result.warnings.filter((w) => w.code === 'column-no-header')).toEqual([expect.objectContaining({ severity: 'warning', value: '第4列', table: 0 })]);
    // An empty column without a header says nothing.
    const empty = parseGrids(makeDoc([makeGrid(['序号', '工作任务', '', '牵头单位'], [['1', '甲', '', '区发改局']])]), 'x');
    expect(empty.warnings.map((w) => w.code)).not.toContain('column-no-header');
    expect((empty.tables[0].rows[0] as { extra?: unknown }).extra).toBeUndefined();
  });

  it('applies a confirmed mapping and marks its columns confirmed', () => {
    const grid = makeGrid(['序号', '推进举措', '牵头单位', '资金来源'], [['1', '建设公园', '区林园局', '区级财政']]);
    const result = parseGrids(makeDoc([grid]), 'x', { mapping: parseMappingText('推进举措=content，资金来源=note') });
    expect(result.warnings.map((w) => w.code)).not.toContain('column-guessed');
    expect(result.tables[0].mapping?.columns[1]).toEqual({ header: '推进举措', role: 'content', confirmed: true });
  });

  it('reuses a stored layout for a table with the same headers', () => {
    const header = ['序号', '举措', '牵头单位', '责任单位'];
    const first = parseGrids(makeDoc([makeGrid(header, [['1', '甲', '区发改局', '区财政局']])]), 'x', { mapping: parseMappingText('举措=content,责任单位=relatedUnits') });
    const stored = storeLayout(first.tables[0].mapping!);
    expect(stored.layout).toBe(layoutKey(header));
    const again = parseGrids(makeDoc([makeGrid(header, [['1', '乙', '区教育局', '区财政局']])]), 'y', { layouts: [stored] });
    expect(again.tables[0].rows[0]).toMatchObject({ content: '乙', leadUnits: ['区教育局'], relatedUnits: ['区财政局'] });
  });

  it('gives table-unknown with the headers seen and how to map them', () => {
    const result = parseGrids(makeDoc([makeGrid(['姓名', '职务', '电话'], [['张三', '科长', '1']])]), 'x');
    expect(result.warnings[0]).toMatchObject({ code: 'table-unknown', value: '姓名 | 职务 | 电话' });
    expect(result.warnings[0].message).toContain('--map');
  });
});

describe('mapping text and JSON', () => {
  it('reads roles and aliases, and refuses an unknown role with a coded error', () => {
    expect(parseMappingText('工作 任务=content, 责任单位=first-leads, kind=tasks')).toEqual({ columns: { 工作任务: 'content', 责任单位: 'units-first-leads' }, kind: 'tasks' });
    expect(parseMappingJson('{"version":1,"columns":{"主要内容":"content"},"kind":"projects"}')).toEqual({ columns: { 主要内容: 'content' }, kind: 'projects' });
    expect(() => parseMappingText('工作任务=stuff')).toThrow(expect.objectContaining({ code: 'mapping-invalid' }));
    expect(() => parseMappingJson('[1]')).toThrow(expect.objectContaining({ code: 'mapping-invalid' }));
  });
});

describe('deadlines', () => {
  it.each([
    ['12月底前', '2023-12-31'],
    ['2023年6月', '2023-06-30'],
    ['三季度', '2023-09-30'],
    ['2024年3月15日前', '2024-03-15'],
    ['上半年', '2023-06-30'],
    ['6月前', null],
    ['6月底前招标，12月底前竣工', null],
    ['长期坚持', null],
  ])('%s → %s', (text, iso) => {
    expect(parseDeadlineDate(text, 2023)).toBe(iso);
  });

  it('needs a year for a month alone', () => {
    expect(parseDeadlineDate('12月底前', null)).toBeNull();
  });
});

describe('labels and unit lists', () => {
  it('reads labelled lines and trailing brackets, brackets inside values kept', () => {
    expect(readLabelLine('牽頭單位：區發改局')).toEqual([{ role: 'leadUnits', value: '區發改局' }]);
    expect(extractTrailingLabels('新建公园15个。（责任领导：吴芳；牵头单位：区林园局；责任单位：各区、县（市）政府）')).toEqual({
      rest: '新建公园15个。',
      labels: [
        { role: 'leaders', value: '吴芳' },
        { role: 'leadUnits', value: '区林园局' },
        { role: 'leadUnits', contextual: 'units', value: '各区、县（市）政府' },
      ],
    });
    expect(extractTrailingLabels('建设幼儿园（含配套）').labels).toEqual([]);
  });

  // Bug: labels in brackets separated by commas were read as one 牵头单位 value holding the others.
  it('splits bracketed labels at a comma only where a label follows', () => {
    expect(extractTrailingLabels('实施老旧小区改造80个。（牵头单位：市住建局，配合单位：市财政局，市自然资源和规划局, 完成时限：2025年11月）').labels).toEqual([
      { role: 'leadUnits', value: '市住建局' },
      { role: 'relatedUnits', value: '市财政局，市自然资源和规划局' },
      { role: 'deadline', value: '2025年11月' },
    ]);
    // A comma before a word that is no label stays in the value.
    expect(readLabelLine('牵头单位：市住建局，说明：见附件')).toEqual([{ role: 'leadUnits', value: '市住建局，说明：见附件' }]);
  });

  it('keeps 各区、县（市）政府（管委会） whole and reads role words', () => {
    expect(splitUnitList('各区、县（市）政府（管委会）、市财政局')).toEqual(['各区、县（市）政府（管委会）', '市财政局']);
    expect(readRoleWord('团市委配合落实')).toEqual({ name: '团市委', role: 'related' });
    expect(readRoleWord('市发改委（牵头）')).toEqual({ name: '市发改委', role: 'lead' });
    expect(readRoleWord('市发改委')).toBeNull();
  });
});

describe('notice metadata', () => {
  it('reads the issuer and city from the signature, and a title standing above the number', () => {
    const notice = readNotice(['成都市武侯区人民政府办公室关于印发重点任务分工方案的通知', '武府办发〔2024〕3号', '各街道：', '正文。', '成都市武侯区人民政府办公室', '2024年1月5日']);
    expect(notice).toMatchObject({ number: '武府办发〔2024〕3号', title: '成都市武侯区人民政府办公室关于印发重点任务分工方案的通知', date: '2024-01-05', issuer: '成都市武侯区人民政府办公室', city: '成都市武侯区', body: ['各街道：', '正文。'] });
  });
});
