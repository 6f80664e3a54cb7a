/** Official-format .docx export of the attachment tables (GB/T 9704-2012). */
export { writeNoticeDocx, defaultTitle, type DocxExportInput, type DocxExportResult } from './docx.writer';
export { resolveDocxOptions, parseTableSize, PORTRAIT_MARGINS_MM, LANDSCAPE_MARGINS_MM, DEFAULT_FONTS, type DocxExportOptions, type MarginsMm, type DocxFonts } from './docx-options';
export { HAO_PT, type HaoName } from './docx-xml';
export { retitleTable, retitleTables } from './year-retitle';
export { formatChineseDate } from './docx-cover.writer';
