import { readFileSync } from 'fs';
import { join } from 'path';
import type { ParseResult, ProjectRecord, TaskRecord } from '../../model/records.model';
import { readTextDocument } from '../../readers/text.reader';
import { encodeGb18030, encodeUtf16, encodeUtf8 } from '../../readers/__tests__/encode-text';
import { normaliseTables } from '../normalise-tables';
import { parseGrids } from '../parse-document';

const SEED_2023 = '000_8040c5413e4a8407.txt';
const SEED_2021 = '002_9a155e4ec979336d.txt';
const seedText = (name: string): string => readFileSync(join(__dirname, '../../../../seeds', name), 'utf8');
const parseBytes = (bytes: Uint8Array, name: string): ParseResult => parseGrids(readTextDocument(bytes), name);
const parseSeed = (name: string): ParseResult => parseBytes(encodeUtf8(seedText(name)), name);

const tasks = (result: ParseResult): TaskRecord[] => result.tables.find((t) => t.kind === 'tasks')?.rows as TaskRecord[];
const projects = (result: ParseResult): ProjectRecord[] => result.tables.find((t) => t.kind === 'projects')?.rows as ProjectRecord[];
const allNames = (result: ParseResult, field: 'leaders' | 'leadUnits' | 'relatedUnits'): string[] =>
  result.tables.flatMap((t) => (t.rows as (TaskRecord | ProjectRecord)[]).flatMap((r) => r[field]));

describe.each([
  [SEED_2023, 2023, 88, 22, '吴敬宇 胡卫江 王莉萍 张展 祝真旭 盛海峰 傅玖 郑丙华 倪嘉臻 陈磊'],
  [SEED_2021, 2021, 131, 26, '吴敬宇 汪香元 许超震 张顺 韩飚 郑丙华 邵建 顾建康 周强'],
])('seed %s', (name, year, taskCount, projectCount, leaderList) => {
  const result = parseSeed(name);

  it('reads the task and project counts with titles and year', () => {
    expect(result.tables.map((t) => [t.kind, t.year, t.rows.length])).toEqual([
      ['tasks', year, taskCount],
      ['projects', year, projectCount],
    ]);
    expect(result.tables[0].title).toBe(`${year}年政府各项主要工作分解落实表`);
    expect(result.tables[1].title).toBe(`${year}年民生实事项目情况表`);
  });

  it('finds exactly the leaders of the year', () => {
    expect(new Set(allNames(result, 'leaders'))).toEqual(new Set(leaderList.split(' ')));
  });

  it('leaves no whitespace, empty value or enumeration comma outside brackets in any name', () => {
    const names = [...allNames(result, 'leaders'), ...allNames(result, 'leadUnits'), ...allNames(result, 'relatedUnits')];
    expect(names.filter((n) => /[\s\u3000]/.test(n) || n === '' || /、(?![^（]*）)/.test(n))).toEqual([]);
  });

  it('gives every record a category, an item or name, and an id in table order', () => {
    expect(tasks(result).filter((r) => !r.category || !r.item)).toEqual([]);
    expect(projects(result).filter((r) => !r.category || !r.name || r.no === null)).toEqual([]);
    expect(tasks(result).map((r) => r.id)).toEqual(tasks(result).map((_, i) => `${year}-T-${String(i + 1).padStart(3, '0')}`));
    expect(projects(result)[0].id).toBe(`${year}-P-001`);
  });

  it('is idempotent: normalising the output again changes nothing', () => {
    const again = normaliseTables(result.tables);
    expect(again.fixes).toEqual([]);
    expect(again.tables).toEqual(result.tables);
  });

  it('reads GB18030, UTF-16 with BOM and CRLF variants to the same records', () => {
    const text = seedText(name);
    for (const bytes of [encodeGb18030(text), encodeUtf16(text, 'le', true), encodeUtf8(text.replace(/\n/g, '\r\n'), true)]) {
      const variant = parseBytes(bytes, name);
      expect(variant.tables).toEqual(result.tables);
      expect(variant.notice).toEqual(result.notice);
    }
  });
});

