/** The .docx writer, loaded with import() on first export. */
import { writeNoticeDocx, type Notice, type ParsedTable } from '../../core';

export function exportDocx(tables: ParsedTable[], notice: Notice | null): Uint8Array {
  return writeNoticeDocx({ notice, tables }).bytes;
}
