/**
 * What the recogniser and the raw records ask of a cell's paragraphs, once per cell of 10,000s of
 * rows: whether anything is written, without trimming or joining where the first character answers.
 */

/**
 * The text of a vertically merged continuation cell, of the columns a spanned cell covers and of
 * the cells a short row lacks: one array shared by every such cell, so nothing may write to a row's
 * cells (records copy them). Not frozen (a frozen array sends slice/join down a slow path), and made
 * an array of strings before it is emptied, so that code reading cells sees one kind of array and
 * is not deoptimised (V8 "wrong map") when the first empty cell comes.
 */
export const NO_TEXT: readonly string[] = ((): string[] => {
  const texts = [''];
  texts.pop();
  return texts;
})();

/** The characters String.prototype.trim removes (WhiteSpace and LineTerminator of ECMA-262; the `\s` of a regex). */
export function isTrimmed(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Some paragraph holds more than white space: `texts.join(sep).trim() !== ''` for any separator that trim removes. */
export function isWritten(texts: readonly string[]): boolean {
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i];
    if (text.length === 0) continue;
    if (!isTrimmed(text.charCodeAt(0)) || text.trim() !== '') return true;
  }
  return false;
}
