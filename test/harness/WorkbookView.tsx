import { useState } from 'react';
import type { MemorySheetSnapshot, MemorySnapshot } from '../../src/core/testing';

const MAX_ROWS = 400;

const cellStyle = { border: '1px solid #d2d0ce', padding: '2px 4px', verticalAlign: 'top', whiteSpace: 'pre-wrap', maxWidth: 220, background: '#fff' } as const;

/** The memory workbook drawn as an HTML grid: sheet tabs, merges, the selection highlighted. */
export function WorkbookView({ snapshot }: { snapshot: MemorySnapshot }) {
  const [picked, setPicked] = useState<string | null>(null);
  const shown = snapshot.sheets.find((s) => s.name === (picked ?? snapshot.activeSheet)) ?? snapshot.sheets[0];
  return (
    <div data-testid="workbook-view">
      <div role="tablist" style={{ display: 'flex', gap: 4, flexWrap: 'wrap', marginBottom: 6 }}>
        {snapshot.sheets.map((sheet) => (
          <button
            key={sheet.name}
            role="tab"
            aria-selected={sheet === shown}
            data-sheet={sheet.name}
            onClick={() => setPicked(sheet.name)}
            style={{ fontWeight: sheet === shown ? 700 : 400, opacity: sheet.visibility === 'visible' ? 1 : 0.5 }}
          >
            {sheet.name}
            {sheet.visibility !== 'visible' ? ` (${sheet.visibility})` : ''}
          </button>
        ))}
      </div>
      {shown && <SheetGrid sheet={shown} selection={snapshot.selection?.sheet === shown.name ? snapshot.selection.range : undefined} />}
    </div>
  );
}

function SheetGrid({ sheet, selection }: { sheet: MemorySheetSnapshot; selection?: string }) {
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const merge of sheet.merges) {
    const rect = parseRect(merge);
    spans.set(`${rect.row},${rect.col}`, { rows: rect.rows, cols: rect.cols });
    for (let r = rect.row; r < rect.row + rect.rows; r += 1) for (let c = rect.col; c < rect.col + rect.cols; c += 1) if (r !== rect.row || c !== rect.col) covered.add(`${r},${c}`);
  }
  const selected = selection ? parseRect(selection) : undefined;
  const isSelected = (r: number, c: number) => !!selected && r >= selected.row && r < selected.row + selected.rows && c >= selected.col && c < selected.col + selected.cols;
  return (
    <table data-testid="sheet-grid" data-sheet={sheet.name} style={{ borderCollapse: 'collapse' }}>
      <tbody>
        {sheet.text.slice(0, MAX_ROWS).map((row, r) => (
          <tr key={r}>
            <th style={{ ...cellStyle, background: '#f3f2f1', color: '#605e5c' }}>{r + 1}</th>
            {row.map((text, c) => {
              if (covered.has(`${r},${c}`)) return null;
              const span = spans.get(`${r},${c}`);
              return (
                <td
                  key={c}
                  data-cell={`${letters(c)}${r + 1}`}
                  rowSpan={span?.rows}
                  colSpan={span?.cols}
                  style={{ ...cellStyle, outline: isSelected(r, c) ? '2px solid #0f6cbd' : undefined }}
                >
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function letters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function parseRect(address: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b = a] = address.replace(/\$/g, '').split(':');
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(ref) ?? ['', 'A', '1'];
    const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const start = cell(a);
  const end = cell(b);
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}
