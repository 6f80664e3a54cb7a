/**
 * Homophone keys from toneful pinyin. pinyin-pro is large, so the core never imports it
 * statically: callers inject its `pinyin` function (or call `loadPinyin()`, a dynamic import).
 */
import { isHan } from './name.normaliser';

/** The slice of pinyin-pro's `pinyin` the matcher uses. */
export type PinyinFn = (word: string, options: { type: 'array'; multiple?: boolean; mode?: 'normal' | 'surname' }) => string[];

/** Loads pinyin-pro on demand (a separate chunk in the task pane bundle). */
export async function loadPinyin(): Promise<PinyinFn> {
  const mod = await import('pinyin-pro');
  return mod.pinyin as unknown as PinyinFn;
}

/** Most reading combinations kept per name: polyphonic characters multiply. */
const MAX_KEYS = 32;

export interface PinyinReader {
  /** Every reading of one character (toneful), cached. */
  readings(ch: string): string[];
  /** Toneful keys of a name: every combination of every reading, surname reading included. */
  keys(name: string, asPerson: boolean): string[];
}

const toneless = new Map<string, string>();

export function stripTones(key: string): string {
  let hit = toneless.get(key);
  if (hit === undefined) {
    hit = key
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');
    if (toneless.size > 200_000) toneless.clear();
    toneless.set(key, hit);
  }
  return hit;
}

/** Readings per character, shared by every index built with the same pinyin function. */
const readingCaches = new WeakMap<PinyinFn, { readings: Map<string, string[]>; surnames: Map<string, string> }>();

export function createPinyinReader(pinyin: PinyinFn): PinyinReader {
  let shared = readingCaches.get(pinyin);
  if (!shared) readingCaches.set(pinyin, (shared = { readings: new Map(), surnames: new Map() }));
  const cache = shared.readings;
  const readings = (ch: string): string[] => {
    let hit = cache.get(ch);
    if (!hit) {
      hit = isHan(ch) ? [...new Set(pinyin(ch, { type: 'array', multiple: true }).filter(Boolean))] : [ch.toLowerCase()];
      if (hit.length === 0) hit = [ch];
      cache.set(ch, hit);
    }
    return hit;
  };
  const surnames = shared.surnames;
  const surnameReading = (ch: string): string => {
    let hit = surnames.get(ch);
    if (hit === undefined) {
      hit = pinyin(ch, { type: 'array', mode: 'surname' })[0] ?? '';
      surnames.set(ch, hit);
    }
    return hit;
  };
  const keys = (name: string, asPerson: boolean): string[] => {
    const chars = [...name];
    if (chars.length === 0) return [];
    const perChar = chars.map((ch) => readings(ch));
    if (asPerson && isHan(chars[0])) {
      const surname = surnameReading(chars[0]);
      if (surname && !perChar[0].includes(surname)) perChar[0] = [surname, ...perChar[0]];
    }
    let combos: string[] = [''];
    for (const options of perChar) {
      const next: string[] = [];
      for (const prefix of combos) {
        for (const reading of options) {
          if (next.length >= MAX_KEYS) break;
          next.push(prefix ? `${prefix} ${reading}` : reading);
        }
      }
      combos = next;
    }
    return combos;
  };
  return { readings, keys };
}
