/** One attachment table as WordprocessingML: header row repeated, rows kept whole, vertical merges. */
import type { ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';
import { columnsFor, computeWidths, type DocxColumn } from './docx-columns';
import { escapeXml, paraProps, runProps, type RunStyle } from './docx-xml';

type AnyRecord = TaskRecord | ProjectRecord;
type MergeState = 'restart' | 'continue' | null;

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

interface CellLook {
  pPr: string;
  rPr: string;
}

function lookOf(align: 'center' | 'both', style: RunStyle): CellLook {
  return { pPr: paraProps({ align }, style), rPr: runProps(style) };
}

function cellXml(width: number, paragraphs: string[], look: CellLook, merge: MergeState): string {
  const tcPr = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${merge ? `<w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}<w:vAlign w:val="center"/></w:tcPr>`;
  const { pPr, rPr } = look;
  const texts = merge === 'continue' || paragraphs.length === 0 ? [''] : paragraphs;
  const body = texts.map((t) => `<w:p>${pPr}${t ? `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>` : ''}</w:p>`).join('');
  return `<w:tc>${tcPr}${body}</w:tc>`;
}

export interface TableStyles {
  body: RunStyle;
  header: RunStyle;
}

/** The table XML, `total` twips wide. */
export function writeTableXml(table: ParsedTable, total: number, styles: TableStyles): string {
  const rows = table.rows as AnyRecord[];
  const columns = columnsFor(table);
  const widths = computeWidths(columns, rows, total, styles.body.pt);
  const merges = computeMerges(columns, rows);
  const headerLook = lookOf('center', styles.header);
  const looks = columns.map((c) => lookOf(c.align, styles.body));
  const out: string[] = [];
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${BORDERS}<w:tblLayout w:type="fixed"/>` +
      '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
      '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>',
  );
  out.push(`<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
  out.push(
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c, i) => cellXml(widths[i], [c.header], headerLook, null)).join('')}</w:tr>`,
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
