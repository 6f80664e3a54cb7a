/** The core is pure: it imports no Office.js, WPS globals, React, DOM, fs or path, and nothing outside src/core. */
import * as fs from 'fs';
import * as path from 'path';

const CORE = path.resolve(__dirname, '..');

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : listSources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const FORBIDDEN_MODULES = /^(fs|path|os|child_process|node:.*|react|react-dom|@fluentui\/.*|@microsoft\/office-js|office-addin-.*)$/;
const FORBIDDEN_GLOBALS = /\b(Excel\.run|Office\.onReady|window\.|document\.|wps\.|Application\.ActiveWorkbook|localStorage)\b/;

describe('src/core purity', () => {
  const files = listSources(CORE);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [path.relative(CORE, f), f]))('%s imports nothing impure', (_rel, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of specifiers) {
      expect(spec).not.toMatch(FORBIDDEN_MODULES);
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        expect(target.startsWith(CORE)).toBe(true);
      }
    }
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(FORBIDDEN_GLOBALS);
  });
});