describe('pinned rows of the 2023 seed', () => {
  const result = parseSeed(SEED_2023);

  it('joins 退役军人\\n事务局 into one unit in its row', () => {
    const row = tasks(result).find((r) => r.leadUnits.includes('退役军人事务局'));
    expect(row?.leadUnits).toEqual(['民政局', '退役军人事务局', '妇联', '残联']);
    expect(row?.leaders).toEqual(['倪嘉臻', '陈磊']);
    expect(allNames(result, 'leadUnits')).not.toContain('事务局');
  });

  it('splits `吴敬宇  郑丙华` and `资源规划局           住建局` into two names each', () => {
    const fix = result.fixes.find((f) => f.from === '吴敬宇  郑丙华');
    expect(fix?.rule).toBe('split-names');
    const row = tasks(result)[fix?.row ?? -1];
    expect(row.leaders).toEqual(['吴敬宇', '郑丙华']);
    expect(row.leadUnits).toEqual(['资源规划局', '住建局']);
  });

  it('reads the two sub-rows of 民生实事 item 1 as two records numbered 1', () => {
    const [first, second] = projects(result);
    expect([first.no, second.no]).toEqual([1, 1]);
    expect(first.content.startsWith('城南幼儿园')).toBe(true);
    expect(second.content.startsWith('城北幼儿园')).toBe(true);
    expect(second.name).toBe(first.name);
    expect(second.inherited).toEqual(expect.arrayContaining(['no', 'category', 'name', 'leaders', 'leadUnits']));
    expect(second.relatedUnits).toEqual(['城厢镇']);
    expect(projects(result)[2].no).toBe(2);
  });

  it('joins vertical text and generic units split over lines', () => {
    expect(tasks(result)[0]).toMatchObject({ category: '综合指标', relatedUnits: ['各镇（区）有关部门'], inherited: [] });
    expect(tasks(result)[1].inherited).toEqual(expect.arrayContaining(['category']));
    expect(allNames(result, 'leadUnits')).toContain('农业农村局');
  });

  it('keeps 各镇（区、街道） whole and splits 人民医院、太訸集团', () => {
    expect(allNames(result, 'relatedUnits')).toContain('各镇（区、街道）');
    expect(projects(result).find((r) => r.relatedUnits.includes('人民医院'))?.relatedUnits).toEqual(['人民医院', '太訸集团']);
  });

  it('has no notice', () => {
    expect(result.notice).toEqual({ number: null, title: null, date: null });
  });
});

describe('pinned rows of the 2021 seed', () => {
  const result = parseSeed(SEED_2021);

  it('reads the notice number, title, date and body', () => {
    expect(result.notice).toMatchObject({ number: '太政发〔2021〕9号', date: '2021-02-07', title: '关于分解落实2021年政府各项主要工作任务和民生实事项目的通知' });
    expect(result.notice.body?.[0].startsWith('各镇人民政府')).toBe(true);
  });

  it('strips the stray characters before 致力 in 门类 headings and records each fix', () => {
    const stray = result.fixes.filter((f) => f.rule === 'strip-stray-prefix');
    expect(stray.map((f) => f.from)).toContain('致致力推动量质齐升，共谋产业升级新突破');
    for (const fix of stray) {
      expect(fix.to.startsWith('致力')).toBe(true);
      expect(tasks(result)[fix.row].category).toBe(fix.to);
    }
    expect(new Set(tasks(result).map((r) => r.category)).size).toBe(9);
  });

  it('pads the last row (7 of 8 cells) and warns about it', () => {
    const last = projects(result)[projects(result).length - 1];
    expect(last).toMatchObject({ no: 26, leaders: ['吴敬宇'], leadUnits: ['行政审批局'] });
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'row-incomplete' })]);
  });

  it('splits `郑丙华 周  强` into 郑丙华 and 周强 and unpads 张  顺', () => {
    expect(result.fixes.find((f) => f.from === '郑丙华 周  强')).toMatchObject({ rule: 'split-names', to: '郑丙华\n周强' });
    expect(result.fixes.find((f) => f.from === '张  顺')).toMatchObject({ rule: 'unpad-name', to: '张顺' });
  });
});
