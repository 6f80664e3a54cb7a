import { createMemoryHost, type MemoryHost } from '../../src/core/testing';
import { describeAllOrNothingContract, describeSpreadsheetHostContract } from './spreadsheet-host.contract';

describeSpreadsheetHostContract('memory', () => createMemoryHost(), {
  userEdit: (host, sheet, address, value) => (host as MemoryHost).simulateUserEdit(sheet, address, value),
  recorded: (host, sheet) => {
    const snap = (host as MemoryHost).snapshot().sheets.find((s) => s.name === sheet);
    if (!snap) throw new Error(`no sheet ${sheet}`);
    return { tables: snap.tables.map((t) => t.name), validations: snap.validations.length, conditionalFormats: snap.conditionalFormats.length, notes: Object.keys(snap.notes).length, charts: snap.charts.length };
  },
});

describeSpreadsheetHostContract('memory without tables, validation, data bars, notes or charts', () =>
  createMemoryHost({ capabilities: { tables: false, listValidation: false, dataBars: false, notes: false, veryHiddenSheets: false, charts: false } }),
  {
    recorded: (host, sheet) => {
      const snap = (host as MemoryHost).snapshot().sheets.find((s) => s.name === sheet);
      if (!snap) throw new Error(`no sheet ${sheet}`);
      return { tables: snap.tables.map((t) => t.name), validations: snap.validations.length, conditionalFormats: snap.conditionalFormats.length, notes: Object.keys(snap.notes).length, charts: snap.charts.length };
    },
  },
);

describeAllOrNothingContract('memory', () => createMemoryHost(), {
  count: (host) => (host as MemoryHost).operationCount,
  failAt: (host, n) => (host as MemoryHost).failAtOperation(n),
});
