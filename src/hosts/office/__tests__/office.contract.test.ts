/** The host contract against createOfficeHost over the recording Excel fake, at the 2021 LTSC baseline and older/newer sets. */
import { describeAllOrNothingContract, describeSpreadsheetHostContract, type RecordedFeatures } from '../../../../test/contract/spreadsheet-host.contract';
import { createExcelFake, type ExcelFake } from '../../../../test/fakes/excel.fake';
import { createOfficeHost } from '../office.host';
import type { OfficeEnv } from '../office-env';
import type { SpreadsheetHost } from '../../../core';

const fakes = new WeakMap<SpreadsheetHost, ExcelFake>();

function make(apiMinor: number, budget?: number) {
  return () => {
    const fake = createExcelFake({ apiMinor });
    const host = createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office, payloadBudgetBytes: budget, ownWriteQuietMs: 0 });
    fakes.set(host, fake);
    return host;
  };
}

function recorded(host: SpreadsheetHost, sheet: string): RecordedFeatures {
  const s = fakes.get(host)?.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return { tables: s.tables.map((t) => t.name), validations: s.validations.length, conditionalFormats: s.conditionalFormats.length, notes: s.notes.length, charts: s.charts.length };
}

const hooks = {
  userEdit: (host: SpreadsheetHost, sheet: string, address: string, value: string) => fakes.get(host)?.simulateUserEdit(sheet, address, value),
  recorded,
};

describeSpreadsheetHostContract('office (ExcelApi 1.14 fake)', make(14), hooks);
describeSpreadsheetHostContract('office (ExcelApi 1.18 fake, 64 KB payload budget)', make(18, 64 * 1024), hooks);
describeSpreadsheetHostContract('office (ExcelApi 1.7 fake)', make(7), { recorded });

/** Office: the n-th command Excel runs at a sync is rejected (GeneralException); the commands before it in that sync took effect. */
const officeFaults = {
  count: (host: SpreadsheetHost) => commandsRun.get(host)?.() ?? 0,
  failAt: (host: SpreadsheetHost, n: number) => armFailure.get(host)?.(n),
};
const commandsRun = new WeakMap<SpreadsheetHost, () => number>();
const armFailure = new WeakMap<SpreadsheetHost, (n: number) => void>();

function makeFaulty(apiMinor: number) {
  return () => {
    const host = make(apiMinor)();
    const fake = fakes.get(host) as ExcelFake;
    let ran = 0;
    let failAt = -1;
    fake.shared.failOn = () => {
      const n = ran++;
      if (n !== failAt) return undefined;
      failAt = -1;
      return 'GeneralException';
    };
    commandsRun.set(host, () => ran);
    armFailure.set(host, (n) => (failAt = ran + n));
    return host;
  };
}

describeAllOrNothingContract('office (ExcelApi 1.14 fake, a sync rejected at each command)', makeFaulty(14), officeFaults, { recorded });
