/**
 * Text cells: a shared-string table (each distinct text stored once in xl/sharedStrings.xml, the
 * cell holds its index) or inline strings (the text in the cell). Shared strings are the default:
 * see bench/convert.bench.ts for the measurement that chose them.
 */
import type { PartWriter } from './zip-package.writer';
import { textElement, XML_HEAD } from './xlsx-xml.codec';

/** Texts up to this length are stored once however often they occur. */
const DEDUPE_MAX = 48;

export type StringMode = 'shared' | 'inline';

export interface StringTable {
  readonly mode: StringMode;
  /** The `<c>` element of a text cell; `style` is its `s` attribute text (may be ''). */
  cell(ref: string, style: string, text: string): string;
  /** Writes xl/sharedStrings.xml (shared mode only). */
  write(part: PartWriter): void;
}

export function createStringTable(mode: StringMode): StringTable {
  if (mode === 'inline') {
    return {
      mode,
      cell: (ref, style, text) => `<c r="${ref}"${style} t="inlineStr"><is>${textElement(text)}</is></c>`,
      write: () => undefined,
    };
  }
  const index = new Map<string, number>();
  const texts: string[] = [];
  let count = 0;
  return {
    mode,
    cell(ref, style, text) {
      // Names, units, categories and statuses repeat; long texts rarely do, and hashing them costs
      // more than it saves: they are appended (a table may hold the same text twice).
      let i = text.length <= DEDUPE_MAX ? index.get(text) : undefined;
      if (i === undefined) {
        i = texts.length;
        texts.push(text);
        if (text.length <= DEDUPE_MAX) index.set(text, i);
      }
      count += 1;
      return '<c r="' + ref + '"' + style + ' t="s"><v>' + i + '</v></c>';
    },
    write(part) {
      part.write(`${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${texts.length}">`);
      const batch: string[] = [];
      for (const text of texts) {
        batch.push(`<si>${textElement(text)}</si>`);
        if (batch.length >= 2048) part.write(batch.splice(0).join(''));
      }
      part.write(`${batch.join('')}</sst>`);
    },
  };
}
