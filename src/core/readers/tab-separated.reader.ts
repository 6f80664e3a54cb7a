/**
 * A table copied from Excel or Word and saved as plain text: one row a line, cells separated by TAB
 * (`序号⇥工作任务⇥牵头单位`), a cell holding line breaks wrapped in double quotes as Excel writes it
 * (`"第一段\n第二段"`, `""` for a quote). Consecutive lines with a TAB form one grid; the other lines
 * are the notice's paragraphs and the text before the next grid. (The Tika form, where every cell
 * starts its own line with one TAB, is text.reader.ts.)
 */
import type { DocumentGrids, Grid, GridRow } from '../grid/grid.model';

/**
 * Whether the text is in this form: most lines holding a TAB hold cells between TABs. In the Tika
 * form a TAB starts a line and is its only one (a TAB in a title line must not switch the form).
 */
export function isTabSeparated(lines: readonly string[]): boolean {
  let tika = 0;
  let separated = 0;
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    if (tab === 0 && line.indexOf('\t', 1) < 0) tika += 1;
    else separated += 1;
  }
  return separated > tika;
}

/**
 * The cells of the record starting at `lines[start]`, and the line after it. A cell opening with a
 * quote runs to its closing quote, across lines; a quote with no closing one is taken as text.
 */
function readRecord(lines: readonly string[], start: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  let line = lines[start];
  let at = start;
  for (;;) {
    // A quote with no closing one is text, as in any other cell.
    const quoted = line.startsWith('"') ? readQuoted(lines, at, line) : null;
    if (quoted) {
      cells.push(quoted.text);
      at = quoted.line;
      if (quoted.rest === null) return { cells, next: at + 1 };
      line = quoted.rest;
      continue;
    }
    const tab = line.indexOf('\t');
    cells.push(tab < 0 ? line : line.slice(0, tab));
    if (tab < 0) return { cells, next: at + 1 };
    line = line.slice(tab + 1);
  }
}

/** A quoted cell from `line` (a line of `lines` at `at`): its text, the line it ends on, what follows its TAB (null: the record ends). */
function readQuoted(lines: readonly string[], at: number, line: string): { text: string; line: number; rest: string | null } | null {
  let text = '';
  let current = line.slice(1);
  for (let l = at; l < lines.length && l < at + 200; l += 1) {
    for (let i = 0; i < current.length; i += 1) {
      if (current[i] !== '"') continue;
      if (current[i + 1] === '"') {
        text += `${current.slice(0, i)}"`;
        current = current.slice(i + 2);
        i = -1;
        continue;
      }
      const after = current.slice(i + 1);
      if (after !== '' && !after.startsWith('\t')) return null;
      return { text: text + current.slice(0, i), line: l, rest: after === '' ? null : after.slice(1) };
    }
    text += `${current}\n`;
    current = lines[l + 1] ?? '';
  }
  return null;
}

function toRow(cells: string[]): GridRow {
  return { cells: cells.map((cell) => ({ paragraphs: cell.split('\n').map((p) => p.trim()) })) };
}

/** Grids from the TAB lines, the other lines as paragraphs (and as the text before the next grid). */
export function readTabSeparated(lines: readonly string[]): DocumentGrids {
  const grids: Grid[] = [];
  const paragraphs: string[] = [];
  let before: string[] = [];
  let grid: Grid | null = null;
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].includes('\t')) {
      const text = lines[i].trim();
      // A blank line does not end a table; text does (a title, 附件2, the next heading).
      if (text !== '') {
        paragraphs.push(text);
        before.push(text);
        grid = null;
      }
      i += 1;
      continue;
    }
    const { cells, next } = readRecord(lines, i);
    if (grid === null) {
      grid = { rows: [], before, origin: { index: grids.length } };
      grids.push(grid);
      before = [];
    }
    grid.rows.push(toRow(cells));
    i = next;
  }
  return { format: 'text', grids, paragraphs, warnings: [] };
}
