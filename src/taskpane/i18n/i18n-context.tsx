import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { STRINGS, formatString, type Lang, type StringKey } from './strings';

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ lang: 'zh-CN', t: (key, values) => formatString(STRINGS['zh-CN'][key], values) });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<I18nValue>(() => ({ lang, t: (key, values) => formatString(STRINGS[lang][key], values) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** Picks the message in the UI language from a FenjieError-like or Finding-like object. */
export function pickMessage(lang: Lang, zhText: string, enText?: string): string {
  return lang === 'en' && enText ? enText : zhText;
}
