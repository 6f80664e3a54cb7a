/**
 * Issue 17, budgets: tiny files that ask for huge work. Each adversarial file is built here, by
 * hand; each finishes in < 2 s or is refused with its budget code. Work grows with what the
 * document holds, never with the shape of its markup.
 */
import { parseDocument } from '../../parse/parse-document';
import { validateTables } from '../../validate/validate';
import { createEmptyRegistry } from '../../registry/registry.model';
import { createRegistryIndex } from '../../registry/registry-index.builder';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { readDocument } from '../document.reader';
import { READ_BUDGETS } from '../read-budgets.rules';
import { makeDocx, p, tbl, tc, tr, W_NS } from './make-docx';

const HEADER = tr(['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位'].map((t) => tc(p(t))));

async function refusal(bytes: Uint8Array): Promise<{ code: string | null; ms: number }> {
  const start = Date.now();
  try {
    await parseDocument(bytes, 'flood.docx');
    return { code: null, ms: Date.now() - start };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? 'thrown', ms: Date.now() - start };
  }
}

describe('amplification: bounded work on any input (issue 17)', () => {
  it('regression (2.6 KB .docx with many w:gridBefore took 14 s and 2 GB): refused with budget-grid-columns, quickly', async () => {
    const flood = '<w:gridBefore w:val="1000"/>'.repeat(50);
    const rows = Array.from({ length: 40 }, () => tr([tc(p('x'))], flood));
    const bytes = makeDocx(tbl([HEADER, ...rows]));
    expect(bytes.length).toBeLessThan(20_000);
    const { code, ms } = await refusal(bytes);
    expect(code).toBe('budget-grid-columns');
    expect(ms).toBeLessThan(2000);
  });

  it('a w:gridSpan flood over a row is refused with budget-grid-columns', async () => {
    const row = tr(Array.from({ length: 5 }, () => tc(p('x'), '<w:gridSpan w:val="1000"/>')));
    const { code, ms } = await refusal(makeDocx(tbl([HEADER, row])));
    expect(code).toBe('budget-grid-columns');
    expect(ms).toBeLessThan(2000);
  });

  it('spans within a row but over many rows are refused with budget-cells before they are built', async () => {
    const row = tr([tc(p('x'), '<w:gridSpan w:val="1000"/>'), tc(p('y'), '<w:gridSpan w:val="1000"/>')]);
    const rows = Array.from({ length: Math.ceil(READ_BUDGETS.cells / 2000) + 10 }, () => row);
    const { code, ms } = await refusal(makeDocx(tbl([HEADER, ...rows])));
    expect(code).toBe('budget-cells');
    expect(ms).toBeLessThan(2000);
  });

  it('regression (a large cell merged down 2,000 rows took 251 s and 3.3 GB): read, validated and planned in < 2 s', async () => {
    const big = '很长的门类文字'.repeat(30_000); // 210,000 characters, merged down every row
    const first = tr([tc(p(big), '<w:vMerge w:val="restart"/>'), tc(p('项目0')), tc(p('内容0')), tc(p('吴敬宇')), tc(p('发改委')), tc(p(''))]);
    const rows = Array.from({ length: 2000 }, (_, i) => tr([tc(p(''), '<w:vMerge/>'), tc(p(`项目${i + 1}`)), tc(p(`内容${i + 1}`)), tc(p('吴敬宇')), tc(p('发改委')), tc(p(''))]));
    const bytes = makeDocx(p('2023年政府各项主要工作分解落实表') + tbl([HEADER, first, ...rows]));
    const start = Date.now();
    const result = await parseDocument(bytes, 'merged.docx');
    expect(result.tables[0].rows).toHaveLength(2001);
    expect(result.tables[0].rows[2000].category).toBe(big);
    const findings = validateTables(result.tables, createRegistryIndex(createEmptyRegistry()));
    expect(findings.filter((f) => f.code === 'duplicate-task')).toEqual([]);
    buildWorkbookPlan({ results: [result], today: '2023-07-01' });
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('regression (Maximum call stack size exceeded on 12k rows with unknown names): many findings, no spread', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => tr([tc(p('综合')), tc(p(`项目${i}`)), tc(p(`内容${i}`)), tc(p(`无名氏${i}`)), tc(p(`某单位${i}`)), tc(p(`另一单位${i}`))]));
    const bytes = makeDocx(p('2023年政府各项主要工作分解落实表') + tbl([HEADER, ...rows]));
    const result = await parseDocument(bytes, 'many.docx');
    const findings = validateTables(result.tables, createRegistryIndex(createEmptyRegistry()));
    expect(findings.length).toBeGreaterThanOrEqual(36_000);
  });

  it('an input larger than its format may be is refused with budget-input-bytes', async () => {
    const bytes = new Uint8Array(READ_BUDGETS.inputBytes.text + 1).fill(0x41);
    await expect(readDocument(bytes, 'huge.txt')).rejects.toMatchObject({ code: 'budget-input-bytes' });
  });
});

