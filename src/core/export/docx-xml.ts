/**
 * Small WordprocessingML building blocks. Strings in, strings out: the writer concatenates
 * them, which keeps it fast (10,000 rows) and free of any DOM.
 */
import { removeXmlForbidden } from '../readers/xml-chars.rules';

/** Chinese type sizes (号) in points, as used by GB/T 9704-2012. */
export const HAO_PT = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;
export type HaoName = keyof typeof HAO_PT;

export const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Anything that needs escaping or removing; most cell text has none and is returned as it is. */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text and attribute values; the code points XML 1.0 forbids are removed (the last defence). */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return removeXmlForbidden(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface RunStyle {
  /** East Asian font name (w:eastAsia); ASCII text uses `ascii` or Times New Roman. */
  font: string;
  ascii?: string;
  /** Size in points. */
  pt: number;
  bold?: boolean;
  color?: string;
}

export function runProps(style: RunStyle): string {
  const ascii = escapeXml(style.ascii ?? 'Times New Roman');
  const east = escapeXml(style.font);
  const half = Math.round(style.pt * 2);
  return (
    `<w:rPr><w:rFonts w:ascii="${ascii}" w:hAnsi="${ascii}" w:eastAsia="${east}" w:cs="${ascii}"/>` +
    (style.bold ? '<w:b/><w:bCs/>' : '') +
    (style.color ? `<w:color w:val="${style.color}"/>` : '') +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`
  );
}

export function run(text: string, style: RunStyle): string {
  return `<w:r>${runProps(style)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export interface ParaStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in twips. */
  firstLine?: number;
  left?: number;
  right?: number;
  /** Exact line spacing in twips (GB/T 9704 body: 28.95 pt ≈ 579 twips), or 'auto' single. */
  lineExact?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Bottom border colour (issuer rule on the cover). */
  borderBottom?: string;
}

export function paraProps(style: ParaStyle, run?: RunStyle, extra = ''): string {
  const parts: string[] = [];
  if (style.keepNext) parts.push('<w:keepNext/>');
  if (style.pageBreakBefore) parts.push('<w:pageBreakBefore/>');
  if (style.borderBottom) parts.push(`<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="${style.borderBottom}"/></w:pBdr>`);
  parts.push('<w:snapToGrid w:val="0"/>');
  parts.push(
    style.lineExact ? `<w:spacing w:before="0" w:after="0" w:line="${style.lineExact}" w:lineRule="exact"/>` : '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
  );
  if (style.firstLine || style.left || style.right) {
    parts.push(`<w:ind w:left="${style.left ?? 0}" w:right="${style.right ?? 0}" w:firstLine="${style.firstLine ?? 0}"/>`);
  }
  if (style.align) parts.push(`<w:jc w:val="${style.align}"/>`);
  if (run) parts.push(runProps(run));
  return `<w:pPr>${parts.join('')}${extra}</w:pPr>`;
}

/** One paragraph; an empty text gives an empty paragraph that still carries the size (keeps line height). */
export function para(text: string, style: ParaStyle, runStyle: RunStyle, extraPPr = ''): string {
  return `<w:p>${paraProps(style, runStyle, extraPPr)}${text ? run(text, runStyle) : ''}</w:p>`;
}
