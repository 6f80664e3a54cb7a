/**
 * The ES2015–ES2019 methods IE11 lacks that the core's read path calls (Array, String, Object,
 * Number, Math, typed arrays), installed only where missing. Written in the ES5 subset.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias */
import { define, eachOf, installRuntime } from './legacy-polyfills';

type AnyFn = (...args: any[]) => any;

function toInt(n: unknown, fallback: number): number {
  const v = Number(n);
  return n === undefined || v !== v ? fallback : v < 0 ? Math.ceil(v) : Math.floor(v);
}

function flatten(items: any[], depth: number, out: any[]): any[] {
  for (let i = 0; i < items.length; i += 1) {
    if (depth > 0 && Array.isArray(items[i])) flatten(items[i], depth - 1, out);
    else if (i in items) out.push(items[i]);
  }
  return out;
}

function installArray(): void {
  define(Array, 'from', function (items: any, map?: AnyFn) {
    const out: any[] = [];
    eachOf(items, (v) => out.push(map ? map(v, out.length) : v));
    return out;
  });
  define(Array, 'of', function (...items: any[]) { return items; });
  const A = Array.prototype as any;
  define(A, 'includes', function (this: any[], value: unknown, from?: number) {
    for (let i = Math.max(toInt(from, 0), 0); i < this.length; i += 1) if (this[i] === value || (value !== value && this[i] !== this[i])) return true;
    return false;
  });
  define(A, 'find', function (this: any[], fn: AnyFn, thisArg?: unknown) { for (let i = 0; i < this.length; i += 1) if (fn.call(thisArg, this[i], i, this)) return this[i]; return undefined; });
  define(A, 'findIndex', function (this: any[], fn: AnyFn, thisArg?: unknown) { for (let i = 0; i < this.length; i += 1) if (fn.call(thisArg, this[i], i, this)) return i; return -1; });
  define(A, 'fill', function (this: any[], value: unknown, start?: number, end?: number) {
    const len = this.length;
    let i = toInt(start, 0);
    let e = toInt(end, len);
    if (i < 0) i = Math.max(len + i, 0);
    if (e < 0) e = Math.max(len + e, 0);
    for (; i < Math.min(e, len); i += 1) this[i] = value;
    return this;
  });
  define(A, 'flat', function (this: any[], depth?: number) { return flatten(this, depth === undefined ? 1 : toInt(depth, 1), []); });
  define(A, 'flatMap', function (this: any[], fn: AnyFn, thisArg?: unknown) { return flatten(this.map(fn, thisArg), 1, []); });
  define(A, 'values', function (this: any[]) {
    const items = this;
    let i = 0;
    return { next: () => (i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }) };
  });
  define(A, (globalThis as any).Symbol.iterator, A.values);
  define(A, 'keys', function (this: any[]) { const keys: number[] = []; for (let i = 0; i < this.length; i += 1) keys.push(i); return A.values.call(keys); });
  define(A, 'entries', function (this: any[]) { return A.values.call(this.map((v, i) => [i, v])); });
}

function installTyped(): void {
  const typed = [Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, Float32Array, Float64Array];
  for (let t = 0; t < typed.length; t += 1) {
    const P = typed[t].prototype as any;
    const Ctor = typed[t] as any;
    define(P, 'slice', function (this: any, start?: number, end?: number) { return new Ctor(Array.prototype.slice.call(this, start, end)); });
    define(P, 'fill', (Array.prototype as any).fill);
    define(P, 'indexOf', Array.prototype.indexOf);
    define(P, 'includes', (Array.prototype as any).includes);
    define(P, 'every', Array.prototype.every);
    define(P, 'some', Array.prototype.some);
    define(P, 'forEach', Array.prototype.forEach);
    define(P, 'map', function (this: any, fn: AnyFn) { return new Ctor(Array.prototype.map.call(this, fn)); });
    define(P, (globalThis as any).Symbol.iterator, (Array.prototype as any).values);
    define(Ctor, 'from', function (items: any) { return new Ctor(Array.from(items)); });
  }
}

