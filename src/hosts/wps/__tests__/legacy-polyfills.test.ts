/** wps/legacy-polyfills.ts fills built-ins missing in the old Chromium of WPS 2019, and only those. */
import { installLegacyPolyfills } from '../../../../wps/legacy-polyfills';

type Slot = [object, string];
type WithFindLast = { findLast(predicate: (n: number) => boolean): number | undefined };
const findLastOf = (array: number[]) => (array as unknown as WithFindLast).findLast.bind(array);
const protoFindLast = () => (Array.prototype as unknown as { findLast: unknown }).findLast;
const SLOTS: Slot[] = [
  [Object, 'fromEntries'],
  [Array.prototype, 'findLast'],
  [Array.prototype, 'at'],
  [String.prototype, 'matchAll'],
  [String.prototype, 'replaceAll'],
];

describe('legacy polyfills for WPS', () => {
  const saved = SLOTS.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));
  afterEach(() => SLOTS.forEach(([target, name], i) => Object.defineProperty(target, name, saved[i] as PropertyDescriptor)));

  it('installs working stand-ins where the built-ins are missing', () => {
    for (const [target, name] of SLOTS) delete (target as Record<string, unknown>)[name];
    const scope: Record<string, unknown> = {};
    installLegacyPolyfills(scope);
    expect(scope.globalThis).toBe(scope);
    expect(Object.fromEntries([['a', 1], ['b', 2]])).toEqual({ a: 1, b: 2 });
    expect(findLastOf([1, 2, 3, 4])((n) => n % 2 === 1)).toBe(3);
    expect([1, 2, 3].at(-1)).toBe(3);
    expect([...'a1b22c'.matchAll(/\d+/g)].map((m) => m[0])).toEqual(['1', '22']);
    expect('a-b-c'.replaceAll('-', '、')).toBe('a、b、c');
  });

  it('leaves existing built-ins alone', () => {
    const before = protoFindLast();
    installLegacyPolyfills({});
    expect(protoFindLast()).toBe(before);
  });
});
