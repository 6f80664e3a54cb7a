/**
 * Defect 3 (issue 11): a cell over 32,767 characters — the import preview said nothing and the write
 * error pasted the whole cell into the pane without a row or column. The preview now names the cell
 * before writing and the write is refused with the same words, never the cell's text.
 */
import type { FenjieError } from '../../errors';
import { createMemoryHost } from '../../host/memory.host';
import { parseSeed, SEED_2023 } from '../../validate/__tests__/seeds.fixture';
import { columnNumber } from '../../sheet/a1';
import { MAX_CELL_CHARS } from '../../workbook/cell-length.check';
import { planImport } from '../import.flow';
import { writePlan } from '../write-plan.flow';

function longSeed() {
  const seed = parseSeed(SEED_2023);
  seed.tables[0].rows[4].content = `超长内容${'很'.repeat(MAX_CELL_CHARS + 10)}`;
  return seed;
}

describe('defect 3: a cell over 32,767 characters', () => {
  it('regression (defect 3: the preview said nothing): planImport names the sheet, row and column before writing', () => {
    const { longCells, plan } = planImport({ inputs: [{ result: longSeed(), state: null }], today: '2023-06-01' });
    expect(longCells).toHaveLength(1);
    const [cell] = longCells;
    const sheet = plan.sheets.find((s) => s.name === '主要工作')!;
    const letter = plan.layout!.columns['主要工作'].content;
    const col = columnNumber(letter);
    const row = plan.layout!.tables[0].firstRow + 4;
    expect(cell).toMatchObject({ code: 'cell-too-long', severity: 'error', row, field: sheet.columns[col - 1].header, cell: `'主要工作'!${letter}${row}` });
    expect(cell.message).toContain(`第 ${row} 行第 ${col} 列`);
    expect(cell.message).toContain('主要工作');
    expect(cell.message.length).toBeLessThan(300);
    expect(planImport({ inputs: [{ result: parseSeed(SEED_2023), state: null }], today: '2023-06-01' }).longCells).toEqual([]);
  });

  it('regression (defect 3: the write error pasted the whole cell without row or column): writePlan refuses naming the cell and writes nothing', async () => {
    const host = createMemoryHost();
    const before = await host.listSheets();
    const { plan, longCells } = planImport({ inputs: [{ result: longSeed(), state: null }], today: '2023-06-01' });
    const error = (await writePlan(host, plan).then(
      () => null,
      (e: unknown) => e,
    )) as FenjieError;
    expect(error).toMatchObject({ code: 'cell-too-long' });
    expect(error.messageZh).toContain(`第 ${longCells[0].row} 行`);
    expect(error.messageZh.length).toBeLessThan(400);
    expect(error.messageEn).toContain('row');
    expect(await host.listSheets()).toEqual(before);
  });
});
