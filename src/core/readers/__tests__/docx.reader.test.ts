import * as fs from 'fs';
import * as path from 'path';
import { readDocx } from '../docx.reader';
import { makeDocx, p, tbl, tc, tr, wrapBody } from './make-docx';
import { codeOf } from './error-code';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/notice-2023.docx');

describe('readDocx on the real 2023 notice', () => {
  const doc = readDocx(new Uint8Array(fs.readFileSync(FIXTURE)));

  it('reads 132 rows over the tables, 6 columns for the task tables and 8 for projects', () => {
    expect(doc.format).toBe('docx');
    expect(doc.grids.reduce((n, g) => n + g.rows.length, 0)).toBe(132);
    const widths = new Set(doc.grids.flatMap((g) => g.rows.map((r) => r.cells.length)));
    expect([...widths].sort()).toEqual([6, 8]);
    expect(doc.grids[0].rows[0].cells.map((c) => c.paragraphs.join(''))).toEqual(['门类', '项目', '内容和要求', '负责人', '主要责任单位', '相关单位']);
  });

  it('sees vertical merges, header rows and multi-paragraph cells', () => {
    const rows = doc.grids.flatMap((g) => g.rows);
    expect(rows.filter((r) => r.isHeader).length).toBe(doc.grids.length);
    const first = doc.grids[0].rows[1].cells[0];
    expect(first).toEqual({ paragraphs: ['综', '合', '指', '标'], vMerge: 'restart' });
    expect(doc.grids[0].rows[2].cells[0].vMerge).toBe('continue');
  });

  it('keeps the title paragraphs before the tables', () => {
    expect(doc.grids[0].before).toEqual(['2023年政府各项主要工作分解落实表']);
    const projects = doc.grids.find((g) => g.rows[0].cells.length === 8);
    expect(projects?.before).toEqual(['附件2', '2023年民生实事项目情况表']);
    expect(doc.paragraphs).toContain('附件2');
  });
});

