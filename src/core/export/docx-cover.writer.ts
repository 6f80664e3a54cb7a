/**
 * The 通知 cover in GB/T 9704-2012 layout: (issuer) · 发文字号 · title (2号小标宋, centred) ·
 * body (3号仿宋, first line indented two characters, 28.95 pt lines) · 附件 list · date (right,
 * four characters in from the right).
 */
import type { Notice, ParsedTable } from '../model/records.model';
import type { ResolvedDocxOptions } from './docx-options';
import { para, type RunStyle } from './docx-xml';

/** 28.95 pt: 22 lines in the 225 mm text block. */
export const BODY_LINE = 579;
const CHAR_3HAO = 320;

export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** True when there is enough of the notice to make a cover. */
export function hasCoverContent(notice: Notice | null | undefined): notice is Notice {
  return !!notice && !!notice.title && (!!notice.number || !!notice.date || (notice.body?.length ?? 0) > 0);
}

function attachmentList(tables: ParsedTable[], body: RunStyle): string[] {
  const titles = tables.map((t) => t.title ?? '');
  return titles.map((title, i) =>
    para(`${i === 0 ? '附件：' : ''}${i + 1}．${title}`, { align: 'left', left: i === 0 ? 2 * CHAR_3HAO : 5 * CHAR_3HAO, firstLine: 0, lineExact: BODY_LINE }, body),
  );
}

export function writeCoverXml(notice: Notice, tables: ParsedTable[], options: ResolvedDocxOptions): string[] {
  const body: RunStyle = { font: options.fonts.body, pt: 16 };
  const title: RunStyle = { font: options.fonts.title, pt: 22 };
  const blank = (): string => para('', { lineExact: BODY_LINE }, body);
  const out: string[] = [];
  if (options.issuer) {
    out.push(para(options.issuer, { align: 'center', borderBottom: 'FF0000' }, { font: options.fonts.title, pt: 36, color: 'FF0000' }));
    out.push(blank());
  }
  if (notice.number) {
    out.push(blank(), para(notice.number, { align: 'center', lineExact: BODY_LINE }, body), blank());
  }
  for (const line of (notice.title ?? '').split(/\r?\n/)) {
    out.push(para(line, { align: 'center', lineExact: 700 }, title));
  }
  out.push(blank());
  const paragraphs = notice.body ?? [];
  let inAttachments = false;
  for (const raw of paragraphs) {
    const text = raw.trim();
    // 主送机关 (ends with a colon) starts at the margin; the 附件 list hangs under its first item.
    if (/^附件[：:]/.test(text)) {
      inAttachments = true;
      out.push(blank(), para(text, { align: 'left', left: 2 * CHAR_3HAO, lineExact: BODY_LINE }, body));
    } else if (inAttachments && /^\d+[．.]/.test(text)) {
      out.push(para(text, { align: 'left', left: 5 * CHAR_3HAO, lineExact: BODY_LINE }, body));
    } else {
      inAttachments = false;
      const isAddressee = /[：:]$/.test(text);
      out.push(para(text, { align: 'both', firstLine: isAddressee ? 0 : 2 * CHAR_3HAO, lineExact: BODY_LINE }, body));
    }
  }
  if (!paragraphs.some((p) => /^附件[：:]/.test(p.trim())) && tables.length > 0) {
    out.push(blank(), ...attachmentList(tables, body));
  }
  if (notice.date) {
    out.push(blank(), blank(), para(formatChineseDate(notice.date), { align: 'right', right: 4 * CHAR_3HAO, lineExact: BODY_LINE }, body));
  }
  return out;
}
