import type { ParseResult, TaskRecord, TasksTable } from '../../model/records.model';

export function task(leaders: string[], leadUnits: string[], relatedUnits: string[] = [], content = '内容', category = '门类'): TaskRecord {
  return { category, item: '项目', content, leaders, leadUnits, relatedUnits, inherited: [] };
}

export function tasksTable(year: number, rows: TaskRecord[]): TasksTable {
  return { kind: 'tasks', title: `${year}年政府各项主要工作分解落实表`, year, rows };
}

export function result(tables: TasksTable[], title = '太仓市人民政府关于印发分解落实表的通知'): ParseResult {
  return { source: 'test.txt', notice: { number: null, title, date: null }, tables, fixes: [], warnings: [] };
}
