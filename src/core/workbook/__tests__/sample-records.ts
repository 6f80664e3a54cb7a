/** Hand-made records for the workbook tests (not seed answers). */
import type { ParseResult, ProjectRecord, TaskRecord } from '../../model/records.model';

export function makeTask(i: number, extra: Partial<TaskRecord> = {}): TaskRecord {
  return {
    category: `致力门类${Math.floor(i / 3)}`,
    item: `项目${i}`,
    content: `内容${i}：增长${i}%左右`,
    leaders: i % 2 ? ['吴敬宇', '郑丙华'] : ['王莉萍'],
    leadUnits: i % 3 ? ['发改委'] : ['工信局', '商务局'],
    relatedUnits: ['各镇（区、街道）', '海关'],
    inherited: i % 3 ? ['category'] : [],
    ...extra,
  };
}

export function makeProject(i: number, extra: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    no: i + 1,
    category: '教育文体',
    name: `项目名称${i}`,
    content: `1.东郊幼儿园；2.板桥初中${i}`,
    task: '竣工投用。',
    leaders: ['倪嘉臻'],
    leadUnits: ['教育局'],
    relatedUnits: ['高新区', '城厢镇'],
    inherited: [],
    ...extra,
  };
}

export function makeResult(tasks = 6, projects = 3, year = 2023): ParseResult {
  return {
    source: 'sample.txt',
    notice: { number: null, title: null, date: null },
    tables: [
      { kind: 'tasks', title: `${year}年政府各项主要工作分解落实表`, year, rows: Array.from({ length: tasks }, (_, i) => makeTask(i)) },
      { kind: 'projects', title: `${year}年民生实事项目情况表`, year, rows: Array.from({ length: projects }, (_, i) => makeProject(i)) },
    ],
    fixes: [{ table: 0, row: 1, field: 'leaders', from: '吴敬宇  郑丙华', to: '吴敬宇、郑丙华', rule: 'split-names' }],
    warnings: [],
  };
}
