/**
 * Writes fixtures of the families of 分解 documents other cities publish (issue 10) into
 * test/fixtures/families/ (run: npx tsx scripts/make-family-fixtures.ts): each as .docx (built with
 * the `docx` package), as a pasted .xlsx where the family is a table (exceljs), and as .txt for the
 * list form. Dates inside the packages are fixed, so re-running gives the same content.
 * src/core/parse/__tests__/families.test.ts reads them to hand-checked records.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';

type Cell = string | { text: string; colSpan?: number; rowSpan?: number };
interface TableSpec {
  before: string[];
  rows: Cell[][];
}
interface Family {
  name: string;
  /** Paragraphs of the notice before the tables. */
  notice: string[];
  tables: TableSpec[];
  /** Paragraphs after the tables (signature, date) — for list forms the whole plan. */
  after?: string[];
  xlsx?: boolean;
  txt?: boolean;
  /** Also as Apache Tika's text form (TAB before each cell, a blank line after each row): plain tables only. */
  tika?: boolean;
  /** Also as tab-separated text (a table copied from Excel and saved as .txt): `<name>.tab.txt`. */
  tab?: boolean;
}

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'families');
const FIXED_DATE = '2024-01-02T00:00:00Z';

const F1_TASKS: Family = {
  name: 'f1-tasks-other-columns',
  notice: ['西安市雁塔区人民政府文件', '雁政发〔2023〕5号', '西安市雁塔区人民政府关于印发2023年区政府重点工作任务分解方案的通知', '各街道办事处，区政府各工作部门，各直属机构：', '现将《2023年区政府重点工作任务分解表》印发给你们，请认真抓好落实。'],
  tables: [
    {
      before: ['附件1', '2023年区政府重点工作任务分解表'],
      rows: [
        ['序号', '工作任务', '责任领导', '牵头单位', '配合单位', '完成时限'],
        ['1', '地区生产总值增长6%左右。', '王建国', '区发改委', '区统计局、各街道', '12月底前'],
        ['2', '新开工亿元以上项目50个，完成固定资产投资增长8%。', '王建国\n刘晓东', '区发改委', '区住建局、区资源规划分局', '2023年6月'],
        ['3', '推进老旧小区改造60个，惠及居民1.2万户。', '刘晓东', '区住建局', '各街道', '三季度'],
      ],
    },
    {
      before: ['附件2', '2023年重点工作季度推进计划表'],
      rows: [
        ['序号', '重点工作', '分管领导', '牵头单位', '协同单位', { text: '时间节点', colSpan: 4 }],
        ['', '', '', '', '', '一季度', '二季度', '三季度', '四季度'],
        ['1', '建成区级政务服务中心。', '陈思远', '区行政审批局', '区数据局', '完成选址', '开工建设', '主体完工', '投入使用'],
        ['2', '新增城镇就业1.5万人。', '陈思远', '区人社局', '各街道', '3500人', '7500人', '11000人', '15000人'],
      ],
    },
    {
      before: ['附件3', '2023年主要经济指标分解表'],
      rows: [
        ['指标名称', '单位', '目标值', '责任单位'],
        ['地区生产总值增速', '%', '6', '区发改委'],
        ['社会消费品零售总额', '亿元', '1200', '区商务局'],
      ],
    },
  ],
  after: ['西安市雁塔区人民政府', '2023年2月10日'],
  xlsx: true,
};

const F2_SECTIONS: Family = {
  name: 'f2-section-rows',
  notice: ['成都市武侯区人民政府办公室关于印发2024年区政府工作报告重点任务分工方案的通知', '武府办发〔2024〕3号'],
  tables: [
    {
      before: ['2024年区政府工作报告重点任务分工表'],
      rows: [
        ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'],
        [{ text: '一、扎实推进产业转型升级（牵头领导：张伟）', colSpan: 5 }],
        [{ text: '（一）做强电子信息产业', colSpan: 5 }],
        ['1', '引进电子信息重点项目10个以上。', '区投促局', '区经信局、各街道', '12月底前'],
        ['2', '建成集成电路设计产业园二期。', '区经信局', '区住建局', '2024年9月'],
        [{ text: '二、持续增进民生福祉', colSpan: 5 }],
        [{ text: '牵头领导：李红梅', colSpan: 5 }],
        ['3', '新增公办幼儿园学位1800个。', '区教育局', '区财政局', '三季度'],
      ],
    },
  ],
  xlsx: true,
};

