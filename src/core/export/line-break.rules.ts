/**
 * How many lines a cell's text takes at a given width, as Word, WPS and LibreOffice break Chinese
 * text: any character may end a line except that closing punctuation never starts one and opening
 * brackets never end one (禁则: the characters before move down with it), and a run of Latin letters
 * or digits (2.5、15%) stays whole. An estimate for sizing columns, not a typesetter; it works on the
 * string without building objects, since a 10,000-row table is measured at many widths.
 */

const NO_START = 1;
const NO_END = 2;
const FLAGS = new Map<number, number>([
  ...[...'，。、；：？！）》」』】〕〉’”…%·—,.;:!?)]}'].map((ch) => [ch.charCodeAt(0), NO_START] as [number, number]),
  ...[...'（《「『【〔〈‘“([{'].map((ch) => [ch.charCodeAt(0), NO_END] as [number, number]),
]);

function isLatin(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 37;
}

/** How wide a text prints, in character widths: CJK and full-width forms 1, Latin letters and digits ½. */
export function textEm(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    em += code < 0x0300 ? 0.5 : 1;
  }
  return em;
}

/** Lines one paragraph takes with `chars` character widths per line. */
export function paragraphLines(text: string, chars: number): number {
  const width = Math.max(1, chars) + 1e-9;
  let lines = 1;
  let used = 0;
  // The pieces on the current line: their widths and 禁则 flags.
  const ems: number[] = [];
  const flags: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let end = i + 1;
    if (isLatin(code)) while (end < text.length && isLatin(text.charCodeAt(end))) end += 1;
    else if (code >= 0xd800 && code <= 0xdbff) end += 1;
    const em = isLatin(code) ? (end - i) * 0.5 : code < 0x0300 ? 0.5 : 1;
    const flag = end - i === 1 ? (FLAGS.get(code) ?? 0) : 0;
    i = end;
    if (used + em <= width) {
      ems.push(em);
      flags.push(flag);
      used += em;
    } else if (em > width) {
      // A Latin run longer than the line breaks where it must.
      const extra = Math.ceil((used + em) / width) - 1;
      lines += extra;
      used = used + em - extra * width;
      ems.length = 0;
      flags.length = 0;
      ems.push(used);
      flags.push(0);
    } else {
      // Pieces move down with one that may not start a line, or off a line they may not end.
      let keep = ems.length;
      let firstFlag = flag;
      while (keep > 1 && (firstFlag === NO_START || flags[keep - 1] === NO_END)) {
        keep -= 1;
        firstFlag = flags[keep];
      }
      let moved = em;
      for (let k = keep; k < ems.length; k += 1) moved += ems[k];
      const movedEms = ems.slice(keep);
      const movedFlags = flags.slice(keep);
      ems.length = 0;
      flags.length = 0;
      ems.push(...movedEms, em);
      flags.push(...movedFlags, flag);
      used = moved;
      lines += 1;
    }
  }
  return lines;
}

/** Lines a cell takes (an empty cell still takes one). */
export function cellLines(paragraphs: string[], chars: number): number {
  if (paragraphs.length === 0) return 1;
  let lines = 0;
  for (const p of paragraphs) lines += paragraphLines(p, chars);
  return lines;
}
