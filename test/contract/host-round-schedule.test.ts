/**
 * The pane's round actions on the Office.js and WPS adapters (over their fakes), not only the memory
 * host: 新一期填报 writes the 序时 columns beside the 主要工作 table, and 收回填报 redraws their 预警
 * rules (clearConditionalFormats) instead of adding a second set.
 */
import { collectHostRound, readHostMaster, startHostRound, writePlan, type SpreadsheetHost } from '../../src/core';
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildWorkbookPlan, parseDocument } from '../../src/core/testing';
import { createOfficeHost } from '../../src/hosts/office/office.host';
import type { OfficeEnv } from '../../src/hosts/office/office-env';
import { createWpsHost } from '../../src/hosts/wps/wps.host';
import { createExcelFake } from '../fakes/excel.fake';
import { createFakeEtApplication } from '../fakes/et-application.fake';

function officeHost(): { host: SpreadsheetHost; rules: () => number } {
  const fake = createExcelFake({ apiMinor: 14 });
  const host = createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office, ownWriteQuietMs: 0 });
  return { host, rules: () => fake.sheet('主要工作')?.conditionalFormats.length ?? -1 };
}

function wpsHost(): { host: SpreadsheetHost; rules: () => number } {
  const fake = createFakeEtApplication({ eventDelivery: 'sync' });
  const host = createWpsHost({ Application: fake.Application, ApiEvent: fake.ApiEvent });
  return { host, rules: () => fake.sheet('主要工作').conditions.length };
}

const SEED_2023 = join(__dirname, '..', '..', 'seeds', '000_8040c5413e4a8407.txt');

describe.each([
  ['office', officeHost],
  ['wps', wpsHost],
])('pane round actions on %s', (_name, make) => {
  it('writes the 序时 columns at round start and redraws their rules on collect', async () => {
    const { host, rules } = make();
    await writePlan(host, buildWorkbookPlan({ results: [await parseDocument(new Uint8Array(readFileSync(SEED_2023)), 'seed-2023.txt')], today: '2023-09-20' }), { backupSuffix: 's' });
    const width = (await host.readUsedRange('主要工作')).values[0].length;
    const before = rules();
    await startHostRound(host, { period: '2023Q3', due: '2023-10-10', today: '2023-09-20' });
    const used = await host.readUsedRange('主要工作');
    expect(used.values[0].slice(width)).toEqual(['序时状态', '偏差（百分点）', '预警']);
    expect(used.values.slice(1).every((row) => row[width] === '未启动')).toBe(true);
    const after = rules();
    expect(after).toBe(before + 4);
    // A return with nothing in it still redraws the computed cells: the rules stay four.
    await collectHostRound(host, [], [], '2023-09-30');
    expect(rules()).toBe(after);
    expect((await readHostMaster(host)).result.tables.map((t) => t.rows.length)).toEqual([88, 22]);
  });
});