describe('cell characters budget (issue 17), kept by the .docx builder itself (issue 10: the grids are not scanned again)', () => {
  const half = 'a'.repeat(READ_BUDGETS.cellChars / 2 + 1);
  // 'a' × 8 M packs far beyond the zip ratio cap: the ratio is lifted, the budget under test is the cell's.
  const read = (body: string) => readDocument(makeDocx(tbl([HEADER, tr([tc(p('综合')), ...body.split('|')])])), 'long.docx', { zipLimits: { maxRatio: 1e6 } });

  it('a cell over the budget in two paragraphs is refused with budget-cell-chars', async () => {
    await expect(read(tc(p(half) + p(half)))).rejects.toMatchObject({ code: 'budget-cell-chars', details: { table: 0, row: 1 } });
  });

  it('two cells of a row each within the budget are read, and so is a merged-away cell over it', async () => {
    const doc = await read(`${tc(p(half))}|${tc(p(half))}`);
    expect(doc.grids[0].rows[1].cells.map((c) => c.paragraphs[0].length)).toEqual([2, half.length, half.length]);
    const merged = await read(tc(p(half + half), '<w:hMerge/>'));
    expect(merged.grids[0].rows[1].cells).toHaveLength(1);
  });
});

describe('findings budget (issue 17)', () => {
  it('keeps at most MAX_FINDINGS findings and says how many there were', async () => {
    const { MAX_FINDINGS } = await import('../../validate/validate');
    const rows = Array.from({ length: Math.ceil(MAX_FINDINGS / 3) + 100 }, (_, i) => ({ category: '综合', item: `项目${i}`, content: `内容${i}`, leaders: [`无名氏${i}`], leadUnits: [`某单位${i}`], relatedUnits: [`另一单位${i}`], inherited: [] }));
    const findings = validateTables([{ kind: 'tasks', title: null, year: 2023, rows }], createRegistryIndex(createEmptyRegistry()), { scope: 'names' });
    expect(findings).toHaveLength(MAX_FINDINGS + 1);
    expect(findings[MAX_FINDINGS]).toMatchObject({ code: 'budget-findings', severity: 'warning' });
    expect(Number(findings[MAX_FINDINGS].value)).toBeGreaterThan(MAX_FINDINGS);
  });
});

describe('nesting budget (issue 17)', () => {
  it('tables nested in cells nested in tables, thousands deep, are refused with budget-nesting quickly', async () => {
    const depth = 5000;
    const inner = `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}${p('x')}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`;
    const bytes = makeDocx(tbl([HEADER, tr([tc(inner), tc(p('y'))])]));
    expect(bytes.length).toBeLessThan(20_000);
    const { code, ms } = await refusal(bytes);
    expect(code).toBe('budget-nesting');
    expect(ms).toBeLessThan(2000);
  });

  it('any deep markup (300,000 nested runs) is refused with budget-nesting, the XML not even read to its end', async () => {
    // 300,000 levels: 2 MB inflated, below the zip ratio floor (a bigger flood is a zip-bomb first).
    const n = 300_000;
    const bytes = makeDocx('', {}, `<w:document xmlns:w="${W_NS}"><w:body>${'<w:r>'.repeat(n)}${'</w:r>'.repeat(n)}</w:body></w:document>`);
    const { code, ms } = await refusal(bytes);
    expect(code).toBe('budget-nesting');
    expect(ms).toBeLessThan(2000);
  });

  it('a few levels of nested tables (as Word writes them) are read, with the nested-table warning', async () => {
    const inner = `${'<w:tbl><w:tr><w:tc>'.repeat(8)}${p('内层')}${'</w:tc></w:tr></w:tbl>'.repeat(8)}`;
    const doc = await readDocument(makeDocx(tbl([HEADER, tr([tc(p('综合指标')), tc(inner)])])), 'nested.docx');
    expect(doc.warnings.map((w) => w.code)).toContain('nested-table');
    expect(JSON.stringify(doc.grids)).toContain('内层');
  });
});
