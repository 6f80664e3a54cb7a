/**
 * What Internet Explorer 11 lacks and the core's read path uses: Symbol.iterator, iterable Map and
 * Set, Promise, TextDecoder (UTF-8/UTF-16), and a few Array, String, Object, Number and typed-array
 * methods. Each is installed only when missing, so a modern webview keeps its own. Written in the
 * ES5 subset on purpose (no for-of, spread or classes: this file runs before anything is patched).
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias */

type AnyFn = (...args: any[]) => any;

function define(target: any, name: string | symbol, value: unknown): void {
  if (target && !(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function arrayIterator(items: unknown[]): any {
  let i = 0;
  const it: any = { next: () => (i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }) };
  it[(globalThis as any).Symbol.iterator] = () => it;
  return it;
}

function installSymbol(g: any): void {
  if (typeof g.Symbol === 'function' && typeof g.Symbol.iterator !== 'undefined') return;
  let counter = 0;
  const Sym: any = function (description?: string) {
    counter += 1;
    return `@@fenjie_symbol_${description ?? ''}_${counter}`;
  };
  Sym.iterator = '@@iterator';
  Sym.asyncIterator = '@@asyncIterator';
  Sym.toStringTag = '@@toStringTag';
  Sym.for = (key: string) => `@@fenjie_symbol_for_${key}`;
  g.Symbol = Sym;
}

/** Each value of an iterable (anything with Symbol.iterator, or array-like). */
export function eachOf(iterable: any, visit: (value: any) => void): void {
  if (iterable === null || iterable === undefined) return;
  const key = (globalThis as any).Symbol.iterator;
  if (typeof iterable[key] === 'function') {
    const it = iterable[key]();
    for (let step = it.next(); !step.done; step = it.next()) visit(step.value);
    return;
  }
  for (let i = 0; i < iterable.length; i += 1) visit(iterable[i]);
}

function needsCollections(g: any): boolean {
  try {
    const set = new g.Set([1, 2]);
    return set.size !== 2 || typeof set[g.Symbol.iterator] !== 'function' || typeof new g.Map()[g.Symbol.iterator] !== 'function';
  } catch {
    return true;
  }
}

/** Insertion-ordered Map and Set over arrays (IE11's own take no iterable and cannot be iterated). */
function installCollections(g: any): void {
  if (!needsCollections(g)) return;
  const indexOf = (keys: unknown[], key: unknown): number => {
    for (let i = 0; i < keys.length; i += 1) if (keys[i] === key || (keys[i] !== keys[i] && key !== key)) return i;
    return -1;
  };
  const FMap: any = function (this: any, entries?: any) {
    this._k = [];
    this._v = [];
    const self = this;
    eachOf(entries, (entry) => self.set(entry[0], entry[1]));
  };
  FMap.prototype = {
    get size() { return this._k.length; },
    get(key: unknown) { const i = indexOf(this._k, key); return i < 0 ? undefined : this._v[i]; },
    has(key: unknown) { return indexOf(this._k, key) >= 0; },
    set(key: unknown, value: unknown) { const i = indexOf(this._k, key); if (i < 0) { this._k.push(key); this._v.push(value); } else this._v[i] = value; return this; },
    delete(key: unknown) { const i = indexOf(this._k, key); if (i < 0) return false; this._k.splice(i, 1); this._v.splice(i, 1); return true; },
    clear() { this._k = []; this._v = []; },
    forEach(fn: AnyFn, thisArg?: unknown) { const k = this._k.slice(); const v = this._v.slice(); for (let i = 0; i < k.length; i += 1) fn.call(thisArg, v[i], k[i], this); },
    keys() { return arrayIterator(this._k.slice()); },
    values() { return arrayIterator(this._v.slice()); },
    entries() { const out: unknown[] = []; for (let i = 0; i < this._k.length; i += 1) out.push([this._k[i], this._v[i]]); return arrayIterator(out); },
  };
  FMap.prototype[g.Symbol.iterator] = FMap.prototype.entries;
  const FSet: any = function (this: any, values?: any) {
    this._k = [];
    const self = this;
    eachOf(values, (value) => self.add(value));
  };
  FSet.prototype = {
    get size() { return this._k.length; },
    has(value: unknown) { return indexOf(this._k, value) >= 0; },
    add(value: unknown) { if (indexOf(this._k, value) < 0) this._k.push(value); return this; },
    delete(value: unknown) { const i = indexOf(this._k, value); if (i < 0) return false; this._k.splice(i, 1); return true; },
    clear() { this._k = []; },
    forEach(fn: AnyFn, thisArg?: unknown) { const k = this._k.slice(); for (let i = 0; i < k.length; i += 1) fn.call(thisArg, k[i], k[i], this); },
    values() { return arrayIterator(this._k.slice()); },
    keys() { return arrayIterator(this._k.slice()); },
    entries() { return arrayIterator(this._k.map((k: unknown) => [k, k])); },
  };
  FSet.prototype[g.Symbol.iterator] = FSet.prototype.values;
  g.Map = FMap;
  g.Set = FSet;
}

/** A small Promises/A+ implementation (then, catch, finally, resolve, reject, all). */
function installPromise(g: any): void {
  if (typeof g.Promise === 'function') return;
  const later = (fn: () => void): void => void setTimeout(fn, 0);
  const P: any = function (this: any, executor: AnyFn) {
    const self = this;
    self._s = 0;
    self._h = [];
    const settle = (state: number, value: unknown): void => {
      if (self._s) return;
      if (state === 1 && value && (typeof value === 'object' || typeof value === 'function') && typeof (value as any).then === 'function') {
        let called = false;
        try {
          (value as any).then((v: unknown) => { if (!called) { called = true; self._s = 0; settle(1, v); } }, (e: unknown) => { if (!called) { called = true; settle(2, e); } });
          self._s = 3;
        } catch (error) {
          if (!called) settle(2, error);
        }
        return;
      }
      self._s = state;
      self._v = value;
      const handlers = self._h;
      self._h = [];
      for (let i = 0; i < handlers.length; i += 1) later(handlers[i]);
    };
    self._settle = settle;
    try {
      executor((v: unknown) => (self._s === 3 ? undefined : settle(1, v)), (e: unknown) => (self._s === 3 ? undefined : settle(2, e)));
    } catch (error) {
      settle(2, error);
    }
  };
  P.prototype.then = function (this: any, onOk?: AnyFn, onFail?: AnyFn) {
    const self = this;
    return new P((resolve: AnyFn, reject: AnyFn) => {
      const run = (): void => {
        const handler = self._s === 1 ? onOk : onFail;
        if (typeof handler !== 'function') return void (self._s === 1 ? resolve(self._v) : reject(self._v));
        try {
          resolve(handler(self._v));
        } catch (error) {
          reject(error);
        }
      };
      if (self._s === 1 || self._s === 2) later(run);
      else self._h.push(run);
    });
  };
  P.prototype.catch = function (this: any, onFail: AnyFn) { return this.then(undefined, onFail); };
  P.prototype.finally = function (this: any, fn: AnyFn) { return this.then((v: unknown) => P.resolve(fn()).then(() => v), (e: unknown) => P.resolve(fn()).then(() => { throw e; })); };
  P.resolve = (v: unknown) => (v instanceof P ? v : new P((resolve: AnyFn) => resolve(v)));
  P.reject = (e: unknown) => new P((_: AnyFn, reject: AnyFn) => reject(e));
  P.all = (items: any) => new P((resolve: AnyFn, reject: AnyFn) => {
    const list: unknown[] = [];
    eachOf(items, (item) => list.push(item));
    const out = new Array(list.length);
    let left = list.length;
    if (!left) resolve(out);
    list.forEach((item, i) => P.resolve(item).then((v: unknown) => { out[i] = v; left -= 1; if (!left) resolve(out); }, reject));
  });
  g.Promise = P;
}

/** Continuation bytes after a lead byte (-1: not a lead byte). */
function utf8Tail(b: number): number {
  if (b < 0x80) return 0;
  if (b >= 0xc2 && b < 0xe0) return 1;
  if (b >= 0xe0 && b < 0xf0) return 2;
  return b >= 0xf0 && b < 0xf5 ? 3 : -1;
}

/** Allowed range of the first continuation byte after a lead byte (WHATWG: no overlongs, no surrogates). */
function firstTailRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  return lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
}

/** The sequence at i: its code point, or -1 with how many bytes the one U+FFFD replaces (the maximal subpart). */
function utf8Sequence(bytes: Uint8Array, i: number, tail: number): { cp: number; length: number } {
  if (tail <= 0) return { cp: tail === 0 ? bytes[i] : -1, length: 1 };
  let cp = bytes[i] & (0x3f >> tail);
  for (let k = 1; k <= tail; k += 1) {
    const c = bytes[i + k];
    const [low, high] = k === 1 ? firstTailRange(bytes[i]) : [0x80, 0xbf];
    if (c === undefined || c < low || c > high) return { cp: -1, length: k };
    cp = (cp << 6) | (c & 0x3f);
  }
  return { cp, length: tail + 1 };
}

export function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const { cp, length } = utf8Sequence(bytes, i, utf8Tail(bytes[i]));
    i += length;
    if (cp < 0) {
      if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
      out += '\ufffd';
    } else {
      out += cp >= 0x10000 ? String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)) : String.fromCharCode(cp);
    }
  }
  return out;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  return out;
}

