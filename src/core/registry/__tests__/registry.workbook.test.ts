/** The 名录 sheets survive a real .xlsx: written by the ExcelJS writer, read by the core's reader. */
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';
import { readXlsxSheets } from '../../readers/xlsx.reader';
import { buildWorkbookPlan } from '../../workbook/workbook.planner';
import { loadDefaultRegistry } from '../default-registry.loader';
import { serialiseRegistry } from '../registry-json.codec';
import { buildRegistrySheets, readRegistryFromUsedRanges, REGISTRY_SHEETS } from '../registry-sheet.planner';
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';

describe('名录 in a written workbook', () => {
  it('reads back the same registry', async () => {
    const registry = loadDefaultRegistry();
    const plan = buildWorkbookPlan({ results: [parseSeed(SEED_2023)], extraSheets: buildRegistrySheets(registry) });
    const bytes = await writeXlsx(plan);
    const sheets = readXlsxSheets(bytes, { sheetFilter: (name) => name === REGISTRY_SHEETS.leaders || name === REGISTRY_SHEETS.units });
    expect(sheets.map((s) => s.sheet).sort()).toEqual([REGISTRY_SHEETS.units, REGISTRY_SHEETS.leaders].sort());
    const back = readRegistryFromUsedRanges(sheets);
    expect(back && serialiseRegistry(back)).toBe(serialiseRegistry(registry));
  });
});
