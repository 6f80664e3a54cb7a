/**
 * The normaliser's cheap pre-checks (issue 10, parse speed) must decide exactly as the regexes
 * and full rounds they stand in for.
 */
import type { ParsedTable, TaskRecord } from '../../model/records.model';
import { isCompleteUnit, readRoleWord } from '../name-rules';
import { normaliseTables } from '../normalise-tables';
import { isSpaceCode } from '../text-rules';

const record = (leadUnits: string[]): TaskRecord => ({ category: '门类', item: '项目', content: '内容', leaders: [], leadUnits, relatedUnits: [], inherited: [] });

describe('normaliser fast paths', () => {
  it('isSpaceCode is `\\s` for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c += 1) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('isCompleteUnit decides as the ending regex it replaced', () => {
    const UNIT_END = /(?:[局委办区镇院团部门心司会所队站行社处联关组馆协厂校台署府室科园场库]|企业|街道|单位|[）)】])$/;
    const names = ['', '局', '发改局', '退役军人', '国有企业', '企', '业', '街道', '道', '单位', '位', '各镇（区）', '（', '集团)', '学校】', '中心x', '\ud83d\ude00', '团市委', '海关'];
    for (const name of names) expect([name, isCompleteUnit(name)]).toEqual([name, UNIT_END.test(name)]);
  });

  it('readRoleWord still reads every role word (its last-character check rejects no role word)', () => {
    const words = ['（牵头）', '(主办)', '（负责)', '(配合）', '（协办）', '（协助）', '（参与）', '牵头落实', '牵头负责', '牵头', '配合落实', '配合', '协助落实', '协助', '参与'];
    for (const word of words) expect(readRoleWord(`区发改局${word}`)?.name).toBe('区发改局');
    expect(readRoleWord('配合')).toBeNull();
    expect(readRoleWord('区发改局')).toBeNull();
  });

  it('regression: a name that loses its standalone place in one round joins in the next', () => {
    // `（农业局` stands first in row 0 until it joins there; only then may row 1 join `市` + `（农业局`.
    const table = { kind: 'tasks', year: 2023, rows: [record(['（农业局', '）']), record(['市', '（农业局'])] } as unknown as ParsedTable;
    const result = normaliseTables([table]);
    expect((result.tables[0].rows as TaskRecord[]).map((r) => r.leadUnits)).toEqual([['（农业局）'], ['市（农业局']]);
    expect(result.fixes.map((f) => [f.row, f.to])).toEqual([
      [0, '（农业局）'],
      [1, '市（农业局'],
    ]);
    expect(normaliseTables(result.tables).fixes).toEqual([]);
  });

  it('regression: an empty cell written as [\'\'] is empty as [] is (they share a memo key), and inherits', () => {
    const rows = [record(['发改委']), { ...record([]), relatedUnits: [] }, { ...record(['']), relatedUnits: [''] }];
    rows[0].relatedUnits = ['财政局'];
    const table = { kind: 'tasks', year: 2023, rows } as unknown as ParsedTable;
    const out = normaliseTables([table]).tables[0].rows as TaskRecord[];
    expect(out.map((r) => [r.leadUnits, r.relatedUnits])).toEqual([
      [['发改委'], ['财政局']],
      [['发改委'], ['财政局']],
      [['发改委'], ['财政局']],
    ]);
  });

  it('a repeated cell is joined by its memo within one normalisation only (the standalone units differ between them)', () => {
    const rows = (cells: string[][]): ParsedTable => ({ kind: 'tasks', year: 2023, rows: cells.map((c) => record(c)) }) as unknown as ParsedTable;
    const split = ['退役军人', '事务局'];
    const joined = normaliseTables([rows([split, split, split])]);
    expect((joined.tables[0].rows as TaskRecord[]).map((r) => r.leadUnits)).toEqual([['退役军人事务局'], ['退役军人事务局'], ['退役军人事务局']]);
    expect(joined.fixes.map((f) => f.row)).toEqual([0, 1, 2]);
    // `事务局` stands first in a cell here, so the same cell must stay as it is.
    const kept = normaliseTables([rows([split, split, ['事务局'], split])]);
    expect((kept.tables[0].rows as TaskRecord[]).map((r) => r.leadUnits)).toEqual([split, split, ['事务局'], split]);
    expect(kept.fixes).toEqual([]);
  });

  it('regression: repeated cells (finished through their memos) still join in the next round where a name lost its standalone place', () => {
    const cells = [['（农业局', '）'], ['（农业局', '）'], ['市', '（农业局'], ['市', '（农业局'], ['市', '（农业局']];
    const table = { kind: 'tasks', year: 2023, rows: cells.map((c) => record(c)) } as unknown as ParsedTable;
    const result = normaliseTables([table]);
    expect((result.tables[0].rows as TaskRecord[]).map((r) => r.leadUnits)).toEqual([['（农业局）'], ['（农业局）'], ['市（农业局'], ['市（农业局'], ['市（农业局']]);
    expect(result.fixes.map((f) => f.row)).toEqual([0, 1, 2, 3, 4]);
    expect(normaliseTables(result.tables).fixes).toEqual([]);
  });

  it('regression: a name a join took out of one cell keeps its standalone place where another cell has it stand alone', () => {
    const cells = [['（农业局', '）'], ['（农业局'], ['市', '（农业局'], ['（农业局', '）']];
    const table = { kind: 'tasks', year: 2023, rows: cells.map((c) => record(c)) } as unknown as ParsedTable;
    const result = normaliseTables([table]);
    expect((result.tables[0].rows as TaskRecord[]).map((r) => r.leadUnits)).toEqual([['（农业局）'], ['（农业局'], ['市', '（农业局'], ['（农业局）']]);
    expect(normaliseTables(result.tables).fixes).toEqual([]);
  });

  it('finds lone surrogate halves in neighbouring fields that would pair if the texts were joined', () => {
    const row = { ...record(['发改委']), category: '门类\ud83d', item: '\ude00项目' };
    const table = { kind: 'tasks', year: 2023, rows: [row] } as unknown as ParsedTable;
    const result = normaliseTables([table]);
    expect((result.tables[0].rows[0] as TaskRecord).category).toBe('门类');
    expect((result.tables[0].rows[0] as TaskRecord).item).toBe('项目');
    expect(result.fixes.map((f) => [f.field, f.rule])).toEqual([
      ['category', 'xml-char-removed'],
      ['item', 'xml-char-removed'],
    ]);
  });

  it('keeps the id first, also where a forbidden character cleaned an id away', () => {
    const withId = { ...record(['发改委']), id: '\ufffe' };
    const table = { kind: 'tasks', year: 2023, rows: [withId, record(['财政局'])] } as unknown as ParsedTable;
    const rows = normaliseTables([table]).tables[0].rows as TaskRecord[];
    expect(rows.map((r) => Object.keys(r)[0])).toEqual(['id', 'id']);
    expect(rows.map((r) => r.id)).toEqual(['2023-T-001', '2023-T-002']);
  });
});
