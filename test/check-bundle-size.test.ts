/** scripts/check-bundle-size.js on small fake dist folders: within budget, over budget, missing. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check, main } = require('../scripts/check-bundle-size.js') as {
  check: (dir: string, budget: number, log?: (line: string) => void) => { ok: boolean; results: { page: string; bytes: number; files: string[] }[] };
  main: (argv: string[]) => number;
};

function makeDist(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-dist-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const page = (scripts: string[]) => `<html><head><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>${scripts.map((s) => `<script defer src="${s}"></script>`).join('')}</head></html>`;

describe('check-bundle-size', () => {
  const quiet = () => undefined;

  it('sums the gzipped scripts the page loads, ignoring office.js and lazy chunks', () => {
    const dir = makeDist({
      'taskpane.html': page(['taskpane.abc.js', 'vendor.abc.js']),
      'taskpane.abc.js': 'console.log("a");'.repeat(1000),
      'vendor.abc.js': 'var b = 1;'.repeat(1000),
      'chunks/pinyin.js': crypto.randomBytes(400 * 1024),
      'office-js/office.js': crypto.randomBytes(10),
    });
    const { ok, results } = check(dir, 250 * 1024, quiet);
    expect(ok).toBe(true);
    expect(results[0].files.map((f) => path.basename(f))).toEqual(['taskpane.abc.js', 'vendor.abc.js']);
    expect(results[0].bytes).toBeGreaterThan(0);
    expect(results[0].bytes).toBeLessThan(2000);
  });

  it('fails when the initial JavaScript is over budget', () => {
    const dir = makeDist({ 'taskpane.html': page(['taskpane.js']), 'taskpane.js': crypto.randomBytes(300 * 1024) });
    expect(check(dir, 250 * 1024, quiet).ok).toBe(false);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(main([dir])).toBe(1);
    expect(main([dir, '--budget-kb=400'])).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toMatch(/OVER BUDGET/);
    log.mockRestore();
    err.mockRestore();
  });

  it('fails when there is no task pane at all', () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(main([makeDist({ 'other.js': 'x' })])).toBe(1);
    expect(main([path.join(os.tmpdir(), 'no-such-dist-fenjie')])).toBe(1);
    err.mockRestore();
    log.mockRestore();
  });
});
