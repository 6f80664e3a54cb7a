/**
 * Stands in for office.js in the browser: XL's recording fake of the Excel object model behind the
 * `Excel` and `Office` globals, so the real dist/taskpane.html runs its Office entry and the
 * Office.js host adapter. Served in place of the CDN script by the e2e test.
 */
import { createExcelFake } from '../fakes/excel.fake';

const fake = createExcelFake({ apiMinor: 14 });
const globals = window as unknown as Record<string, unknown>;
globals.Excel = fake.Excel;
globals.Office = {
  ...fake.Office,
  context: { ...fake.Office.context, displayLanguage: 'zh-CN' },
  HostType: { Excel: 'Excel', Word: 'Word' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  actions: { associate: () => undefined },
};
globals.__excelFake = {
  fake,
  /** Display values of a sheet as rows × columns (strings), for the test to read. */
  sheetText(name: string): string[][] | null {
    const sheet = fake.sheet(name);
    if (!sheet) return null;
    const rows: string[][] = [];
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      while (rows.length <= r) rows.push([]);
      rows[r][c] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    }
    const width = Math.max(0, ...rows.map((row) => row.length));
    return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  },
  counts: () => ({ runs: fake.recorder.runs, syncs: fake.recorder.syncs }),
  reset: () => fake.resetCounts(),
};
