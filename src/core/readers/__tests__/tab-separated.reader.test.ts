/**
 * A table saved as plain text with TABs between cells (copied from Excel or Word): read into grids,
 * and through the same recogniser into records, as the .docx of that table would be.
 */
import { parseGrids } from '../../parse/parse-document';
import { isTabSeparated, readTabSeparated } from '../tab-separated.reader';
import { readTextString } from '../text.reader';

const NOTICE = [
  '某县人民政府关于印发2025年重点工作任务分解表的通知',
  '某政发〔2025〕3号',
  '附件1\t重点工作任务分解表',
  '序号\t工作任务\t责任领导\t牵头单位\t配合单位\t完成时限',
  '1\t新增规上企业30家\t张三\t县工信局\t县发改局、县商务局\t12月底前',
  '',
  '2\t"新建幼儿园3所，',
  '改扩建小学2所"\t"李四',
  '王五"\t县教育局\t"县住建局\t县财政局"\t2025年9月',
  '3\t"引进""链主""企业1家"\t张三\t县商务局\t\t三季度',
  '附件2',
  '序号\t项目名称\t建设内容\t牵头单位\t完成时限',
  '1\t城南公园\t新建公园1个\t县园林局\t10月底前',
].join('\n');

describe('tab-separated text', () => {
  it('reads rows a line, quoted cells across lines, blank lines inside a table, text between tables', () => {
    const doc = readTabSeparated(NOTICE.split('\n'));
    expect(doc.grids).toHaveLength(2);
    const [tasks, projects] = doc.grids;
    // The title line holds a TAB: a row above the header, where the recogniser looks for the title.
    expect(tasks.rows[0].cells.map((c) => c.paragraphs)).toEqual([['附件1'], ['重点工作任务分解表']]);
    expect(tasks.rows).toHaveLength(5);
    expect(tasks.rows[3].cells.map((c) => c.paragraphs)).toEqual([['2'], ['新建幼儿园3所，', '改扩建小学2所'], ['李四', '王五'], ['县教育局'], ['县住建局\t县财政局'], ['2025年9月']]);
    expect(tasks.rows[4].cells[1].paragraphs).toEqual(['引进"链主"企业1家']);
    expect(tasks.before).toEqual(['某县人民政府关于印发2025年重点工作任务分解表的通知', '某政发〔2025〕3号']);
    expect(projects.before).toEqual(['附件2']);
    expect(doc.paragraphs.slice(0, 2)).toEqual(['某县人民政府关于印发2025年重点工作任务分解表的通知', '某政发〔2025〕3号']);
  });

  it('parses into records as a .docx of the same table would', () => {
    const result = parseGrids(readTextString(NOTICE), 'x.txt');
    expect(result.notice.number).toBe('某政发〔2025〕3号');
    expect(result.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([['tasks', 2025, 3], ['projects', 2025, 1]]);
    expect(result.tables[0].rows[1]).toMatchObject({ content: '新建幼儿园3所，\n改扩建小学2所', leaders: ['李四', '王五'], leadUnits: ['县教育局'], deadline: { text: '2025年9月', iso: '2025-09-30' } });
    expect(result.tables[1].rows[0]).toMatchObject({ name: '城南公园', content: '新建公园1个', leadUnits: ['县园林局'] });
  });

  it('keeps the Tika form (a TAB starting each cell line) when a title line holds a TAB', () => {
    const tika = ['附件1\t分解表', '\t门类', '\t项目', '\t内容和要求', ''].join('\n').split('\n');
    expect(isTabSeparated(tika)).toBe(false);
    expect(isTabSeparated(NOTICE.split('\n'))).toBe(true);
  });

  it('takes a quote that is never closed as text', () => {
    const doc = readTabSeparated(['序号\t工作任务\t牵头单位', '1\t"开头的引号\t县工信局'].join('\n').split('\n'));
    expect(doc.grids[0].rows[1].cells.map((c) => c.paragraphs[0])).toEqual(['1', '"开头的引号', '县工信局']);
  });
});
