/** Issue 17: code points XML 1.0 forbids are removed where a document is read, each removal a fix naming the cell. */
import type { TaskRecord } from '../../model/records.model';
import { makeDocx, p, tbl, tc, tr } from '../../readers/__tests__/make-docx';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { normaliseTables } from '../normalise-tables';
import { parseDocument } from '../parse-document';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('forbidden code points are removed at read time and logged as fixes (issue 17)', () => {
  const header = tr(['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位'].map((t) => tc(p(t))));
  const entities = ['&#0;', '&#x1;', '&#xB;', '&#xC;', '&#x1F;', '&#xFFFE;', '&#xFFFF;', '&#xD800;', '&#xDC00;'];
  const rows = entities.map((e, i) => tr([`综合${e}指标`, `项目${i}${e}`, `内容${e}`, '吴敬宇', `发改委${e}`, ''].map((t) => tc(p(t)))));
  const docx = makeDocx(p(`2023年政府各项主要工作分解落实表&#xFFFE;`) + tbl([header, ...rows]));

  it('a .docx with each forbidden class in its cells reads clean, one fix per changed field, with the cell address in 修订记录', async () => {
    const result = await parseDocument(docx, 'dirty.docx');
    const rowsRead = result.tables[0].rows as TaskRecord[];
    expect(rowsRead.map((r) => r.item)).toEqual(entities.map((_, i) => `项目${i}`));
    expect(rowsRead.every((r) => r.category === '综合指标' && r.content === '内容' && r.leadUnits[0] === '发改委')).toBe(true);
    const removed = result.fixes.filter((f) => f.rule === 'xml-char-removed');
    expect(removed).toHaveLength(entities.length * 4);
    expect(removed.find((f) => f.row === 5 && f.field === 'item')).toMatchObject({ from: '项目5[U+FFFE]', to: '项目5' });
    expect(result.warnings.map((w) => w.code)).toContain('xml-char-removed');
    expect(result.notice.title ?? '').not.toMatch(FORBIDDEN);
    const plan = buildWorkbookPlan({ results: [result], today: '2023-07-01' });
    const fixesSheet = plan.sheets.find((s) => s.name === '修订记录');
    const fixRow = fixesSheet?.rows.find((r) => r[5] === '项目5[U+FFFE]');
    expect(fixRow?.[3]).toMatch(/^'主要工作'!D7$/);
  });

  it('normalising the cleaned records again removes nothing (idempotent)', async () => {
    const result = await parseDocument(docx, 'dirty.docx');
    expect(normaliseTables(result.tables).fixes).toEqual([]);
  });
});
