/** Defect 14 (issue 11): the export's table layout — rows that may split, widths by content, alignment, repeated merges. */
import { strFromU8, unzipSync } from 'fflate';
import type { ProjectRecord, ProjectsTable } from '../../model/records.model';
import { columnsFor } from '../docx-columns';
import { writeNoticeDocx } from '../docx.writer';
import { cellLines, paragraphLines, textEm } from '../line-break.rules';
import { computeWidths, planTableLayout } from '../table-layout.planner';
import { makeProjectsTable, makeTasksTable } from './export-fixtures';

const WIDTH = 12756;
const HEIGHT = 8844;

function documentXml(tables: Parameters<typeof writeNoticeDocx>[0]['tables']): string {
  return strFromU8(unzipSync(writeNoticeDocx({ tables }).bytes)['word/document.xml']);
}

function project(no: number, category: string, content: string, task: string): ProjectRecord {
  return { no, category, name: `项目${no}`, content, task, leaders: ['倪嘉臻'], leadUnits: ['教育局'], relatedUnits: ['高新区'], inherited: [] };
}

const LONG = '新建一所二十四轨七十二班高中，建筑面积约十二万平方米，配套建设体育馆、图书馆、实验楼和学生宿舍。'.repeat(4);

describe('defect 14: export layout', () => {
  it('lets a tall row break across pages and still repeats the header row (regression: every row had w:cantSplit)', () => {
    const table = makeProjectsTable();
    table.rows[0].content = LONG.repeat(3);
    const rows = documentXml([table]).split('<w:tr>').slice(1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:cantSplit/>');
    expect(rows[1]).not.toContain('<w:cantSplit/>');
    // a one-line row stays whole
    expect(rows[4]).toContain('<w:cantSplit/>');
  });

  it('sizes the two text columns by their text (regression: fixed 62 % / 38 % shares)', () => {
    const table = makeProjectsTable();
    const columns = columnsFor(table);
    const content = columns.findIndex((c) => c.header === '主要建设内容');
    const task = columns.findIndex((c) => c.header.endsWith('工作任务'));
    const long = { ...table, rows: table.rows.map((r) => ({ ...r, content: LONG, task: '竣工。' })) };
    const wide = computeWidths(columns, long.rows, WIDTH, 12);
    expect(wide[content]).toBeGreaterThan(wide[task] * 2);
    const swapped = { ...table, rows: table.rows.map((r) => ({ ...r, content: '新建。', task: LONG })) };
    const narrow = computeWidths(columns, swapped.rows, WIDTH, 12);
    expect(narrow[task]).toBeGreaterThan(narrow[content] * 2);
    for (const w of [wide, narrow]) expect(w.reduce((a, b) => a + b, 0)).toBe(WIDTH);
  });

  it('aligns narrow text cells left, not justified (regression: characters spread apart)', () => {
    const table = makeProjectsTable();
    table.rows.forEach((r) => (r.content = LONG));
    const layout = planTableLayout(columnsFor(table), table.rows, WIDTH, 12, HEIGHT);
    const headers = columnsFor(table).map((c) => c.header);
    expect(layout.aligns[headers.findIndex((h) => h.endsWith('工作任务'))]).toBe('left');
    const doc = documentXml([table]);
    expect(doc).toContain('<w:pStyle w:val="FjCellLeft"/>');
    // the wide 内容和要求 column of the tasks table stays justified
    const tasks = makeTasksTable();
    expect(planTableLayout(columnsFor(tasks), tasks.rows, WIDTH, 12, HEIGHT).aligns[2]).toBe('both');
  });

  it('repeats the 分类 of a group taller than a page, so a continuation page shows it (regression: one merge over many pages)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => project(i + 1, '教育文体', LONG.slice(0, 40), '竣工投用。'));
    const table: ProjectsTable = { kind: 'projects', title: '民生实事', year: 2023, rows };
    const layout = planTableLayout(columnsFor(table), rows, WIDTH, 12, HEIGHT);
    const category = layout.merges[1];
    const restarts = category.map((m, i) => (m === 'restart' ? i : -1)).filter((i) => i >= 0);
    expect(restarts.length).toBeGreaterThan(3);
    const doc = documentXml([table]);
    expect((doc.match(/>教育文体</g) ?? []).length).toBe(restarts.length + category.filter((m) => m === null).length);
    // a short group is still one merge
    const short = makeProjectsTable();
    expect(planTableLayout(columnsFor(short), short.rows, WIDTH, 12, HEIGHT).merges[1].filter((m) => m === 'restart')).toHaveLength(1);
  });
});

describe('line breaking estimate', () => {
  it('counts CJK as one width and Latin as half', () => {
    expect(textEm('增长5%左右')).toBe(5);
    expect(textEm('PM2.5')).toBe(2.5);
    expect(paragraphLines('一二三四五六', 3)).toBe(2);
    expect(paragraphLines('一二三四五六七', 3)).toBe(3);
    expect(cellLines([], 4)).toBe(1);
    expect(cellLines(['发改委', '工信局'], 4)).toBe(2);
  });

  it('keeps closing punctuation off the start of a line and opening brackets off its end (禁则)', () => {
    // 各有关镇（区）有关部门 at 6 per line: （区 cannot stay apart from ）, so （区） moves down
    expect(paragraphLines('各有关镇（区）有关部门', 6)).toBe(3);
    // without the rules each would take two lines
    expect(paragraphLines('一二三，四五', 3)).toBe(3);
    expect(paragraphLines('一二（三四五', 3)).toBe(3);
  });

  it('keeps a Latin or digit run whole and breaks one longer than the line', () => {
    expect(paragraphLines('一二12345', 4)).toBe(2);
    expect(paragraphLines('abcdefghijklmnopqrst', 4)).toBe(3);
  });
});
