/** Every error code is documented in docs/MODEL.md, and the readers' codes are in the union. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ERROR_CODES, READ_ERROR_CODES } from '../error-codes';
import { READ_ERRORS } from '../readers/read-errors';

const model = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'MODEL.md'), 'utf8');

describe('error codes', () => {
  const codes = [...ERROR_CODES, ...Object.keys(READ_ERRORS)];

  it('lists every reader message under a reader code', () => {
    expect(Object.keys(READ_ERRORS).sort()).toEqual([...READ_ERROR_CODES].sort());
  });

  it('has no code twice', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes)('documents %s in docs/MODEL.md', (code) => {
    expect(model).toContain(`\`${code}\``);
  });
});
