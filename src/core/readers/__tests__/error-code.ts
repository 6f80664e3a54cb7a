/** Test helper: the FenjieError code a call throws, so tests can assert on the stable code. */
import { isFenjieError } from '../../errors';

/** Runs fn; returns the FenjieError code it throws, 'no error' when it returns; rethrows anything else. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isFenjieError(error)) return error.code;
    throw error;
  }
  return 'no error';
}
