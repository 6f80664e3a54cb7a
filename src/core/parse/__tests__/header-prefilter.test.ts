import { headerYearOf, mayNameRole, readHeaderRole } from '../column-roles.rules';

/** Words and pieces of headers, data cells and the characters that change a key (spaces, colons, brackets, traditional forms). */
const PIECES = [
  '序号', '门类', '项目', '项目名称', '指标名称', '内容和要求', '工作任务', '年度任务', '负责人', '分管副区长', '牵头单位', '责任单位',
  '相关单位', '完成时限', '时间节点', '目标值', '计量单位', '备注', '2023年', '工作目标', '三季度', '上半年', '全年', '6月底前', '十二月',
  '推进举措', '办结日期', '发改委', '住建局', '人民医院', '吴敬宇', '各有关镇（区）', '有关部门', '第1项任务：加快建设', '牽頭單位', '負責人',
  '列第一位的为牵头单位', '（', '）', '(', ')', '【', '】', '[', ']', '：', ':', ' ', '\u3000', '\n', '\u00a0', '说明', '注', '值', '长', '合',
];

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('mayNameRole', () => {
  it('is true for every cell the header reading finds a role in (random cells of header and data pieces)', () => {
    const next = rng(7);
    let roles = 0;
    for (let n = 0; n < 20000; n += 1) {
      const parts: string[] = [];
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i += 1) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
      // The same text as one paragraph and as paragraphs (joined without a separator, as header rows are read).
      const cut = Math.floor(next() * (parts.length + 1));
      const paragraphs = [parts.slice(0, cut).join(''), parts.slice(cut).join('')];
      const text = parts.join('');
      const role = readHeaderRole(text);
      if (role) roles += 1;
      if (role) {
        expect([text, mayNameRole([text])]).toEqual([text, true]);
        expect([text, mayNameRole(paragraphs)]).toEqual([text, true]);
      }
    }
    expect(roles).toBeGreaterThan(1000);
  });

  it('is false for names, units and empty cells', () => {
    expect(mayNameRole(['吴敬宇'])).toBe(false);
    expect(mayNameRole(['退役军人', '事务局'])).toBe(false);
    expect(mayNameRole(['', ' '])).toBe(false);
    expect(mayNameRole([])).toBe(false);
    expect(mayNameRole(['负责人', '：'])).toBe(true);
  });

  it('sends a bracketed cell to the full reading, whatever it ends with', () => {
    const text = '责任单位（列第一位的为牵头单位）汇总';
    expect(readHeaderRole(text)?.role).toBe('units-first-leads');
    expect(mayNameRole([text])).toBe(true);
    expect(mayNameRole(['负责人【注】'])).toBe(true);
  });
});

describe('headerYearOf', () => {
  it('reads the year of a year-task header, spaced or traditional, and none of other headers', () => {
    expect(headerYearOf('2024年工作任务')).toBe(2024);
    expect(headerYearOf(' 2023 年 度\n目標任務：')).toBe(2023);
    expect(headerYearOf('内容和要求')).toBeNull();
    expect(headerYearOf('2024工作任务')).toBeNull();
  });
});
