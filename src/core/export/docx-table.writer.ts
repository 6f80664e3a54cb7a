/** One attachment table as WordprocessingML: header row repeated, rows kept whole, vertical merges. */
import type { ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { CELL_PADDING, columnsFor, computeWidths, type DocxColumn } from './docx-columns';
import { escapeXml } from './docx-xml';

type AnyRecord = TaskRecord | ProjectRecord;
type MergeState = 'restart' | 'continue' | null;
/** Text whose spaces Word would drop without xml:space="preserve". */
const SPACES = /^\s|\s$|\s\s/;

const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  '</w:tblBorders>';

/** For each merge column, each row's vMerge state (restart only when the next row continues it). */
export function computeMerges(columns: DocxColumn[], rows: AnyRecord[]): MergeState[][] {
  return columns.map((column) => {
    const keyOf = column.mergeKey;
    if (!keyOf) return rows.map(() => null);
    const keys = rows.map((r) => keyOf(r));
    return keys.map((k, i) => {
      if (!k) return null;
      if (i > 0 && keys[i - 1] === k) return 'continue';
      return i + 1 < keys.length && keys[i + 1] === k ? 'restart' : null;
    });
  });
}

/** Paragraph styles of the table cells (defined in styles.xml), so each cell carries no run formatting. */
export const CELL_STYLES = { header: 'FjHead', center: 'FjCell', both: 'FjCellText' } as const;

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

/** The table XML, `total` twips wide, its text `pt` points. */
export function writeTableXml(table: ParsedTable, total: number, pt: number): string {
  const rows = table.rows as AnyRecord[];
  const columns = columnsFor(table);
  const widths = computeWidths(columns, rows, total, pt);
  const merges = computeMerges(columns, rows);
  const headerLook = lookOf(CELL_STYLES.header);
  const looks = columns.map((c) => lookOf(CELL_STYLES[c.align]));
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
    out.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells}</w:tr>`);
  }
  out.push('</w:tbl>');
  return out.join('');
}
