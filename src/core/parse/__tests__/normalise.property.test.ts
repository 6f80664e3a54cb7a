import fc from 'fast-check';
import type { ParseResult, ProjectRecord, TaskRecord } from '../../model/records.model';
import { readTextDocument, readTextString } from '../../readers/text.reader';
import { normaliseTables } from '../normalise-tables';
import { parseGrids } from '../parse-document';
import { makeDoc, makeGrid, PROJECT_HEADER, TASK_HEADER } from './grid-builders';

/** Pieces of the seeds' quirks, combined at random. */
const PIECES = ['吴敬宇', '张  展', '周  强', '郑丙华 周  强', '吴敬宇  郑丙华', '退役军人', '事务局', '农业', '农村局', '各有关镇（区）', '有关部门',
  '各镇（区、街道）', '人民医院、太訸集团', '海  关', '  ', '', '综', '合', '致致力推动，共谋', '加致力深化，共谱', '致力强化，共育', '1', '2', '（', '）', '、', ' ', '\u3000', 'x'];
const cellText = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).chain((parts) =>
  fc.array(fc.constantFrom('', '\n', ' '), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')));
const rowsOf = (width: number) => fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 8 });

function parseRandom(kind: 'tasks' | 'projects', rows: string[][]): ParseResult {
  const header = kind === 'tasks' ? TASK_HEADER : PROJECT_HEADER;
  return parseGrids(makeDoc([makeGrid(header, rows, ['2023年民生实事项目情况表'])]), 'p');
}

describe('normaliser properties', () => {
  it.each(['tasks', 'projects'] as const)('is idempotent on random %s grids made of seed quirks', (kind) => {
    fc.assert(
      fc.property(rowsOf(kind === 'tasks' ? 6 : 8), (rows) => {
        const first = parseRandom(kind, rows);
        const again = normaliseTables(first.tables);
        expect(again.fixes).toEqual([]);
        expect(again.tables).toEqual(first.tables);
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves whitespace or empty strings in names', () => {
    fc.assert(
      fc.property(rowsOf(6), (rows) => {
        for (const record of parseRandom('tasks', rows).tables.flatMap((t) => t.rows as (TaskRecord | ProjectRecord)[])) {
          for (const name of [...record.leaders, ...record.leadUnits, ...record.relatedUnits]) {
            expect(name).not.toMatch(/^$|[\s\u3000]/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('regressions: idempotence counterexamples fast-check found', () => {
  it.each([
    ['a join exposing another join (吴敬宇 + 周 + 强农村局)', [['', '', '', '', '', '吴敬宇\n周  强农村局']]],
    ['a split after the join step (吴敬宇 + 人民医院、太訸集团)', [['', '', '', '', '', '', '', '吴敬宇\n人民医院、太訸集团']]],
    ['a repeated name made the other standalone (吴敬宇 / 农村局 农村局)', [['', '', '', '', '', '', '吴敬宇\n农村局 农村局', '']]],
    ['a join in another cell changed what stands alone', [['', '', '', '', '', '', '', '农业\n） 吴敬宇、'], ['', '', '', '', '', '', '）\n有关部门\n2', '']]],
  ])('%s', (_name, rows) => {
    const first = parseRandom(rows[0].length === 6 ? 'tasks' : 'projects', rows);
    expect(normaliseTables(first.tables).fixes).toEqual([]);
  });
});

describe('text reader properties', () => {
  it('reads any string without throwing, and parsing it gives a ParseResult', () => {
    const line = fc.oneof(fc.constantFrom('\t门类', '\t项目', '\t内容和要求', '\t负责人', '\t主要责任单位', '\t相关单位', '\t', '', ' (', '\t序号'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const doc = readTextString(lines.join('\n'));
        const result = parseGrids(doc, 'p');
        expect(Array.isArray(result.tables)).toBe(true);
        for (const grid of doc.grids) for (const row of grid.rows) expect(row.cells.length).toBe(grid.rows[0].cells.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reads any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(readTextDocument(bytes).format).toBe('text');
      }),
      { numRuns: 200 },
    );
  });
});
