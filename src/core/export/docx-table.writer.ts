/** One attachment table as WordprocessingML: header row repeated, short rows kept whole, vertical merges (layout: table-layout.planner.ts). */
import type { ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { CELL_PADDING, columnsFor } from './docx-columns';
import { escapeXml } from './docx-xml';
import { planTableLayout, type MergeState } from './table-layout.planner';

type AnyRecord = TaskRecord | ProjectRecord;
/** Text whose spaces Word would drop without xml:space="preserve". */
const SPACES = /^\s|\s$|\s\s/;

const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  '</w:tblBorders>';

/** Paragraph styles of the table cells (defined in styles.xml), so each cell carries no run formatting. */
export const CELL_STYLES = { header: 'FjHead', center: 'FjCell', both: 'FjCellText', left: 'FjCellLeft' } as const;

interface CellLook {
  pPr: string;
}

function lookOf(style: string): CellLook {
  return { pPr: `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` };
}

function cellXml(width: number, paragraphs: string[], look: CellLook, merge: MergeState): string {
  const tcPr = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${merge ? `<w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}<w:vAlign w:val="center"/></w:tcPr>`;
  const { pPr } = look;
  const texts = merge === 'continue' || paragraphs.length === 0 ? [''] : paragraphs;
  let body = '';
  for (const t of texts) body += `<w:p>${pPr}${t ? `<w:r><w:t${SPACES.test(t) ? ' xml:space="preserve"' : ''}>${escapeXml(t)}</w:t></w:r>` : ''}</w:p>`;
  return `<w:tc>${tcPr}${body}</w:tc>`;
}

/** A header too wide for its column breaks into even lines (主要责/任单位), as Word users do by hand. */
export function headerLines(header: string, width: number, pt: number): string[] {
  const fit = Math.max(1, Math.floor((width - CELL_PADDING) / (pt * 20)));
  const chars = [...header];
  if (chars.length <= fit) return [header];
  const lines = Math.ceil(chars.length / fit);
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out;
}

/** The table XML, `total` twips wide on pages whose text block is `pageHeight` twips high, its text `pt` points. */
export function writeTableXml(table: ParsedTable, total: number, pt: number, pageHeight: number): string {
  const rows = table.rows as AnyRecord[];
  const columns = columnsFor(table);
  const { widths, aligns, merges, splittable } = planTableLayout(columns, rows, total, pt, pageHeight);
  const headerLook = lookOf(CELL_STYLES.header);
  const looks = aligns.map((a) => lookOf(CELL_STYLES[a]));
  const out: string[] = [];
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${BORDERS}<w:tblLayout w:type="fixed"/>` +
      '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
      '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>',
  );
  out.push(`<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
  out.push(
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c, i) => cellXml(widths[i], headerLines(c.header, widths[i], pt), headerLook, null)).join('')}</w:tr>`,
  );
  for (let r = 0; r < rows.length; r += 1) {
    const record = rows[r];
    let cells = '';
    for (let c = 0; c < columns.length; c += 1) {
      cells += cellXml(widths[c], columns[c].paragraphs(record), looks[c], merges[c][r]);
    }
    // A tall row may break across pages (else it leaves most of a page empty); a short one stays whole.
    out.push(`<w:tr>${splittable[r] ? '' : '<w:trPr><w:cantSplit/></w:trPr>'}${cells}</w:tr>`);
  }
  out.push('</w:tbl>');
  return out.join('');
}