const F3_FIRST_LEADS: Family = {
  name: 'f3-first-unit-leads',
  notice: ['杭州市余杭区人民政府关于2023年区政府重点工作任务分解的通知', '余政发〔2023〕12号', '各镇人民政府、街道办事处，区政府各部门：', '现将2023年区政府重点工作任务分解如下，责任单位中列第一位的为牵头单位，其他为配合单位，请认真贯彻落实。'],
  tables: [
    {
      before: ['2023年区政府重点工作任务分解表'],
      rows: [
        ['序号', '重点工作', '责任领导', '责任单位', '完成时限'],
        ['1', '实施数字经济“一号工程”升级版，数字经济核心产业增加值增长10%。', '赵磊', '区经信局、区发改局、区统计局', '12月底前'],
        ['2', '完成未来社区创建10个。', '孙静', '区住建局、区民政局、各镇（街道）', '2023年11月'],
      ],
    },
  ],
  xlsx: true,
};

const F4_LIST: Family = {
  name: 'f4-list-form',
  notice: ['合肥市包河区人民政府', '包政〔2024〕8号', '合肥市包河区人民政府关于印发2024年区政府重点工作责任分工的通知', '各街道办事处，区政府各部门：'],
  tables: [],
  after: [
    '一、着力推动经济高质量发展',
    '（一）扩大有效投资',
    '1．实施重点项目200个以上，完成投资500亿元。',
    '责任领导：周海',
    '牵头单位：区发改局',
    '责任单位：区财政局、区自然资源分局',
    '完成时限：12月底前',
    '2．新增规上工业企业30户。（责任领导：周海；牵头单位：区经信局；责任单位：各街道）',
    '（二）激发消费活力',
    '3．举办促消费活动50场以上。',
    '牵头单位：区商务局',
    '配合单位：区文旅局、各街道',
    '二、持续保障和改善民生',
    '4．新建改造城市公园15个。（责任领导：吴芳；牵头单位：区林园局；责任单位：区城管局；完成时限：2024年10月）',
    '合肥市包河区人民政府',
    '2024年1月20日',
  ],
  txt: true,
};

const F5_TRADITIONAL: Family = {
  name: 'f5-traditional',
  notice: ['廣州市人民政府辦公廳', '穗府辦〔2006〕19號', '廣州市人民政府辦公廳關於印發2006年市政府工作報告重點任務分解表的通知', '各區、縣級市人民政府，市政府各部門、各直屬機構：'],
  tables: [
    {
      before: ['2006年市政府工作報告重點任務分解表'],
      rows: [
        ['序號', '工作任務', '責任領導', '牽頭單位', '配合單位', '完成時限'],
        ['1', '全市生產總值增長13%。', '陳志強', '市發展改革委', '市統計局', '12月底前'],
        ['2', '推進地鐵三號線建設。', '李明華', '市建委', '各區、縣級市政府', '2006年12月'],
      ],
    },
  ],
  after: ['廣州市人民政府辦公廳', '二〇〇六年三月六日'],
  xlsx: true,
  tika: true,
};

const F6_PROJECTS: Family = {
  name: 'f6-projects-other-columns',
  notice: ['郑州市金水区人民政府关于印发2023年十件民生实事的通知', '金政〔2023〕4号'],
  tables: [
    {
      before: ['2023年金水区十件民生实事项目表'],
      rows: [
        ['序号', '民生实事', '主要内容', '区政府分管领导', '责任单位', '完成时限'],
        [{ text: '1', rowSpan: 2 }, { text: '老旧小区改造', rowSpan: 2 }, '改造老旧小区86个，加装电梯120部。', { text: '马骏', rowSpan: 2 }, { text: '区住建局', rowSpan: 2 }, '10月底前'],
        ['同步完善养老托育等配套设施。', '12月底前'],
        ['2', '便民菜市场建设', '新建改造便民菜市场12个。', '黄丽', '区商务局\n各街道', '2023年9月'],
      ],
    },
  ],
  xlsx: true,
};

