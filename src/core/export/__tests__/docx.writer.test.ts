import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { columnsFor } from '../docx-columns';
import { computeWidths } from '../table-layout.planner';
import { headerLines } from '../docx-table.writer';
import { resolveDocxOptions, parseTableSize } from '../docx-options';
import { writeNoticeDocx } from '../docx.writer';
import { mmToTwips } from '../docx-xml';
import { makeNotice, makeProjectsTable, makeTasksTable } from './export-fixtures';

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function assertWellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe('writeNoticeDocx', () => {
  const result = writeNoticeDocx({ notice: makeNotice(), tables: [makeTasksTable(), makeProjectsTable()] });
  const p = parts(result.bytes);
  const doc = p['word/document.xml'];

  it('writes a complete, well-formed package', () => {
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      expect(p[name]).toBeDefined();
      assertWellFormed(p[name]);
    }
    expect(result.cover).toBe(true);
  });

  it('sets up A4 with GB/T 9704 margins: portrait cover, landscape attachments', () => {
    const sects = [...doc.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(2);
    expect(sects[0]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(sects[0]).toContain(`w:top="${mmToTwips(37)}"`);
    expect(sects[0]).toContain(`w:left="${mmToTwips(28)}"`);
    // text block 156 mm wide, 225 mm high
    expect(sects[0]).toContain(`w:right="${mmToTwips(26)}"`);
    expect(sects[0]).toContain(`w:bottom="${mmToTwips(35)}"`);
    expect(sects[1]).toContain('w:orient="landscape"');
    expect(sects[1]).toContain(`w:top="${mmToTwips(28)}"`);
  });

  it('honours configured landscape margins', () => {
    const d = parts(writeNoticeDocx({ tables: [makeTasksTable()] }, { landscapeMarginsMm: { top: 20, left: 30 } }).bytes)['word/document.xml'];
    expect(d).toContain(`w:top="${mmToTwips(20)}"`);
    expect(d).toContain(`w:left="${mmToTwips(30)}"`);
  });

  it('labels attachments in 3号黑体 and centres titles in 2号 方正小标宋简体', () => {
    expect(doc).toMatch(/<w:jc w:val="left"\/><w:rPr><w:rFonts[^>]*w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/>.*?<w:t xml:space="preserve">附件1<\/w:t>/);
    expect(doc).toMatch(/<w:jc w:val="center"\/><w:rPr><w:rFonts[^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>.*?2023年政府各项主要工作分解落实表/);
    expect(doc).toContain('附件2');
    expect(p['word/fontTable.xml']).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(p['word/fontTable.xml']).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  });

  it('repeats the header row in 黑体 and keeps short rows on one page', () => {
    const tables = doc.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(2);
    for (const [i, t] of tables.entries()) {
      const rows = count(t, /<w:tr>/g);
      expect(rows).toBe((i === 0 ? 5 : 4) + 1);
      expect(count(t, /<w:tblHeader\/>/g)).toBe(1);
      expect(count(t, /<w:cantSplit\/>/g)).toBe(rows);
      const header = t.slice(0, t.indexOf('</w:tr>'));
      expect(count(header, /<w:tc>/g)).toBe(i === 0 ? 6 : 8);
      expect(count(header, /<w:pStyle w:val="FjHead"\/>/g)).toBeGreaterThanOrEqual(i === 0 ? 6 : 8);
      expect(t.slice(header.length)).not.toContain('FjHead');
    }
  });

  it('defines the cell styles: header 黑体, body 仿宋_GB2312, both at the table size', () => {
    const styles = p['word/styles.xml'];
    expect(styles).toMatch(/w:styleId="FjHead">.*?w:eastAsia="黑体".*?<w:sz w:val="24"\/>/);
    expect(styles).toMatch(/w:styleId="FjCell">.*?<w:jc w:val="center"\/>.*?w:eastAsia="仿宋_GB2312".*?<w:sz w:val="24"\/>/);
    expect(styles).toMatch(/w:styleId="FjCellText">.*?<w:jc w:val="both"\/>/);
    const big = parts(writeNoticeDocx({ tables: [makeTasksTable()] }, { tableSize: '四号' }).bytes)['word/styles.xml'];
    expect(big).toMatch(/w:styleId="FjCell">.*?<w:sz w:val="28"\/>/);
    // 内容和要求 is justified, names centred
    const firstRow = doc.split('<w:tbl>')[1].split('</w:tr>')[1];
    const styles2 = [...firstRow.matchAll(/<w:tc>.*?<w:pStyle w:val="(\w+)"/g)].map((m) => m[1]);
    expect(styles2).toEqual(['FjCell', 'FjCell', 'FjCellText', 'FjCell', 'FjCell', 'FjCell']);
  });

  it('merges 门类 and 项目 vertically where consecutive rows share them', () => {
    const tasks = doc.split('<w:tbl>')[1];
    expect(count(tasks, /<w:vMerge w:val="restart"\/>/g)).toBe(3); // 综合指标, 致力…, 狠抓项目建设
    expect(count(tasks, /<w:vMerge\/>/g)).toBe(1 + 2 + 1);
    const projects = doc.split('<w:tbl>')[2];
    // 序号 1 (2 rows), 分类 教育文体 (3 rows), 项目名称 of item 1 (2 rows)
    expect(count(projects, /<w:vMerge w:val="restart"\/>/g)).toBe(3);
    expect(count(projects, /<w:vMerge\/>/g)).toBe(1 + 2 + 1);
  });

  it('writes several names one per paragraph and escapes text', () => {
    expect(doc).toMatch(/>胡卫江<\/w:t><\/w:r><\/w:p><w:p>.*?>吴敬宇<\/w:t>/);
    expect(doc).toContain('&lt;A&amp;B&gt; &quot;引号&quot;');
    expect(doc).toMatch(/>第一段<\/w:t><\/w:r><\/w:p><w:p>.*?>第二段</);
  });

  it('gives 内容和要求 the widest column and fills the text block', () => {
    const table = makeTasksTable();
    const widths = computeWidths(columnsFor(table), table.rows, 12756, 12);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(12756);
    expect(Math.max(...widths)).toBe(widths[2]);
    const long = { ...table, rows: table.rows.map((r) => ({ ...r, leaders: ['一个特别特别特别长的负责人名字'], relatedUnits: ['各有关镇（区）有关部门各有关镇（区）'] })) };
    const w2 = computeWidths(columnsFor(long), long.rows, 12756, 12);
    expect(w2[2]).toBeGreaterThan(12756 * 0.35);
  });

  it('numbers pages "— n —" in 4号宋体 at the outside edge, odd right and even left', () => {
    expect(p['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(doc).toContain('<w:footerReference w:type="default" r:id="rIdFooterOdd"/>');
    expect(doc).toContain('<w:footerReference w:type="even" r:id="rIdFooterEven"/>');
    expect(p['word/footer1.xml']).toContain('<w:jc w:val="right"/>');
    expect(p['word/footer2.xml']).toContain('<w:jc w:val="left"/>');
    for (const f of [p['word/footer1.xml'], p['word/footer2.xml']]) {
      expect(f).toContain(' PAGE ');
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });

  it('writes the 通知 cover with number, title, body and date', () => {
    const cover = doc.slice(0, doc.indexOf('附件1<'));
    expect(cover).toContain('太政发〔2023〕9号');
    expect(cover).toContain('任务和民生实事项目的通知');
    expect(cover).toContain('2023年2月7日');
    expect(cover).toContain('现将分解落实表印发给相关单位');
    expect(cover).toContain('附件：1．2023年政府各项主要工作分解落实表');
  });

  it('puts the issuer in red above a red rule when given', () => {
    const d = parts(writeNoticeDocx({ notice: makeNotice(), tables: [makeTasksTable()] }, { issuer: '太仓市人民政府文件' }).bytes)['word/document.xml'];
    expect(d).toMatch(/<w:bottom w:val="single"[^>]*w:color="FF0000"\/>.*?<w:color w:val="FF0000"\/>.*?太仓市人民政府文件/);
    expect(d.indexOf('太仓市人民政府文件')).toBeLessThan(d.indexOf('太政发〔2023〕9号'));
  });

  it('leaves the cover out without notice data or when asked', () => {
    const none = writeNoticeDocx({ notice: { number: null, title: null, date: null }, tables: [makeTasksTable()] });
    expect(none.cover).toBe(false);
    expect(count(parts(none.bytes)['word/document.xml'], /<w:sectPr>/g)).toBe(1);
    expect(writeNoticeDocx({ notice: makeNotice(), tables: [makeTasksTable()] }, { cover: false }).cover).toBe(false);
  });

  it('drops characters XML cannot carry instead of writing a broken file', () => {
    const table = makeTasksTable();
    table.rows[0].content = 'a\u0001b\u0007c\uFFFEd';
    const d = parts(writeNoticeDocx({ tables: [table] }).bytes)['word/document.xml'];
    assertWellFormed(d);
    expect(d).toContain('>abcd<');
  });

  it('writes an empty table as its header row', () => {
    const d = parts(writeNoticeDocx({ tables: [{ ...makeTasksTable(), rows: [] }] }).bytes)['word/document.xml'];
    expect(count(d, /<w:tr>/g)).toBe(1);
  });
});

describe('headerLines', () => {
  it('breaks a header that does not fit into even lines', () => {
    expect(headerLines('主要责任单位', 6 * 240 + 170, 12)).toEqual(['主要责任单位']);
    expect(headerLines('主要责任单位', 5 * 240 + 170, 12)).toEqual(['主要责', '任单位']);
    expect(headerLines('主要责任单位', 2 * 240 + 170, 12)).toEqual(['主要', '责任', '单位']);
  });
});

describe('table size option', () => {
  it('takes 号 names and points', () => {
    expect(resolveDocxOptions({ tableSize: '四号' }).tablePt).toBe(14);
    expect(resolveDocxOptions().tablePt).toBe(12);
    expect(resolveDocxOptions({ tableSize: 10.5 }).tablePt).toBe(10.5);
    expect(parseTableSize('小四')).toBe('小四');
    expect(parseTableSize('4号')).toBe('四号');
    expect(parseTableSize('11')).toBe(11);
    expect(parseTableSize('huge')).toBeUndefined();
    expect(() => resolveDocxOptions({ tableSize: 100 })).toThrow(/export-table-size/);
  });
});
