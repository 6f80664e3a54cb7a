/**
 * The styles part, built while the sheets are written: each distinct cell format gets one `xf`
 * (fonts, fills and number formats deduplicated), each conditional format one `dxf`.
 */
import type { Fill, FontStyle } from '../../core/index';
import { escapeAttr, XML_HEAD } from './xlsx-xml.codec';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface CellFormat {
  numberFormat?: string;
  font?: FontStyle;
  fill?: Fill;
  wrap?: boolean;
  vertical?: 'top' | 'center';
  /** false: the cell stays editable on a protected sheet. */
  locked?: boolean;
  /** Text starting with = + - @ stays text when a clerk presses F2, Enter (quotePrefix="1"). */
  quotePrefix?: boolean;
}

/** Number formats Excel knows by id; others get ids from 164. */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** '#RRGGBB' → 'FFRRGGBB'. */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0')}`;
}

function fontXml(font: FontStyle | undefined): string {
  const parts = [font?.bold ? '<b/>' : '', font?.italic ? '<i/>' : '', '<sz val="11"/>', font?.color ? `<color rgb="${argb(font.color)}"/>` : '', '<name val="Calibri"/><family val="2"/><scheme val="minor"/>'];
  return `<font>${parts.join('')}</font>`;
}

class Pool {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(first: string[]) {
    first.forEach((x) => this.id(x));
  }
  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

function alignmentXml(format: CellFormat): string {
  if (!format.wrap && !format.vertical) return '';
  return `<alignment${format.vertical ? ` vertical="${format.vertical}"` : ''}${format.wrap ? ' wrapText="1"' : ''}/>`;
}

export class StyleSheet {
  private readonly fonts = new Pool([fontXml(undefined)]);
  private readonly fills = new Pool(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Pool([]);
  private readonly numFmts = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  private readonly formats: CellFormat[] = [{}];
  private readonly quotedIds = new Map<number, number>();

  /** The `s` of the same format with quotePrefix="1": for text a spreadsheet would take for a formula. */
  quoted(id: number): number {
    let quoted = this.quotedIds.get(id);
    if (quoted === undefined) this.quotedIds.set(id, (quoted = this.cell({ ...(this.formats[id] ?? {}), quotePrefix: true })));
    return quoted;
  }

  private numFmtId(format: string | undefined): number {
    if (!format) return 0;
    const builtIn = BUILT_IN[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(format);
    if (id === undefined) this.numFmts.set(format, (id = 164 + this.numFmts.size));
    return id;
  }

  /** The `s` index of a cell format (0: the default). */
  cell(format: CellFormat): number {
    const key = JSON.stringify([format.numberFormat, format.font?.bold, format.font?.italic, format.font?.color, format.fill?.color, format.wrap, format.vertical, format.locked, format.quotePrefix]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(format.numberFormat);
    const fontId = format.font ? this.fonts.id(fontXml(format.font)) : 0;
    const fillId = format.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(format.fill.color)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const attrs = [`numFmtId="${numFmtId}"`, `fontId="${fontId}"`, `fillId="${fillId}"`, 'borderId="0"', 'xfId="0"'];
    if (format.quotePrefix) attrs.push('quotePrefix="1"');
    if (numFmtId) attrs.push('applyNumberFormat="1"');
    if (fontId) attrs.push('applyFont="1"');
    if (fillId) attrs.push('applyFill="1"');
    const alignment = alignmentXml(format);
    if (alignment) attrs.push('applyAlignment="1"');
    const protection = format.locked === false ? '<protection locked="0"/>' : '';
    if (protection) attrs.push('applyProtection="1"');
    const id = this.xfs.id(alignment || protection ? `<xf ${attrs.join(' ')}>${alignment}${protection}</xf>` : `<xf ${attrs.join(' ')}/>`);
    this.byKey.set(key, id);
    this.formats[id] = format;
    return id;
  }

  /** The `dxfId` of a conditional format's font and fill. */
  differential(fill?: Fill, font?: FontStyle): number {
    const f = font ? `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}${font.color ? `<color rgb="${argb(font.color)}"/>` : ''}</font>` : '';
    const p = fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fill.color)}"/><bgColor rgb="${argb(fill.color)}"/></patternFill></fill>` : '';
    return this.dxfs.id(`<dxf>${f}${p}</dxf>`);
  }

  toXml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return [
      XML_HEAD,
      `<styleSheet xmlns="${NS}">`,
      numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '',
      `<fonts count="${this.fonts.items.length}">${this.fonts.items.join('')}</fonts>`,
      `<fills count="${this.fills.items.length}">${this.fills.items.join('')}</fills>`,
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.items.length}">${this.xfs.items.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      `<dxfs count="${this.dxfs.items.length}">${this.dxfs.items.join('')}</dxfs>`,
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      '</styleSheet>',
    ].join('');
  }
}
