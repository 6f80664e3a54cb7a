/**
 * The written workbook opens in a real spreadsheet application: LibreOffice (installed by .ci/run)
 * converts it to PDF. soffice is required; the test fails when it is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbookPlan, parseDocument } from '../../../core/testing';
import { writeXlsx } from '../xlsx.writer';

const ROOT = path.resolve(__dirname, '../../../..');

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

describe('LibreOffice opens the written workbook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('converts it to a non-empty PDF', async () => {
    const soffice = which('soffice');
    expect(soffice).not.toBeNull(); // LibreOffice is required (.ci/run installs the Debian package)
    const seed = await parseDocument(new Uint8Array(fs.readFileSync(path.join(ROOT, 'seeds/000_8040c5413e4a8407.txt'))), 'seed.txt');
    const file = path.join(dir, 'workbook-2023.xlsx');
    fs.writeFileSync(file, await writeXlsx(buildWorkbookPlan({ results: [seed] })));
    const profile = path.join(dir, 'profile');
    const run = spawnSync(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 150_000, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    const pdf = path.join(dir, 'workbook-2023.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
    if (which('pdftoppm')) {
      const results = path.join(ROOT, 'test-results');
      fs.mkdirSync(results, { recursive: true });
      spawnSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', pdf, path.join(results, 'workbook-2023')], { timeout: 60_000 });
    }
  }, 200_000);
});
