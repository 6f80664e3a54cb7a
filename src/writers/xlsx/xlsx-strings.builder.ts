/**
 * Text cells: a shared-string table (each distinct text stored once in xl/sharedStrings.xml, the
 * cell holds its index) or inline strings (the text in the cell). Shared strings are the default:
 * see bench/convert.bench.ts for the measurement that chose them.
 */
import type { PartWriter } from './zip-package.writer';
import { textElement, XML_HEAD } from './xlsx-xml.codec';

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
      let i = index.get(text);
      if (i === undefined) {
        i = texts.length;
        texts.push(text);
        index.set(text, i);
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
