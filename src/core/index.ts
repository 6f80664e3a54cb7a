/**
 * The public face of the core. Everything outside src/core imports the core through this file.
 * The core is pure: plain data in and out, no Office.js, WPS, React, DOM, fs or path.
 */
export * from './errors';
export * from './model/records.model';
export * from './grid/grid.model';
export * from './workbook/plan.model';
export * from './parse/index';
export * from './readers/index';
export * from './workbook/names-join';
export * from './workbook/record-columns';
export { STATUS_FILLS, OVERDUE_FILL, OVERDUE_FONT, INHERITED_FONT } from './workbook/record-sheet.planner';
export * from './workbook/state-sheet';
export * from './workbook/workbook-layout';
export * from './workbook/workbook.planner';
export * from './workbook/fenjie-workbook.reader';
export { readRecordSheet, type SheetRecords } from './workbook/record-sheet.reader';
export * from './workbook/tracking-text';
export * from './grid/sheet-grid';
export { readXlsx, readXlsxSheets, type XlsxSheet, type XlsxReadOptions } from './readers/xlsx.reader';
export * from './host/host.port';
export * from './sheet/a1';
export * from './sheet/cell-value';
export * from './sheet/used-range';
export * from './sheet/sheet-style';
export * from './sheet/write-op';
export * from './sheet/workbook-state';
export * from './host/batch-check';
export * from './host/memory.host';
export * from './host/plan-to-ops';
export * from './export/index';
export * from './rollover/index';
export * from './registry/index';
export * from './distribute/index';
export * from './sheet/sheet-names';
export * from './flows/index';