const F7_UNITS: Family = {
  name: 'f7-unit-lists',
  notice: ['南昌市人民政府关于分解落实2023年市政府工作报告目标任务的通知', '洪府发〔2023〕6号'],
  tables: [
    {
      before: ['2023年市政府工作报告目标任务分解表'],
      rows: [
        ['序号', '工作任务', '分管市领导', '主要责任单位', '协作和配合单位', '完成时限'],
        ['1', '开展青年就业见习行动，提供见习岗位5000个。', '钱志刚', '市人社局', '团市委配合落实、市教育局', '12月底前'],
        ['2', '实施乡村振兴示范创建。', '钱志刚', '市农业农村局、市乡村振兴局（牵头）', '各区、县（市）政府（管委会）', '四季度'],
      ],
    },
  ],
  xlsx: true,
};

const F8_EXTRA_COLUMNS: Family = {
  name: 'f8-extra-columns',
  notice: ['成都市武侯区人民政府关于印发2023年区政府重点工作任务分解方案的通知', '武府发〔2023〕3号'],
  tables: [
    {
      before: ['附件1', '2023年区政府重点工作任务分解表'],
      rows: [
        ['序号', '重点任务', '责任领导', '牵头单位', '配合单位', '时间节点', '资金来源', '备注'],
        ['1', '建成武侯区智慧养老服务平台，覆盖全区13个街道。', '周海涛', '区民政局', '区大数据中心、各街道', '6月底前完成招标；12月底前上线运行', '区级财政', ''],
        ['2', '新增公办幼儿园学位1800个。', '周海涛', '区教育局', '区住建局', '9月底前', '专项债券\n区级财政', '含改扩建'],
        ['3', '完成背街小巷整治40条。', '李明华', '区城管局', '各街道', '', '', '按季度报送进度'],
      ],
    },
    {
      before: ['附件2', '2023年民生实事项目表'],
      rows: [
        ['序号', '项目名称', '建设内容', '分管领导', '牵头单位', '配合单位', '投资额（万元）'],
        ['1', '社区食堂建设', '新建社区食堂20个。', '李明华', '区商务局', '各街道', '1200'],
        ['2', '口袋公园建设', '新建口袋公园15个。', '周海涛', '区公园城市局', '各街道', ''],
      ],
    },
  ],
  xlsx: true,
};

/** A two-row header (责任单位 over 牵头 | 配合), sections in the 序号 column, 重点任务 | 具体举措, no 文号 (the year from the title). */
const F9_TWO_ROW_HEADER: Family = {
  name: 'f9-two-row-header',
  notice: ['某某市人民政府办公室关于印发2024年市政府工作报告重点任务分工方案的通知', '各县（市、区）人民政府，市政府各部门：', '现将《2024年市政府工作报告重点任务分工方案》印发给你们，请抓好落实。'],
  tables: [
    {
      before: ['附件', '2024年市政府工作报告重点任务分工方案'],
      rows: [
        ['序号', '重点任务', '具体举措', '责任领导', { text: '责任单位', colSpan: 2 }, '完成时限'],
        ['', '', '', '', '牵头', '配合', ''],
        ['一', '扎实推进产业转型升级', '', '', '', '', ''],
        ['1', '壮大先进制造业集群', '新培育专精特新企业20家，规上工业增加值增长7%。', '王建国', '市工信局', '市发改委、市科技局', '12月底前'],
        ['2', '加快数字经济发展', '建成5G基站1000个，"上云"企业新增500家。', '王建国\n李红', '市数据局', '市工信局', '三季度'],
        ['二', '持续增进民生福祉', '', '', '', '', ''],
        ['3', '办好人民满意教育', '新建改扩建中小学5所。', '张伟', '市教育局', '市住建局、市自然资源和规划局', '2024年9月'],
      ],
    },
  ],
  xlsx: true,
  tab: true,
};

export const FAMILIES = [F1_TASKS, F2_SECTIONS, F3_FIRST_LEADS, F4_LIST, F5_TRADITIONAL, F6_PROJECTS, F7_UNITS, F8_EXTRA_COLUMNS, F9_TWO_ROW_HEADER];

function cellSpec(cell: Cell): { text: string; colSpan: number; rowSpan: number } {
  return typeof cell === 'string' ? { text: cell, colSpan: 1, rowSpan: 1 } : { colSpan: 1, rowSpan: 1, ...cell };
}

function docxParagraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

function docxTable(spec: TableSpec): Table {
  const rows = spec.rows.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        children: row.map((cell) => {
          const c = cellSpec(cell);
          return new TableCell({ children: docxParagraphs(c.text), columnSpan: c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined });
        }),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** Fixed dates in docProps/core.xml and the zip entries, so the bytes do not change with the clock. */
function fixDates(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, FIXED_DATE));
  const mtime = new Date(FIXED_DATE);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime, level: 6 }]])));
}

