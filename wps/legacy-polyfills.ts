/**
 * Runtime gaps of the older Chromium inside WPS 2019 (≈ Chrome 69) that our code and its libraries
 * use. Syntax is lowered by scripts/build-wps.js; these fill missing built-ins, and only when
 * missing. Imported first by wps/taskpane.ts (an entry point, so running at import is intended).
 */
type Loose = Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function pageScope(): Loose {
  if (typeof self !== 'undefined') return self as unknown as Loose;
  return typeof window !== 'undefined' ? (window as unknown as Loose) : {};
}

export function installLegacyPolyfills(scope: Loose = pageScope()): void {
  define(scope, 'globalThis', scope);
  define(Object, 'fromEntries', (entries: Iterable<readonly [PropertyKey, unknown]>) => {
    const out: Record<PropertyKey, unknown> = {};
    for (const [key, value] of entries) out[key] = value;
    return out;
  });
  define(Object, 'hasOwn', (obj: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(obj, key));
  define(Array.prototype, 'findLast', function findLast<T>(this: T[], predicate: (v: T, i: number, a: T[]) => unknown) {
    for (let i = this.length - 1; i >= 0; i--) if (predicate(this[i], i, this)) return this[i];
    return undefined;
  });
  define(Array.prototype, 'findLastIndex', function findLastIndex<T>(this: T[], predicate: (v: T, i: number, a: T[]) => unknown) {
    for (let i = this.length - 1; i >= 0; i--) if (predicate(this[i], i, this)) return i;
    return -1;
  });
  define(Array.prototype, 'at', function at<T>(this: T[], index: number) {
    const i = Math.trunc(index) || 0;
    return this[i < 0 ? this.length + i : i];
  });
  define(String.prototype, 'matchAll', function* matchAll(this: string, regexp: RegExp) {
    const re = new RegExp(regexp.source, regexp.flags.includes('g') ? regexp.flags : `${regexp.flags}g`);
    let m: RegExpExecArray | null;
    while ((m = re.exec(this)) !== null) {
      yield m;
      if (m[0] === '') re.lastIndex++;
    }
  });
  define(String.prototype, 'replaceAll', function replaceAll(this: string, search: string | RegExp, replacement: string) {
    if (search instanceof RegExp) return this.replace(search, replacement);
    return this.split(search).join(replacement);
  });
  define(scope, 'queueMicrotask', (callback: () => void) => void Promise.resolve().then(callback));
}

installLegacyPolyfills();
