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
/** Globals of the hosts and the DOM, used as identifiers (not inside strings such as 'word/document.xml'). */
const FORBIDDEN_GLOBALS = /(?<![\w$.])(Excel\.run|Office\.onReady|window\.|document\.|wps\.|Application\.ActiveWorkbook|localStorage)/;

function stripCommentsAndStrings(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

describe('src/core purity', () => {
  const files = listSources(CORE);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('catches a DOM global but not a file name in a string', () => {
    expect(stripCommentsAndStrings("const x = 'word/document.xml';")).not.toMatch(FORBIDDEN_GLOBALS);
    expect(stripCommentsAndStrings('const x = document.createElement("a");')).toMatch(FORBIDDEN_GLOBALS);
    expect(stripCommentsAndStrings('await Excel.run(async (c) => c.sync());')).toMatch(FORBIDDEN_GLOBALS);
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
    expect(stripCommentsAndStrings(text)).not.toMatch(FORBIDDEN_GLOBALS);
  });
});
