/**
 * LibreOffice (installed by .ci/run) converts the exported .docx of both seeds to PDF; the first
 * pages are rendered to PNG in test-results/export/ so a person can look at them.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../parse/parse-document';
import { writeNoticeDocx } from '../docx.writer';

const ROOT = path.resolve(__dirname, '../../../..');
const OUT = path.join(ROOT, 'test-results', 'export');
const SEEDS = ['000_8040c5413e4a8407.txt', '002_9a155e4ec979336d.txt'];

function convert(docx: string): string {
  execFileSync('soffice', ['--headless', '-env:UserInstallation=file:///tmp/lo-fenjie-export', '--convert-to', 'pdf', '--outdir', OUT, docx], { timeout: 120_000, stdio: 'ignore' });
  return docx.replace(/\.docx$/, '.pdf');
}

describe('exported .docx in LibreOffice', () => {
  beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));

  it.each(SEEDS)('%s converts to PDF and renders', async (seed) => {
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(ROOT, 'seeds', seed))), seed);
    const docx = path.join(OUT, `${seed.replace(/\.txt$/, '')}.docx`);
    fs.writeFileSync(docx, writeNoticeDocx({ notice: parsed.notice, tables: parsed.tables }).bytes);
    const pdf = convert(docx);
    expect(fs.existsSync(pdf)).toBe(true);
    const head = fs.readFileSync(pdf).subarray(0, 5).toString('latin1');
    expect(head).toBe('%PDF-');
    const prefix = pdf.replace(/\.pdf$/, '');
    for (const f of fs.readdirSync(OUT)) if (f.startsWith(path.basename(prefix)) && f.endsWith('.png')) fs.unlinkSync(path.join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, prefix], { timeout: 60_000 });
    const pngs = fs.readdirSync(OUT).filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
    expect(pngs).toHaveLength(3);
    for (const png of pngs) expect(fs.statSync(path.join(OUT, png)).size).toBeGreaterThan(2000);
    // the tables run over many pages: more pages than rows / 10 would be a broken layout, fewer than 5 a lost table
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
    const rows = parsed.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThan(rows / 2);
  }, 180_000);

  it('defect 14: the 2021 附件2 (民生实事, 26 rows) fills its pages and repeats its header on each (regression: 12 pages, some with one row)', async () => {
    const seed = '002_9a155e4ec979336d.txt';
    const parsed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(ROOT, 'seeds', seed))), seed);
    const projects = parsed.tables.filter((t) => t.kind === 'projects');
    expect(projects[0].rows).toHaveLength(26);
    const docx = path.join(OUT, '002-projects.docx');
    fs.writeFileSync(docx, writeNoticeDocx({ tables: projects }, { cover: false }).bytes);
    const pdf = convert(docx);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
    // 8 pages in LibreOffice 7 with Noto CJK; the rows kept whole and the fixed 62/38 split took 12
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(9);
    for (let page = 1; page <= pages; page += 1) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']).toString();
      expect({ page, header: text.includes('主要建设内容') }).toEqual({ page, header: true });
    }
  }, 180_000);
});
