/**
 * 确认列映射 in the pane's preview, one table at a time. Regression: changing a role re-read the
 * file with only that table's roles, so a change made to another table just before, and the
 * layouts the workbook had stored, were lost (and the roles spilled onto other tables by header).
 */
import { parseGrids } from '../../parse/parse-document';
import { storeLayout } from '../../parse/mapping.codec';
import { makeDoc, makeGrid } from '../../parse/__tests__/grid-builders';
import { planRemap } from '../mapping.flow';
import type { ColumnRole, ParseResult } from '../../model/records.model';

const A = makeGrid(['序号', '举措', '牵头单位', '资金来源', ''], [['1', '建设公园', '区林园局', '区级财政', '']], ['2023年城建重点任务分解表'], 0);
const B = makeGrid(['序号', '举措', '责任单位', '资金来源'], [['1', '修路', '区交通局', '专项债']], ['2023年交通重点任务分解表'], 1);
const doc = makeDoc([A, B]);

function rolesOf(result: ParseResult, table: number): Record<string, ColumnRole> {
  return Object.fromEntries((result.tables[table].mapping?.columns ?? []).map((c) => [c.header, c.role]));
}

function edit(result: ParseResult, table: number, header: string, role: ColumnRole, stored: unknown = undefined): ParseResult {
  const mapping = result.tables[table].mapping!;
  const columns = mapping.columns.map((c) => ({ header: c.header, role: c.header === header ? role : c.role }));
  return parseGrids(doc, 'x', planRemap(result, stored, { mapping, columns }));
}

describe('planRemap', () => {
  it('reads the two tables as two (their titles differ)', () => {
    expect(parseGrids(doc, 'x').tables.map((t) => t.title)).toEqual(['2023年城建重点任务分解表', '2023年交通重点任务分解表']);
  });

  it('keeps the change made to one table when another table is changed next, and changes no other table', () => {
    const first = parseGrids(doc, 'x');
    expect(rolesOf(first, 0).资金来源).toBe('unknown');
    const afterA = edit(first, 0, '资金来源', 'note');
    expect(rolesOf(afterA, 0).资金来源).toBe('note');
    expect(rolesOf(afterA, 1).资金来源).toBe('unknown');
    const afterB = edit(afterA, 1, '责任单位', 'relatedUnits');
    expect(rolesOf(afterB, 0).资金来源).toBe('note');
    expect(rolesOf(afterB, 1)).toMatchObject({ 责任单位: 'relatedUnits', 资金来源: 'unknown' });
    expect(afterB.tables[0].mapping?.columns.find((c) => c.header === '资金来源')).toMatchObject({ role: 'note', confirmed: true });
    expect(afterB.tables[1].rows[0]).toMatchObject({ content: '修路', relatedUnits: ['区交通局'] });
  });

  it("keeps the workbook's stored layouts for the tables not being changed", () => {
    const stored = [storeLayout(edit(parseGrids(doc, 'x'), 1, '资金来源', 'note').tables[1].mapping!)];
    const first = parseGrids(doc, 'x', { layouts: stored });
    expect(rolesOf(first, 1).资金来源).toBe('note');
    // Confirming table A's guessed 举措 sends A's 资金来源=unknown too: it must not reach table B.
    const afterA = edit(first, 0, '举措', 'content', stored);
    expect(rolesOf(afterA, 0)).toMatchObject({ 举措: 'content', 资金来源: 'unknown' });
    expect(rolesOf(afterA, 1).资金来源).toBe('note');
  });
});
