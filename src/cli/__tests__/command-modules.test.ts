/**
 * Each command loads only what it uses (issue 15): the built index (scripts/lazy-core-index.js)
 * requires a core module when one of its names is first used, so a command reaches the modules
 * behind the names it imports, and their static imports. parse, validate, diff and registry show
 * must not reach the .xlsx writer (bug: validate and diff loaded ExcelJS without writing a workbook).
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import * as ts from 'typescript';

const SRC = join(__dirname, '../..');
const INDEX = join(SRC, 'core/index.ts');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeLazy, makeImportsLazy, LAZY_IMPORTS } = require('../../../scripts/lazy-core-index.js') as {
  makeLazy: (source: string) => string;
  makeImportsLazy: (source: string, specs: string[]) => string;
  LAZY_IMPORTS: Record<string, string[]>;
};

function resolveTs(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync) ?? (spec.endsWith('.json') && existsSync(base) ? base : undefined);
  if (!hit) throw new Error(`cannot resolve ${spec} from ${from}`);
  return hit;
}

/** Value imports of a file: module spec → the names imported (null: the whole module). */
function valueImports(file: string): { spec: string; names: string[] | null }[] {
  const source = readFileSync(file, 'utf8');
  const found: { spec: string; names: string[] | null }[] = [];
  for (const m of source.matchAll(/^(import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gms)) {
    if (!m[3].startsWith('.')) continue;
    const braces = /\{([^}]*)\}/.exec(m[2]);
    const names = braces ? braces[1].split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type ')).map((s) => s.split(/\s+as\s+/)[0]) : null;
    if (names && names.length === 0) continue;
    found.push({ spec: m[3], names });
  }
  return found;
}

/** Name → core module, from the index's export list. */
function indexExports(): Map<string, string> {
  const byName = new Map<string, string>();
  for (const { spec, names } of valueImports(INDEX)) for (const name of names ?? []) byName.set(name, resolveTs(INDEX, spec));
  return byName;
}

function reachable(entry: string): Set<string> {
  const exportsOf = indexExports();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { spec, names } of valueImports(file)) {
      const target = resolveTs(file, spec);
      if (target !== INDEX) queue.push(target);
      else for (const name of names ?? [...exportsOf.keys()]) queue.push(exportsOf.get(name) ?? INDEX);
    }
  }
  return new Set([...seen].map((f) => relative(SRC, f)));
}

