/**
 * Issue 17, safe formulas: text starting with = + - @ is written with quotePrefix="1", so F2,
 * Enter in Excel keeps it text; 统计's COUNTIFS criteria match a unit named `=住建局` or holding
 * * ? ~ as text, not as an operator or a wildcard.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { ParseResult, TaskRecord } from '../../../core/index';
import { buildWorkbookPlan } from '../../../core/testing';
import { checkOoxml, readBackXlsx } from '../../../../test/schema/ooxml';
import { writeXlsx } from '../xlsx.writer';

const RISKY = ['=1+1', '+86 512', '-5%', '@SUM(A1)', '=HYPERLINK("http://x","y")'];

function task(i: number, extra: Partial<TaskRecord>): TaskRecord {
  return { id: `2023-T-00${i}`, category: '综合', item: `项目${i}`, content: `内容${i}`, leaders: ['吴敬宇'], leadUnits: ['发改委'], relatedUnits: [], inherited: [], ...extra };
}

function result(rows: TaskRecord[]): ParseResult {
  return { source: 's.txt', notice: { number: null, title: null, date: null }, tables: [{ kind: 'tasks', title: '2023年政府各项主要工作分解落实表', year: 2023, rows }], fixes: [], warnings: [] };
}

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]);
}

describe('text a spreadsheet would take for a formula (issue 17)', () => {
  it('regression (no quote prefix on = + - @): such text gets a cell style with quotePrefix="1"; other text does not', async () => {
    const rows = RISKY.map((t, i) => task(i + 1, { content: t }));
    rows.push(task(9, { content: '普通文字 = 不在开头' }));
    const bytes = await writeXlsx(buildWorkbookPlan({ results: [result(rows)], today: '2023-07-01' }));
    const styles = part(bytes, 'xl/styles.xml');
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const strings = [...part(bytes, 'xl/sharedStrings.xml').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    const quoted = (text: string): boolean => {
      const id = strings.indexOf(text);
      const cell = new RegExp(`<c r="[A-Z]+\\d+"(?: s="(\\d+)")? t="s"><v>${id}</v></c>`).exec(sheet);
      return /quotePrefix="1"/.test(xfs[Number(cell?.[1] ?? 0)] ?? '');
    };
    expect(RISKY.map(quoted)).toEqual(RISKY.map(() => true));
    expect(quoted('普通文字 = 不在开头')).toBe(false);
    expect(quoted('项目1')).toBe(false);
    expect(checkOoxml([{ name: 'risky.xlsx', bytes }])).toEqual([]);
    const back = readBackXlsx({ name: 'risky.xlsx', bytes });
    expect(back.sheets['主要工作'].flat()).toEqual(expect.arrayContaining(RISKY));
  });

  it('regression (=住建局 acted as an operator in 统计): criteria starting with = < > are quoted with =, and * ? ~ escaped', () => {
    const rows = [task(1, { leadUnits: ['=住建局'] }), task(2, { leadUnits: ['住建局'] }), task(3, { leadUnits: ['a*b?c~d'] }), task(4, { leadUnits: ['>局'] })];
    const plan = buildWorkbookPlan({ results: [result(rows)], today: '2023-07-01' });
    const stats = plan.sheets.find((s) => s.name === '统计');
    const formulaOf = (unit: string): string => ((stats?.rows.find((r) => r[1] === unit)?.[2] ?? {}) as { formula?: string }).formula ?? '';
    expect(formulaOf('=住建局')).toContain(`,"==住建局")`);
    expect(formulaOf('=住建局')).toContain(`,"==住建局、*")`);
    expect(formulaOf('=住建局')).toContain(`,"*、=住建局")`);
    expect(formulaOf('住建局')).toContain(`,"住建局")`);
    expect(formulaOf('>局')).toContain(`,"=>局")`);
    expect(formulaOf('a*b?c~d')).toContain(`,"a~*b~?c~~d")`);
    expect(((stats?.rows.find((r) => r[1] === '=住建局')?.[2] ?? {}) as { result?: number }).result).toBe(1);
  });
});
