/** Export code (the .docx writer; per-unit workbooks later), loaded with import() on first export. */
import { writeNoticeDocx, type Notice, type ParsedTable, type WorkbookState } from '../../core';

interface StateTableInfo {
  table: number;
  title: string | null;
  year: number | null;
}

/** Titles and years the workbook state remembers for each table (the sheets hold only the rows). */
export function restoreTitles(tables: ParsedTable[], state: WorkbookState): ParsedTable[] {
  const known = Array.isArray(state.tables) ? (state.tables as StateTableInfo[]) : [];
  return tables.map((table, i) => {
    const info = known.find((k) => k.table === i);
    return info ? { ...table, title: table.title ?? info.title, year: table.year ?? info.year } : table;
  });
}

export function noticeFromState(state: WorkbookState): Notice | null {
  const sources = Array.isArray(state.sources) ? (state.sources as { notice?: Notice }[]) : [];
  return sources.find((s) => s.notice)?.notice ?? null;
}

export function exportDocx(tables: ParsedTable[], state: WorkbookState): Uint8Array {
  return writeNoticeDocx({ notice: noticeFromState(state), tables: restoreTitles(tables, state) }).bytes;
}
