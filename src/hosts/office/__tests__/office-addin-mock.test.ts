/**
 * A cross-check with Microsoft's office-addin-mock, which enforces load-before-read like Excel:
 * the adapter's reads load every property they use before the sync.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose ESM dependencies jest cannot load.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook', Word: 'word', PowerPoint: 'powerpoint', OneNote: 'onenote', Project: 'project' } }));
import { createOfficeHost } from '../office.host';
import type { OfficeEnv } from '../office-env';

function mockExcel() {
  const usedRange = {
    address: "'粘贴'!B2:C4",
    text: [['序号', '工作'], ['1', '甲'], ['', '乙']],
  };
  const sheet = {
    name: '粘贴',
    usedRange,
    getUsedRange() {
      return this.usedRange;
    },
  };
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet,
          getItem() {
            return this.sheet;
          },
          getActiveWorksheet() {
            return this.sheet;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, a: unknown, b?: unknown) {
      const batch = (typeof a === 'function' ? a : b) as (context: unknown) => Promise<unknown>;
      return await batch(this.context);
    },
  });
}

describe('office host with office-addin-mock', () => {
  // The mock cannot model *OrNullObject results, so merged areas (ExcelApi 1.13) are left to the recording fake.
  const office = { context: { requirements: { isSetSupported: (_name: string, v?: string) => Number(v?.split('.')[1]) <= 12 } } };

  it('loads what it reads: active sheet name and used range text', async () => {
    const excel = mockExcel();
    const host = createOfficeHost({ Excel: excel as unknown as OfficeEnv['Excel'], Office: office });
    expect(await host.getActiveSheet()).toBe('粘贴');
    expect(await host.readUsedRange('粘贴')).toEqual({
      sheet: '粘贴',
      address: 'B2:C4',
      values: [['序号', '工作'], ['1', '甲'], ['', '乙']],
      merges: [],
    });
  });
});

describe('splitAreas', () => {
  it('splits on commas outside quoted sheet names', async () => {
    const { splitAreas } = await import('../office-read');
    expect(splitAreas("'a,b'!A1:B2,Sheet1!C3, 'x''y'!D4")).toEqual(["'a,b'!A1:B2", 'Sheet1!C3', "'x''y'!D4"]);
  });
});
