/**
 * The one error type for surprises. Expected problems are `Finding`s, not errors.
 * Codes are stable and documented in docs/MODEL.md; messages are for people (zh-CN first).
 */
import type { ErrorCode } from './error-codes';

export type { ErrorCode };

export class FenjieError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    messageZh: string,
    messageEn: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(`${messageZh} (${code})`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FenjieError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = options.details;
  }
}

export function isFenjieError(value: unknown): value is FenjieError {
  return value instanceof FenjieError || (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'FenjieError' && typeof (value as { code?: unknown }).code === 'string');
}

/** Wraps anything thrown into a FenjieError, keeping a FenjieError as it is. */
export function toFenjieError(value: unknown, code: ErrorCode = 'internal', messageZh = '内部错误', messageEn = 'Internal error'): FenjieError {
  if (isFenjieError(value)) return value;
  return new FenjieError(code, messageZh, messageEn, { cause: value });
}
