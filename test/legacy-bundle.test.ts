/**
 * The old-Office pane (dist/legacy.js): ES5 syntax only (acorn, ecmaVersion 5), no regular-expression
 * feature IE11 lacks, and it does its job where IE11's built-ins are missing: run in a VM context with
 * Map, Set, Symbol, Promise, TextDecoder and the ES2015+ methods deleted, over a fake DOM and a fake
 * ExcelApi 1.1 (worksheets.add, range.values), it imports the 2023 seed into two new sheets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { parse } from 'acorn';
import { isLegacyWebview } from '../src/taskpane/legacy/legacy-detect';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLegacy } = require('../scripts/build-legacy.js') as { buildLegacy: (dir: string) => { file: string; bytes: number } };

const ROOT = join(__dirname, '..');
const SEED_2023 = join(ROOT, 'seeds', '000_8040c5413e4a8407.txt');

/** What IE11 does not have; deleted from the VM context before the bundle runs. */
const MISSING = [
  'Map', 'Set', 'Symbol', 'Promise', 'TextDecoder', 'Array.from', 'Array.of', 'Object.assign', 'Object.entries', 'Object.values', 'Object.fromEntries',
  'Number.isFinite', 'Number.isInteger', 'Number.isNaN', 'Math.trunc', 'Math.sign', 'String.fromCodePoint',
  'Array.prototype.includes', 'Array.prototype.find', 'Array.prototype.findIndex', 'Array.prototype.fill', 'Array.prototype.flat', 'Array.prototype.flatMap',
  'Array.prototype.keys', 'Array.prototype.values', 'Array.prototype.entries',
  'String.prototype.includes', 'String.prototype.startsWith', 'String.prototype.endsWith', 'String.prototype.repeat', 'String.prototype.padStart',
  'String.prototype.padEnd', 'String.prototype.trimStart', 'String.prototype.trimEnd', 'String.prototype.codePointAt',
  'Uint8Array.prototype.slice', 'Uint8Array.prototype.fill',
];

interface FakeNode {
  tag: string;
  attrs: Record<string, string>;
  children: FakeNode[];
  text: string;
  textContent: string;
  innerHTML: string;
  files?: unknown[];
  onclick?: (event?: unknown) => void;
}

function fakeDocument(file: { name: string; bytes: Uint8Array }) {
  const make = (tag: string): FakeNode => {
    const node: FakeNode = {
      tag, attrs: {}, children: [], text: '', textContent: '', innerHTML: '',
      ...(tag === 'input' ? { files: [file] } : {}),
    };
    return Object.assign(node, {
      setAttribute: (k: string, v: string) => (node.attrs[k] = v),
      appendChild: (child: FakeNode) => node.children.push(child),
    });
  };
  const root = make('div');
  const all = (node: FakeNode): FakeNode[] => [node, ...node.children.flatMap(all)];
  const byTestId = (id: string): FakeNode | undefined => all(root).find((n) => n.attrs['data-testid'] === id);
  const document = { readyState: 'complete', getElementById: () => root, createElement: make, createTextNode: (text: string) => ({ tag: '#text', text, attrs: {}, children: [] }) };
  return { document, byTestId };
}

/** ExcelApi 1.1 as Office 2016 has it: worksheets.load/items/add and range.values, nothing newer. */
function fakeExcel(existing: string[]) {
  const written: Record<string, { address: string; values: unknown[][] }> = {};
  const items = existing.map((name) => ({ name }));
  const context = {
    workbook: {
      worksheets: {
        items,
        load: () => undefined,
        add: (name: string) => {
          items.push({ name });
          return { getRange: (address: string) => ({ set values(values: unknown[][]) { written[name] = { address, values }; } }) };
        },
      },
    },
    sync: () => Promise.resolve(),
  };
  return { Excel: { run: (batch: (c: typeof context) => Promise<unknown>) => batch(context) }, written };
}

describe('the ES5 pane for old Office (legacy.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-legacy-'));
  let code = '';
  beforeAll(() => {
    code = readFileSync(buildLegacy(dir).file, 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('detects IE11/Trident and EdgeHTML, not Chromium Edge', () => {
    expect(isLegacyWebview('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko')).toBe(true);
    expect(isLegacyWebview('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.17763')).toBe(true);
    expect(isLegacyWebview('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0')).toBe(false);
  });

  it('is ES5: acorn parses it with ecmaVersion 5, and no RegExp uses lookbehind, named groups or the u/s/y flags', () => {
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
    expect(code).not.toMatch(/\(\?<[=!A-Za-z]/);
    expect(code).not.toMatch(/RegExp\([^()]*,\s*"[gim]*[suy][gimsuy]*"\)/);
    expect(code).not.toMatch(/\bReact\b|@fluentui/);
  });

  it('imports the 2023 seed into two new sheets as values where IE11 built-ins are missing', async () => {
    const { document, byTestId } = fakeDocument({ name: '2023.txt', bytes: new Uint8Array(readFileSync(SEED_2023)) });
    const { Excel, written } = fakeExcel(['Sheet1', '主要工作']);
    class FakeFileReader {
      result: ArrayBuffer | null = null;
      onload: (() => void) | null = null;
      readAsArrayBuffer(file: { bytes: Uint8Array }) {
        this.result = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
        setTimeout(() => this.onload?.(), 0);
      }
    }
    const context = vm.createContext({ setTimeout, clearTimeout, console, document, Excel, FileReader: FakeFileReader, location: { href: 'https://x/taskpane.html' } });
    vm.runInContext(`var window = globalThis; ${MISSING.map((name) => `delete ${name};`).join(' ')}`, context);
    expect(vm.runInContext('typeof Map + typeof Promise + typeof [].includes', context)).toBe('undefinedundefinedundefined');
    vm.runInContext(code, context);
    expect(byTestId('legacy-page')).toBeDefined();
    expect(byTestId('legacy-needs-new')?.children[0].text).toMatch(/Office 2021 或 Microsoft 365/);
    byTestId('legacy-write')?.onclick?.();
    const status = byTestId('legacy-status') as FakeNode;
    for (let i = 0; i < 400 && !/已写入|出错/.test(status.textContent); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(status.textContent).toMatch(/^已写入/);
    expect(Object.keys(written)).toEqual(['主要工作(2)', '民生实事']);
    const tasks = written['主要工作(2)'].values;
    const header = tasks.findIndex((row) => row.includes('编号'));
    const ids = tasks.slice(header + 1).map((row) => row[(tasks[header] as unknown[]).indexOf('编号')]);
    expect(ids).toHaveLength(88);
    expect(ids[0]).toBe('2023-T-001');
    expect(written['民生实事'].values.length - header - 1).toBe(22);
    expect(written['主要工作(2)'].address).toBe(`A1:${String.fromCharCode(64 + (tasks[0] as unknown[]).length)}${tasks.length}`);
  });
});