describe('readDocx features (hand-built XML)', () => {
  const read = (body: string) => readDocx(makeDocx(body));

  it('honours gridSpan, gridBefore and gridAfter', () => {
    const doc = read(tbl([tr([tc(p('a'), '<w:gridSpan w:val="2"/>'), tc(p('b'))], '<w:gridBefore w:val="1"/><w:gridAfter w:val="2"/>')]));
    const cells = doc.grids[0].rows[0].cells;
    expect(cells.length).toBe(5);
    expect(cells[0].paragraphs).toEqual([]);
    expect(cells[1]).toEqual({ paragraphs: ['a'], colSpan: 2 });
    expect(cells[3].paragraphs).toEqual([]);
  });

  it('turns a legacy w:hMerge into a column span', () => {
    const doc = read(tbl([tr([tc(p('a'), '<w:hMerge w:val="restart"/>'), tc(p(''), '<w:hMerge/>'), tc(p(''), '<w:hMerge w:val="continue"/>'), tc(p('b'))])]));
    expect(doc.grids[0].rows[0].cells).toEqual([{ paragraphs: ['a'], colSpan: 3 }, { paragraphs: ['b'] }]);
  });

  it('reads vMerge restart, continue and bare (= continue)', () => {
    const doc = read(tbl([
      tr([tc(p('x'), '<w:vMerge w:val="restart"/>')]),
      tr([tc(p(''), '<w:vMerge w:val="continue"/>')]),
      tr([tc(p(''), '<w:vMerge/>')]),
      tr([tc(p('y'))]),
    ]));
    expect(doc.grids[0].rows.map((r) => r.cells[0].vMerge)).toEqual(['restart', 'continue', 'continue', undefined]);
  });

  it('keeps text in w:ins, w:sdt, w:hyperlink, w:smartTag and skips w:del', () => {
    const body =
      '<w:p><w:ins><w:r><w:t>A</w:t></w:r></w:ins><w:del><w:r><w:delText>X</w:delText></w:r></w:del>' +
      '<w:hyperlink r:id="x" xmlns:r="urn:r"><w:r><w:t>B</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>C</w:t></w:r></w:smartTag>' +
      '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>D</w:t></w:r></w:sdtContent></w:sdt>' +
      '<w:r><w:instrText> HYPERLINK </w:instrText></w:r><w:moveFrom><w:r><w:t>Y</w:t></w:r></w:moveFrom></w:p>';
    expect(read(body).paragraphs).toEqual(['ABCD']);
  });

  it('splits paragraphs at w:br and w:cr, tab is \\t, tab stops are not text', () => {
    const cell = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="100"/></w:tabs></w:pPr><w:r><w:t>吴敬宇</w:t><w:br/><w:t>郑丙华</w:t><w:cr/><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>';
    expect(read(tbl([tr([tc(cell)])])).grids[0].rows[0].cells[0].paragraphs).toEqual(['吴敬宇', '郑丙华', 'a\tb']);
  });

  it('flattens a nested table into its cell and warns', () => {
    const nested = tbl([tr([tc(p('n1')), tc(p('n2'))])]);
    const doc = read(tbl([tr([tc(p('outer') + nested + p('')), tc(p('z'))]), tr([tc(p('q')), tc(p('r'))])]));
    const g = doc.grids[0];
    expect(doc.grids.length).toBe(1);
    expect(g.rows.length).toBe(2);
    expect(g.rows[0].cells[0]).toEqual({ paragraphs: ['outer', 'n1', 'n2', ''], nestedTable: true });
    expect(doc.warnings.map((w) => [w.code, w.table, w.row])).toEqual([['nested-table', 0, 0]]);
  });

  it('drops rows and cells deleted with tracked changes (w:trPr/w:del, w:tcPr/w:cellDel)', () => {
    const doc = read(tbl([
      tr([tc(p('a')), tc(p('b'))]),
      tr([tc(p('gone')), tc(p('gone'))], '<w:del w:id="1" w:author="x"/>'),
      tr([tc(p('c')), tc(p('x'), '<w:cellDel w:id="2"/>'), tc(p('d'))]),
    ]));
    expect(doc.grids[0].rows.map((r) => r.cells.map((c) => c.paragraphs.join('')))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('marks w:tblHeader rows, but not w:val="false"', () => {
    const doc = read(tbl([tr([tc(p('h'))], '<w:tblHeader/>'), tr([tc(p('h2'))], '<w:tblHeader w:val="false"/>'), tr([tc(p('v'))])]));
    expect(doc.grids[0].rows.map((r) => r.isHeader ?? false)).toEqual([true, false, false]);
  });

  it('emits several tables with the paragraphs between them', () => {
    const doc = read(p('附件1') + p('标题') + tbl([tr([tc(p('a'))])]) + p('') + p('附件2') + tbl([tr([tc(p('b'))])]) + p('完'));
    expect(doc.grids.map((g) => [g.origin.index, g.before])).toEqual([[0, ['附件1', '标题']], [1, ['附件2']]]);
    expect(doc.paragraphs).toEqual(['附件1', '标题', '附件2', '完']);
  });

  it('ignores old revision properties (w:tcPrChange) and mc:Fallback duplicates', () => {
    const cell = '<w:tc><w:tcPr><w:tcPrChange w:id="1"><w:tcPr><w:vMerge/></w:tcPr></w:tcPrChange></w:tcPr>' +
      '<w:p><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>c</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>c</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc>';
    expect(read(tbl([tr([cell])])).grids[0].rows[0].cells[0]).toEqual({ paragraphs: ['c'] });
  });

  it('works with another namespace prefix and decodes entities', () => {
    const xml = wrapBody('<x:p><x:r><x:t>a &amp; b &lt;c&gt;</x:t></x:r></x:p>', 'x');
    expect(readDocx(makeDocx('', {}, xml)).paragraphs).toEqual(['a & b <c>']);
  });

  it('refuses a DOCTYPE in document.xml and broken XML with stable codes', () => {
    const doctype = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>';
    expect(codeOf(() => readDocx(makeDocx('', {}, doctype)))).toBe('xml-doctype');
    expect(codeOf(() => readDocx(makeDocx('', {}, wrapBody('<w:p><w:r>')))) ).toBe('xml-invalid');
    expect(codeOf(() => readDocx(makeDocx('', {}, wrapBody('<w:p>&bogus;</w:p>'))))).toBe('xml-invalid');
  });
});
