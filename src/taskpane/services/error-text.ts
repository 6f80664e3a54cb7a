import { isFenjieError } from '../../core';
import type { Status } from '../components/StatusLine';
import type { Lang } from '../i18n/strings';

/** A host's error may quote a whole cell (32,767 characters): the pane shows its start only. */
const MAX_MESSAGE = 400;

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * A message for people: the FenjieError's text in the UI language, else a short generic line. The
 * code (file-empty …) is not shown to clerks; errorStatus keeps it on the status line for machines.
 */
export function describeError(error: unknown, lang: Lang): string {
  if (isFenjieError(error)) return clip(lang === 'en' ? error.messageEn : error.messageZh);
  const text = clip(error instanceof Error ? error.message : String(error));
  return lang === 'en' ? `Unexpected problem: ${text}` : `意外错误：${text}`;
}

/** The error status line: the message in words, the stable code kept as data (data-code), not as text. */
export function errorStatus(error: unknown, lang: Lang): Status {
  return { kind: 'error', text: describeError(error, lang), code: isFenjieError(error) ? error.code : 'unexpected' };
}
