/** Issue 10, the pane's kind dropdown: a table's kind changed through the mapping applies to that table only. */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ParseResult } from '../../model/records.model';
import { readInput } from '../../flows/read-input.flow';
import { mappingFromRoles, overrideForHeaders, parseMappingText } from '../mapping.codec';

const F8 = join(__dirname, '../../../../test/fixtures/families/f8-extra-columns.xlsx');
const read = async (options = {}): Promise<ParseResult> => (await readInput(new Uint8Array(readFileSync(F8)), 'f8.xlsx', options)).result;

describe('a table kind set through the mapping', () => {
  it('changes the kind of the table whose headers it names, not the other tables of the document', async () => {
    const before = await read();
    expect(before.tables.map((t) => t.kind)).toEqual(['tasks', 'projects']);
    const first = before.tables[0].mapping!;
    const after = await read({ mapping: mappingFromRoles(first.columns, 'projects') });
    expect(after.tables.map((t) => [t.kind, t.mapping?.kind])).toEqual([['projects', 'projects'], ['projects', 'projects']]);
    expect(after.tables[0].rows.map((r) => ('name' in r ? r.content : null))).toEqual(before.tables[0].rows.map((r) => r.content));
    const projects = before.tables[1].mapping!;
    const back = await read({ mapping: mappingFromRoles(projects.columns, 'tasks') });
    expect(back.tables.map((t) => t.kind)).toEqual(['tasks', 'tasks']);
    expect(back.tables[1].rows.map((r) => ('item' in r ? r.item : null))).toEqual(['社区食堂建设', '口袋公园建设']);
    // Regression: the kind sent with one table's roles was forced on every table of the document.
    const indicators = await read({ mapping: mappingFromRoles(first.columns, 'indicators') });
    expect(indicators.tables.map((t) => [t.kind, t.mapping?.kind])).toEqual([['tasks', 'indicators'], ['projects', 'projects']]);
    const second = await read({ mapping: mappingFromRoles(projects.columns, 'indicators') });
    expect(second.tables.map((t) => [t.kind, t.mapping?.kind])).toEqual([['tasks', 'tasks'], ['tasks', 'indicators']]);
  });

  it('keeps applying to every table when it names no column (CLI `--map kind=…`)', async () => {
    const all = await read({ mapping: parseMappingText('kind=tasks') });
    expect(all.tables.map((t) => t.kind)).toEqual(['tasks', 'tasks']);
  });

  it('overrideForHeaders drops the kind for a table without the named headers, keeps the roles', () => {
    const override = { columns: { 重点任务: 'content' as const }, kind: 'projects' as const };
    expect(overrideForHeaders(override, ['序号', '重点任务'])).toBe(override);
    expect(overrideForHeaders(override, ['序号', '项目名称'])).toEqual({ columns: { 重点任务: 'content' } });
    expect(overrideForHeaders(null, ['序号'])).toBeNull();
  });
});