describe('modules each command loads', () => {
  it.each(['parse', 'validate', 'diff', 'registry'])('%s reaches no .xlsx writer', (name) => {
    const files = [...reachable(join(SRC, `cli/commands/${name}.command.ts`))];
    expect(files.filter((f) => f.startsWith('writers/') || f === 'cli/cli-xlsx.ts')).toEqual([]);
    expect(files).toContain('core/readers/zip.reader.ts');
  });

  it('parse reaches the reading pipeline only: no flows of other commands, no supervision, no export', () => {
    const files = [...reachable(join(SRC, 'cli/commands/parse.command.ts'))];
    expect(files.filter((f) => /^core\/(supervision|export|rollover|distribute|diff)\//.test(f))).toEqual([]);
    expect(files.length).toBeLessThan(80);
  });

  it('split and collect do reach the writer (the check above can fail)', () => {
    expect([...reachable(join(SRC, 'cli/commands/split.command.ts'))]).toContain('writers/xlsx/xlsx.writer.ts');
  });
});

describe('scripts/lazy-core-index.js', () => {
  const compiled = ts.transpileModule(readFileSync(INDEX, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;

  it('turns every require of the compiled index into one made on first use', () => {
    const lazy = makeLazy(compiled);
    expect(compiled).toMatch(/^var \w+ = require\(/m);
    expect(lazy).not.toMatch(/^var \w+ = require\(/m);
    const required: string[] = [];
    const fakeRequire = (spec: string): Record<string, unknown> => {
      required.push(spec);
      return new Proxy({}, { get: (_, key) => `${spec}#${String(key)}` });
    };
    const exports: Record<string, unknown> = {};
    new Function('exports', 'require', lazy)(exports, fakeRequire);
    expect(required).toEqual([]);
    expect(exports.readInput).toBe('./flows/read-input.flow#readInput');
    expect(exports.summariseRead).toBe('./flows/read-input.flow#summariseRead');
    expect(required).toEqual(['./flows/read-input.flow']);
    expect(Object.keys(exports)).toEqual(expect.arrayContaining(['planImport', 'validateRecords', 'layoutWorkbook']));
  });

  it('refuses a text that is not tsc output, rather than leave the index eager unnoticed', () => {
    expect(() => makeLazy('exports.x = 1;')).toThrow(/no `var x_1 = require/);
  });
});

describe('scripts/lazy-core-index.js: lazy imports inside the core', () => {
  const compile = (rel: string): string => ts.transpileModule(readFileSync(join(SRC, 'core', rel.replace(/\.js$/, '.ts')), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;

  it.each(Object.entries(LAZY_IMPORTS))('%s requires %j on first use only', (rel, specs) => {
    const lazy = makeImportsLazy(compile(rel), specs);
    for (const spec of specs) expect(lazy).not.toContain(`= require(${JSON.stringify(spec)});\n`);
    expect(() => new Function('exports', 'require', lazy)).not.toThrow();
  });

  it('loads the .doc reader (cfb) only when a .doc is read, and the .docx reader only for a zip', async () => {
    const lazy = makeImportsLazy(compile('readers/document.reader.js'), LAZY_IMPORTS['readers/document.reader.js']);
    const required: string[] = [];
    const fakeRequire = (spec: string): Record<string, unknown> => {
      required.push(spec);
      return new Proxy({}, { get: (_, key) => (key === 'sniffKind' ? () => 'cfb' : () => `${spec}#${String(key)}`) });
    };
    const exports: Record<string, (...args: unknown[]) => unknown> = {};
    new Function('exports', 'require', lazy)(exports, fakeRequire);
    expect(required).not.toContain('./doc.reader');
    expect(required).not.toContain('./docx.reader');
    // The fake readers return no grids, so reading fails after the sniffer chose the reader.
    await (exports.readDocument(new Uint8Array([1]), 'a.doc') as Promise<unknown>).catch(() => undefined);
    expect(required).toContain('./doc.reader');
    expect(required).not.toContain('./docx.reader');
  });

  // Regression: `new fflate_1().Inflate(cb)` constructed the module getter and called Inflate
  // without `new`, so the built zip reader's fflate path (no native inflater) threw zip-invalid.
  it('keeps `new` on a lazily imported class: the zip reader inflates with fflate', () => {
    const lazy = makeImportsLazy(compile('readers/zip.reader.js'), LAZY_IMPORTS['readers/zip.reader.js']);
    const realRequire = (spec: string): unknown => jest.requireActual(spec.startsWith('.') ? join(SRC, 'core/readers', spec) : spec);
    const exports: Record<string, (...args: unknown[]) => unknown> = {};
    new Function('exports', 'require', lazy)(exports, realRequire);
    const text = '<w:document>'.concat('<w:p>分解落实</w:p>'.repeat(5000), '</w:document>');
    const bytes = zipSync({ 'word/document.xml': [strToU8(text), { level: 6 }] });
    const part = (exports.readZipEntries(bytes, ['word/document.xml']) as Map<string, Uint8Array>).get('word/document.xml');
    expect(part?.length).toBe(strToU8(text).length);
    expect(part !== undefined && strFromU8(part) === text).toBe(true);
  });

  it('refuses a spec the module does not require, rather than stay eager unnoticed', () => {
    expect(() => makeImportsLazy(compile('readers/document.reader.js'), ['./no-such.reader'])).toThrow(/no `const x_1 = require/);
  });
});
