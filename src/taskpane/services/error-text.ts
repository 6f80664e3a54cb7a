import { isFenjieError } from '../../core';
import type { Lang } from '../i18n/strings';

/** A message for people: the FenjieError's text in the UI language with its code, else a short generic line. */
export function describeError(error: unknown, lang: Lang): string {
  if (isFenjieError(error)) return `${lang === 'en' ? error.messageEn : error.messageZh} (${error.code})`;
  const text = error instanceof Error ? error.message : String(error);
  return lang === 'en' ? `Unexpected problem: ${text}` : `意外错误：${text}`;
}
