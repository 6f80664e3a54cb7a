/**
 * Homophone keys from toneful pinyin. pinyin-pro is large, so the core never imports it
 * statically: callers inject its `pinyin` function (or call `loadPinyin()`, a dynamic import).
 */
import { isHan } from './name.normalise';

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

export function stripTones(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

export function createPinyinReader(pinyin: PinyinFn): PinyinReader {
  const cache = new Map<string, string[]>();
  const readings = (ch: string): string[] => {
    let hit = cache.get(ch);
    if (!hit) {
      hit = isHan(ch) ? [...new Set(pinyin(ch, { type: 'array', multiple: true }).filter(Boolean))] : [ch.toLowerCase()];
      if (hit.length === 0) hit = [ch];
      cache.set(ch, hit);
    }
    return hit;
  };
  const surnames = new Map<string, string>();
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