async function writeDocx(family: Family): Promise<void> {
  const children: (Paragraph | Table)[] = family.notice.map((text) => new Paragraph({ children: [new TextRun(text)], alignment: AlignmentType.LEFT }));
  for (const table of family.tables) {
    children.push(...table.before.map((text) => new Paragraph({ children: [new TextRun(text)] })));
    children.push(docxTable(table));
  }
  children.push(...(family.after ?? []).map((text) => new Paragraph({ children: [new TextRun(text)] })));
  const doc = new Document({ creator: 'fenjie fixtures', sections: [{ children }] });
  fs.writeFileSync(path.join(OUT, `${family.name}.docx`), fixDates(new Uint8Array(await Packer.toBuffer(doc))));
}

/** One sheet per table, as a clerk pastes a Word table: title above, merged cells kept. */
async function writeXlsx(family: Family): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(FIXED_DATE);
  workbook.modified = new Date(FIXED_DATE);
  family.tables.forEach((table, t) => {
    const sheet = workbook.addWorksheet(`Sheet${t + 1}`);
    let row = 1;
    for (const text of table.before.slice(-1)) sheet.getCell(row++, 1).value = text;
    const taken = new Set<string>();
    for (const cells of table.rows) {
      let col = 1;
      for (const cell of cells) {
        while (taken.has(`${row}:${col}`)) col += 1;
        const c = cellSpec(cell);
        sheet.getCell(row, col).value = c.text;
        if (c.colSpan > 1 || c.rowSpan > 1) sheet.mergeCells(row, col, row + c.rowSpan - 1, col + c.colSpan - 1);
        for (let dr = 0; dr < c.rowSpan; dr += 1) for (let dc = 0; dc < c.colSpan; dc += 1) taken.add(`${row + dr}:${col + dc}`);
        col += c.colSpan;
      }
      row += 1;
    }
  });
  fs.writeFileSync(path.join(OUT, `${family.name}.xlsx`), fixDates(new Uint8Array(await workbook.xlsx.writeBuffer())));
}

/** Tika's form of a .docx: paragraphs as lines; each cell a TAB line (its further paragraphs below), a blank line after each row. */
function writeTika(family: Family): void {
  const lines: string[] = [...family.notice];
  for (const table of family.tables) {
    lines.push(...table.before);
    for (const row of table.rows) {
      for (const cell of row) lines.push(`\t${cellSpec(cell).text}`);
      lines.push('');
    }
  }
  lines.push(...(family.after ?? []));
  fs.writeFileSync(path.join(OUT, `${family.name}.txt`), `${lines.join('\n')}\n`);
}

/** Excel's text form of a cell: quoted when it holds a line break, a TAB or a quote (a quote doubled). */
function tabCell(text: string): string {
  return /[\n\t"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The tables as Excel copies them to text: a line per row, TAB between cells, a spanned cell followed by empty ones. */
function writeTab(family: Family): void {
  const lines: string[] = [...family.notice];
  for (const table of family.tables) {
    lines.push(...table.before);
    for (const row of table.rows) lines.push(row.flatMap((cell) => { const c = cellSpec(cell); return [tabCell(c.text), ...new Array<string>(c.colSpan - 1).fill('')]; }).join('\t'));
  }
  lines.push(...(family.after ?? []));
  fs.writeFileSync(path.join(OUT, `${family.name}.tab.txt`), `${lines.join('\n')}\n`);
}

function writeTxt(family: Family): void {
  fs.writeFileSync(path.join(OUT, `${family.name}.txt`), [...family.notice, ...(family.after ?? [])].join('\n') + '\n');
}

/** `--only f8-extra-columns` writes one family (the others' bytes stay as committed). */
async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const only = process.argv.indexOf('--only');
  const names = only >= 0 ? process.argv.slice(only + 1) : null;
  for (const family of FAMILIES.filter((f) => !names || names.includes(f.name))) {
    await writeDocx(family);
    if (family.xlsx) await writeXlsx(family);
    if (family.txt) writeTxt(family);
    if (family.tika) writeTika(family);
    if (family.tab) writeTab(family);
  }
  process.stdout.write(`wrote ${fs.readdirSync(OUT).length} files to ${OUT}\n`);
}

if (require.main === module) void main();
