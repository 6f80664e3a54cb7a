/** Public API of the parse pipeline (re-exported by src/core/index.ts). */
import { NAME_RULES } from './name-rules';
import { TEXT_RULES } from './text-rules';

export { parseGrids, parseDocument } from './parse-document';
export { normaliseTables, type NormaliseOptions } from './normalise-tables';
export { recogniseGrid, type RecognisedGrid, type RawRow } from './table-recogniser';
export { readNotice } from './notice-reader';
export { matchHeaderWord, normaliseHeaderText, type HeaderKey } from '../model/header-words';
export { readTextDocument, readTextString } from '../readers/text.reader';
export { decodeText, decodeTextWithEncoding, type TextEncodingName } from '../readers/text-decode';

/** Every rule name a Fix can carry (stable; documented in docs/MODEL.md). */
export const FIX_RULES: readonly string[] = [...Object.values(TEXT_RULES), ...Object.values(NAME_RULES)];
