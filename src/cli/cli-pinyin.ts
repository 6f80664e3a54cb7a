/**
 * pinyin-pro for the CLI, loaded on its first call: the matcher needs pinyin only for a name that
 * no registry entry matches exactly or by a certain alias, and loading pinyin-pro (and building
 * the registry's homophone keys) was a third of `fenjie validate` on a seed, which never needs it.
 */
import type { PinyinFn } from '../core/index';

let loaded: PinyinFn | null = null;

export const lazyPinyin: PinyinFn = (word, options) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('pinyin-pro') as { pinyin: unknown }).pinyin as PinyinFn;
  return loaded(word, options);
};
