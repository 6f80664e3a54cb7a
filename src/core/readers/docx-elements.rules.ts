import type { GridRow } from '../grid/grid.model';

/**
 * What each WordprocessingML element means to the grid builder, as a small number: a long
 * document.xml has hundreds of thousands of tags, and looking each name up once (then switching
 * on a number) replaced a Set lookup and a chain of string comparisons per tag.
 */

export const K = {
  /** Any other element of the WordprocessingML namespace (w:tcW, w:rPr, …): ignored. */
  other: 0,
  /** An element of another namespace (ignored, its content read). */
  foreign: 1,
  /** mc:Fallback and the like: its content repeats mc:Choice and is skipped. */
  fallback: 2,
  /** Elements whose whole content is not document text (deleted text, old revision properties). */
  skipped: 3,
  del: 4,
  t: 5,
  r: 6,
  p: 7,
  tab: 8,
  br: 9,
  noBreakHyphen: 10,
  tbl: 11,
  tr: 12,
  tc: 13,
  tblHeader: 14,
  gridBefore: 15,
  gridAfter: 16,
  gridSpan: 17,
  hMerge: 18,
  cellDel: 19,
  vMerge: 20,
} as const;

export type ElementKind = (typeof K)[keyof typeof K];

const SKIPPED = [
  'moveFrom', 'delText', 'instrText', 'delInstrText', 'rt', 'txbxContent',
  'tcPrChange', 'trPrChange', 'tblPrChange', 'tblGridChange', 'pPrChange', 'rPrChange', 'sectPrChange',
];

const BY_LOCAL_NAME = new Map<string, ElementKind>([
  ...SKIPPED.map((name): [string, ElementKind] => [name, K.skipped]),
  ['del', K.del], ['t', K.t], ['r', K.r], ['p', K.p], ['tab', K.tab], ['br', K.br], ['cr', K.br],
  ['noBreakHyphen', K.noBreakHyphen], ['tbl', K.tbl], ['tr', K.tr], ['tc', K.tc],
  ['tblHeader', K.tblHeader], ['gridBefore', K.gridBefore], ['gridAfter', K.gridAfter],
  ['gridSpan', K.gridSpan], ['hMerge', K.hMerge], ['cellDel', K.cellDel], ['vMerge', K.vMerge],
]);

/** The kind of the element `qname` when `prefix` is the one bound to WordprocessingML ('' for the default namespace). */
export function elementKind(qname: string, prefix: string): ElementKind {
  const colon = qname.indexOf(':');
  if ((colon < 0 ? '' : qname.slice(0, colon)) !== prefix) return qname.endsWith(':Fallback') ? K.fallback : K.foreign;
  return BY_LOCAL_NAME.get(qname.slice(colon + 1)) ?? K.other;
}

/** `elementKind`, remembered per name (tag names repeat; a hostile part's flood of names is not kept). */
export class ElementKinds {
  private readonly known = new Map<string, ElementKind>();

  constructor(private readonly prefix: string) {}

  of(qname: string): ElementKind {
    const known = this.known.get(qname);
    if (known !== undefined) return known;
    const kind = elementKind(qname, this.prefix);
    if (this.known.size < 2000) this.known.set(qname, kind);
    return kind;
  }
}

/** An on/off property (w:tblHeader): on unless its w:val says false. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(false|0|off)$/i.test(value);
}

/** A count property (w:gridBefore, w:gridSpan): 0 when absent or not a positive number, at most 1000. */
export function toCount(value: string | undefined): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 0;
}

/**
 * The row with arrays of their exact length: a pushed-to array keeps spare slots (17 for a few
 * items), and with tens of thousands of rows that slack was most of what the garbage collector copied.
 */
export function trimmed(row: GridRow): GridRow {
  for (const cell of row.cells) if (cell.paragraphs.length > 1) cell.paragraphs = cell.paragraphs.slice();
  row.cells = row.cells.slice();
  return row;
}
