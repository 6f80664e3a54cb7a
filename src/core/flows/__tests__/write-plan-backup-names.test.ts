/**
 * Issue 16 item 2 in the pane: backup sheets never overwrite a backup. makeBackupName, for any
 * existing sheets (case variants, long names, earlier backups with the same minute), gives a name
 * no sheet has, case-insensitively, within Excel's 31 characters, valid as a sheet name.
 */
import fc from 'fast-check';
import { isValidSheetName, makeBackupName } from '../../index';

const nameChar = fc.constantFrom(...'主要工作民生实事统计备份_()-abcABC12 ');
const sheetName = fc.string({ unit: nameChar, minLength: 1, maxLength: 31 }).filter((n) => n.trim() === n && isValidSheetName(n));

describe('issue 16 item 2: makeBackupName never clashes', () => {
  it('gives a fresh, valid name for every conflict, however many backups exist', () => {
    fc.assert(
      fc.property(fc.array(sheetName, { maxLength: 30 }), fc.array(sheetName, { minLength: 1, maxLength: 8 }), fc.constantFrom('0301-0900', '1231-2359'), (existing, conflicts, suffix) => {
        const taken = new Set(existing);
        const before = new Set(existing.map((n) => n.toLowerCase()));
        const made: string[] = [];
        for (const name of conflicts) made.push(makeBackupName(name, suffix, taken));
        for (const name of made) {
          expect(before.has(name.toLowerCase())).toBe(false);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(isValidSheetName(name)).toBe(true);
        }
        expect(new Set(made.map((n) => n.toLowerCase())).size).toBe(made.length);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('a second backup in the same minute gets (2), not the first backup’s name', () => {
    const taken = new Set(['主要工作', '主要工作_备份0301-0900']);
    expect(makeBackupName('主要工作', '0301-0900', taken)).toBe('主要工作_备份0301-0900(2)');
    expect(makeBackupName('主要工作', '0301-0900', taken)).toBe('主要工作_备份0301-0900(3)');
    expect(makeBackupName('主要工作', '0301-0900', new Set(['主要工作_备份0301-0900'.toUpperCase()]))).toBe('主要工作_备份0301-0900(2)');
  });
});
