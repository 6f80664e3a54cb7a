/** The family fixtures (scripts/make-family-fixtures.ts) are valid OOXML and read back by python-docx / openpyxl. */
import * as fs from 'fs';
import * as path from 'path';
import { checkOoxml, readBackDocx, readBackXlsx } from './schema/ooxml';

const DIR = path.join(__dirname, 'fixtures', 'families');
const files = fs.readdirSync(DIR).filter((f) => /\.(docx|xlsx)$/.test(f)).map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(DIR, name))) }));

describe('family fixtures', () => {
  it('are valid against ECMA-376', () => {
    expect(checkOoxml(files)).toEqual([]);
  });

  it('read back in python-docx with their tables, and in openpyxl with their cells', () => {
    const f6 = readBackDocx(files.find((f) => f.name === 'f6-projects-other-columns.docx')!);
    expect(f6.tables[0][0]).toEqual(['序号', '民生实事', '主要内容', '区政府分管领导', '责任单位', '完成时限']);
    const f5 = readBackXlsx(files.find((f) => f.name === 'f5-traditional.xlsx')!);
    expect(Object.values(f5.sheets)[0][1]).toEqual(['序號', '工作任務', '責任領導', '牽頭單位', '配合單位', '完成時限']);
  });
});
