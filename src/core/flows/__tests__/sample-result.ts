import type { ParseResult } from '../../index';

/** A small parse result in the shape the readers produce (two tables, names, an inherited field). */
export function makeSampleResult(): ParseResult {
  return {
    source: 'sample.txt',
    notice: { number: null, title: null, date: null },
    tables: [
      {
        kind: 'tasks',
        title: '2023年政府各项主要工作分解落实表',
        year: 2023,
        rows: [
          { category: '综合指标', item: '地区生产总值', content: '增长5%左右', leaders: ['吴敬宇'], leadUnits: ['发改委'], relatedUnits: ['各镇（区）有关部门'], inherited: [] },
          { category: '综合指标', item: '一般公共预算收入', content: '=增长5%', leaders: ['胡卫江', '吴敬宇'], leadUnits: ['财政局'], relatedUnits: ['税务局'], inherited: ['category'] },
        ],
      },
      {
        kind: 'projects',
        title: '2023年民生实事项目情况表',
        year: 2023,
        rows: [{ no: 1, category: '教育文体', name: '幼儿园', content: '新建', task: '竣工投用。', leaders: ['倪嘉臻'], leadUnits: ['教育局'], relatedUnits: ['高新区'], inherited: [] }],
      },
    ],
    fixes: [{ table: 0, row: 0, field: 'leaders', from: '吴 敬 宇', to: '吴敬宇', rule: 'unpad-name' }],
    warnings: [],
  };
}
