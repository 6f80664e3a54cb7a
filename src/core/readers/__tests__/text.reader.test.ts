import { readFileSync } from 'fs';
import { join } from 'path';
import { readTextDocument, readTextString } from '../text.reader';

const SEEDS = join(__dirname, '../../../../seeds');
const seed = (name: string): Uint8Array => new Uint8Array(readFileSync(join(SEEDS, name)));
const texts = (cells: { paragraphs: string[] }[]): string[][] => cells.map((c) => c.paragraphs);

const HEADER = '\t门类\n\t项   目\n\t内 容 和 要 求\n\t负责人\n\t主要责任单位\n\t相关单位\n\n';

describe('readTextDocument (Tika text)', () => {
  it('takes the column count from the header and keeps blank paragraphs inside a row', () => {
    const text = `标题表\n\n${HEADER}\t综\n合\n\t地区生产总值\n\t增长5%\n\t\n吴敬宇\n\n\t发改委\n\t各镇（区）\n有关部门\n\n\t\n\t一般\n\t增长6%\n\t胡卫江\n\t财政局\n\t\n\n`;
    const doc = readTextString(text);
    expect(doc.grids).toHaveLength(1);
    const [header, first, second] = doc.grids[0].rows;
    expect(header.isHeader).toBe(true);
    expect(header.cells).toHaveLength(6);
    expect(texts(first.cells)).toEqual([['综', '合'], ['地区生产总值'], ['增长5%'], ['', '吴敬宇', ''], ['发改委'], ['各镇（区）', '有关部门']]);
    expect(texts(second.cells)).toEqual([[''], ['一般'], ['增长6%'], ['胡卫江'], ['财政局'], ['']]);
    expect(doc.grids[0].before).toEqual(['标题表']);
  });

  it('puts text between a complete row and the next header into `before` and `paragraphs`', () => {
    const text = `${HEADER}\ta\n\tb\n\tc\n\td\n\te\n\tf\n\n\n (\n5\n)\n\n${HEADER}\tg\n\th\n\ti\n\tj\n\tk\n\tl\n\n`;
    const doc = readTextString(text);
    expect(doc.grids).toHaveLength(2);
    expect(doc.grids[1].before).toEqual([' (', '5', ')']);
    expect(doc.paragraphs).toEqual([' (', '5', ')']);
    expect(texts(doc.grids[0].rows[1].cells)[5]).toEqual(['f']);
  });

  it('keeps a header repeated without text in between as a header row of the same grid', () => {
    const text = `${HEADER}\ta\n\tb\n\tc\n\td\n\te\n\tf\n\n${HEADER}\tg\n\th\n\ti\n\tj\n\tk\n\tl\n\n`;
    const doc = readTextString(text);
    expect(doc.grids).toHaveLength(1);
    expect(doc.grids[0].rows.map((r) => Boolean(r.isHeader))).toEqual([true, false, true, false]);
  });

  it('pads a row cut off by the end of the document and warns', () => {
    const doc = readTextString(`${HEADER}\ta\n\tb\n\tc\n\td\n`);
    expect(texts(doc.grids[0].rows[1].cells)).toEqual([['a'], ['b'], ['c'], ['d'], [], []]);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'row-incomplete', table: 0, row: 1 })]);
  });

  it('recognises a header written vertically, one character per line', () => {
    const doc = readTextString('\t门\n类\n\t项\n目\n\t内\n容\n和\n要\n求\n\t负责人\n\t主要责\n任单位\n\t相关单位\n\n\ta\n\tb\n\tc\n\td\n\te\n\tf\n\n');
    expect(doc.grids[0].rows.map((r) => r.cells.length)).toEqual([6, 6]);
    expect(doc.warnings).toEqual([]);
  });

  it('warns when a full row does not end with the row-end blank line (a spanning cell shifts columns)', () => {
    const doc = readTextString(`${HEADER}\ta\n\tb\n\tc\n\td\n\te\n\tf\n\tg\n\n`);
    expect(doc.warnings.map((w) => w.code)).toEqual(['row-misaligned', 'row-incomplete']);
  });

  it('ends a row early at the row-end blank line when a cell spans columns, and keeps later rows aligned', () => {
    const doc = readTextString(`${HEADER}\t一、致力推动量质齐升\n\n\t综合\n\t项目\n\t内容\n\t吴敬宇\n\t发改委\n\t财政局\n\n\t\n\t项目二\n\t内容二\n\t胡卫江\n\t工信局\n\t\n\n`);
    expect(doc.grids[0].rows.slice(1).map((r) => texts(r.cells))).toEqual([
      [['一、致力推动量质齐升'], [], [], [], [], []],
      [['综合'], ['项目'], ['内容'], ['吴敬宇'], ['发改委'], ['财政局']],
      [[''], ['项目二'], ['内容二'], ['胡卫江'], ['工信局'], ['']],
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(['row-short']);
  });

  it('removes [bookmark: X] markers', () => {
    const doc = readTextString('[bookmark: _GoBack][bookmark: OLE_LINK1]关于印发的通知\n');
    expect(doc.paragraphs).toEqual(['关于印发的通知']);
  });

  it('guesses the first row of an unknown table from the row-end blank line', () => {
    const doc = readTextString('\t甲\n\t乙\n\n\t1\n\t2\n\n\t3\n\t4\n\n');
    expect(doc.grids[0].rows.map((r) => texts(r.cells))).toEqual([[['甲'], ['乙']], [['1'], ['2']], [['3'], ['4']]]);
  });

  it('reads 400,000 lines of text without a table (no stack overflow from spreading long lists)', () => {
    const doc = readTextString(Array.from({ length: 400000 }, (_, i) => `第${i}行`).join('\n'));
    expect(doc.paragraphs).toHaveLength(400000);
  });

  it('reads text without any table as paragraphs only', () => {
    const doc = readTextString('只有正文\n\n第二段\n');
    expect(doc).toEqual({ format: 'text', grids: [], paragraphs: ['只有正文', '第二段'], warnings: [] });
  });

  it('reads the 2023 seed into three grids (two tasks blocks, one projects)', () => {
    const doc = readTextDocument(seed('000_8040c5413e4a8407.txt'));
    expect(doc.format).toBe('text');
    expect(doc.grids.map((g) => g.rows[0].cells.length)).toEqual([6, 6, 8]);
    expect(doc.grids[2].before).toContain('2023年民生实事项目情况表');
    expect(doc.warnings).toEqual([]);
  });

  it('reads the 2021 seed: notice paragraphs first, last row 7 of 8 cells', () => {
    const doc = readTextDocument(seed('002_9a155e4ec979336d.txt'));
    expect(doc.paragraphs[0].trim()).toBe('太政发〔2021〕9号');
    expect(doc.paragraphs.join('\n')).not.toContain('[bookmark:');
    const last = doc.grids[doc.grids.length - 1];
    expect(last.rows[last.rows.length - 1].cells).toHaveLength(8);
    expect(doc.warnings.map((w) => w.code)).toEqual(['row-incomplete']);
  });
});