function decodeLatin(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) out += String.fromCharCode(bytes[i]);
  return out;
}

/** UTF-8, UTF-16 and windows-1252 (as Latin-1); any other label is refused as a browser without it would. */
function installTextDecoder(g: any): void {
  if (typeof g.TextDecoder === 'function') return;
  const TD: any = function (this: any, label?: string, options?: { fatal?: boolean }) {
    const name = String(label ?? 'utf-8').toLowerCase();
    if (!/^(utf-?8|utf-16(le|be)?|windows-1252|latin1|iso-8859-1|us-ascii)$/.test(name)) throw new RangeError(`The encoding label provided ('${name}') is invalid.`);
    this.encoding = name;
    this.fatal = !!options?.fatal;
  };
  TD.prototype.decode = function (this: any, input?: ArrayBuffer | ArrayBufferView) {
    const bytes = input === undefined ? new Uint8Array(0) : input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array((input as ArrayBufferView).buffer, (input as ArrayBufferView).byteOffset, (input as ArrayBufferView).byteLength);
    if (/^utf-?8$/.test(this.encoding)) return decodeUtf8(bytes, this.fatal);
    if (/^utf-16/.test(this.encoding)) return decodeUtf16(bytes, this.encoding !== 'utf-16be');
    return decodeLatin(bytes);
  };
  g.TextDecoder = TD;
}

/** Symbol, Map/Set, Promise, TextDecoder; then the methods (legacy-methods.ts). */
export function installRuntime(g: any): void {
  installSymbol(g);
  installCollections(g);
  installPromise(g);
  installTextDecoder(g);
}

export { define };
