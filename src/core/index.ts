/**
 * The public face of the core. Everything outside src/core imports the core through this file.
 * The core is pure: plain data in and out, no Office.js, WPS, React, DOM, fs or path.
 */
export * from './errors';
export * from './model/records.model';
export * from './grid/grid.model';
export * from './workbook/plan.model';
export * from './parse/index';
export * from './host/host.port';
export * from './host/a1';
export * from './host/cell-values';
export * from './host/batch-check';
export * from './host/memory.host';
export * from './host/plan-to-ops';
export * from './export/index';
