import { isWritten, NO_TEXT } from '../cell-text.rules';

describe('isWritten (the recogniser asks it of every cell)', () => {
  it('answers as join + trim for every UTF-16 code unit, alone and after white space', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const ch = String.fromCharCode(code);
      if (isWritten([ch]) !== (ch.trim() !== '') || isWritten(['', ' \u3000' + ch]) !== (ch.trim() !== '')) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it('looks past empty and blank paragraphs', () => {
    expect(isWritten([])).toBe(false);
    expect(isWritten(NO_TEXT)).toBe(false);
    expect(isWritten(['', '\n', '\u00a0 '])).toBe(false);
    expect(isWritten(['', ' ', ' 甲'])).toBe(true);
  });
});