function installString(): void {
  const S = String.prototype as any;
  define(S, 'includes', function (this: string, search: string, from?: number) { return this.indexOf(search, from) >= 0; });
  define(S, 'startsWith', function (this: string, search: string, from?: number) { const at = toInt(from, 0); return this.substr(at, search.length) === search; });
  define(S, 'endsWith', function (this: string, search: string, end?: number) { const e = end === undefined ? this.length : toInt(end, this.length); return this.substring(e - search.length, e) === search; });
  define(S, 'repeat', function (this: string, count: number) { let out = ''; for (let i = 0; i < count; i += 1) out += this; return out; });
  const pad = (text: string, length: number, fill: string | undefined, start: boolean): string => {
    const filler = fill === undefined ? ' ' : String(fill);
    if (text.length >= length || !filler) return text;
    let padding = '';
    while (padding.length < length - text.length) padding += filler;
    padding = padding.slice(0, length - text.length);
    return start ? padding + text : text + padding;
  };
  define(S, 'padStart', function (this: string, length: number, fill?: string) { return pad(String(this), length, fill, true); });
  define(S, 'padEnd', function (this: string, length: number, fill?: string) { return pad(String(this), length, fill, false); });
  define(S, 'trimStart', function (this: string) { return this.replace(/^[\s\uFEFF\xA0]+/, ''); });
  define(S, 'trimEnd', function (this: string) { return this.replace(/[\s\uFEFF\xA0]+$/, ''); });
  define(S, 'codePointAt', function (this: string, at: number) {
    const c = this.charCodeAt(at);
    if (c !== c) return undefined;
    const d = this.charCodeAt(at + 1);
    return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000 : c;
  });
  define(S, (globalThis as any).Symbol.iterator, function (this: string) { return (Array.prototype as any).values.call(this.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? []); });
  define(String, 'fromCodePoint', function (...points: number[]) {
    let out = '';
    for (let i = 0; i < points.length; i += 1) {
      const p = points[i];
      out += p < 0x10000 ? String.fromCharCode(p) : String.fromCharCode(0xd800 + ((p - 0x10000) >> 10), 0xdc00 + ((p - 0x10000) & 0x3ff));
    }
    return out;
  });
}

function installObjectNumberMath(): void {
  define(Object, 'assign', function (target: any, ...sources: any[]) {
    for (let i = 0; i < sources.length; i += 1) if (sources[i]) for (const key in sources[i]) if (Object.prototype.hasOwnProperty.call(sources[i], key)) target[key] = sources[i][key];
    return target;
  });
  define(Object, 'entries', function (o: any) { return Object.keys(o).map((k) => [k, o[k]]); });
  define(Object, 'values', function (o: any) { return Object.keys(o).map((k) => o[k]); });
  define(Object, 'fromEntries', function (entries: any) { const out: any = {}; eachOf(entries, (e) => (out[e[0]] = e[1])); return out; });
  define(Number, 'isFinite', function (n: unknown) { return typeof n === 'number' && isFinite(n); });
  define(Number, 'isInteger', function (n: unknown) { return typeof n === 'number' && isFinite(n) && Math.floor(n) === n; });
  define(Number, 'isNaN', function (n: unknown) { return typeof n === 'number' && n !== n; });
  define(Number, 'parseFloat', parseFloat);
  define(Number, 'parseInt', parseInt);
  define(Number, 'EPSILON', Math.pow(2, -52));
  define(Number, 'MAX_SAFE_INTEGER', 9007199254740991);
  define(Math, 'trunc', function (n: number) { return n < 0 ? Math.ceil(n) : Math.floor(n); });
  define(Math, 'sign', function (n: number) { return n > 0 ? 1 : n < 0 ? -1 : n; });
  define(Math, 'log10', function (n: number) { return Math.log(n) / Math.LN10; });
}

/** Everything, in order: the runtime pieces first, the methods that iterate over them after. */
export function installLegacyPolyfills(g: any): void {
  installRuntime(g);
  installArray();
  installTyped();
  installString();
  installObjectNumberMath();
}
