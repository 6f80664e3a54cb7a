import type { UsedRange } from '../../sheet/used-range';
import { documentFromUsedRanges, gridFromUsedRange, gridsFromUsedRange } from '../sheet-grid';

/** Two tables pasted one under the other, in columns B:D of a sheet, with a title merged across. */
const RANGE: UsedRange = {
  sheet: 'Sheet1',
  address: 'A3:D14',
  values: [
    ['', '2023年表一', '', ''],
    ['', '', '', ''],
    ['', '门类', '项目', '负责人'],
    ['', '综\n合', '地区生产总值', '吴敬宇\r\n郑丙华'],
    ['', '', '一般公共预算收入', '胡卫江'],
    ['', '', '', ''],
    ['', '门类', '项目', '负责人'],
    ['', '合并两列', '', '张展'],
    ['', '', '', ''],
    ['', '附件2', '', ''],
    ['', '序号', '名称', '负责人'],
    ['', '1', '幼儿园', '倪嘉臻'],
  ],
  merges: [
    { row: 0, col: 1, rows: 1, cols: 3 },
    { row: 3, col: 1, rows: 2, cols: 1 },
    { row: 7, col: 1, rows: 1, cols: 2 },
  ],
};

describe('gridsFromUsedRange', () => {
  const { grids, trailing } = gridsFromUsedRange(RANGE);

  it('splits at a titled gap, keeps repeated headers, drops blank rows and empty margins', () => {
    expect(grids).toHaveLength(2);
    expect(grids[0].before).toEqual(['2023年表一']);
    expect(grids[0].origin).toEqual({ index: 0, sheet: 'Sheet1', firstCol: 2, firstRow: 5 });
    expect(grids[0].rows).toHaveLength(5);
    expect(grids[1].before).toEqual(['附件2']);
    expect(grids[1].origin.firstRow).toBe(13);
    expect(trailing).toEqual([]);
  });

  it('turns merges into vMerge / colSpan and line breaks into paragraphs', () => {
    const [, first, second, , spanned] = grids[0].rows;
    expect(first.cells[0]).toEqual({ paragraphs: ['综', '合'], vMerge: 'restart' });
    expect(first.cells[2]).toEqual({ paragraphs: ['吴敬宇', '郑丙华'] });
    expect(second.cells[0]).toEqual({ paragraphs: [], vMerge: 'continue' });
    expect(second.cells[1]).toEqual({ paragraphs: ['一般公共预算收入'] });
    expect(spanned.cells).toEqual([{ paragraphs: ['合并两列'], colSpan: 2 }, { paragraphs: ['张展'] }]);
  });
});

describe('gridFromUsedRange', () => {
  it('keeps the whole range as one grid with the leading title in before', () => {
    const grid = gridFromUsedRange(RANGE);
    expect(grid.before).toEqual(['2023年表一']);
    expect(grid.rows).toHaveLength(8);
  });

  it('gives an empty grid for an empty sheet', () => {
    expect(gridFromUsedRange({ sheet: 'x', address: 'A1', values: [['']], merges: [] }).rows).toEqual([]);
  });
});

describe('documentFromUsedRanges', () => {
  it('numbers grids across sheets and collects the paragraphs', () => {
    const doc = documentFromUsedRanges([RANGE, { ...RANGE, sheet: 'Sheet2' }]);
    expect(doc.format).toBe('sheet');
    expect(doc.grids.map((g) => [g.origin.sheet, g.origin.index])).toEqual([
      ['Sheet1', 0],
      ['Sheet1', 1],
      ['Sheet2', 2],
      ['Sheet2', 3],
    ]);
    expect(doc.paragraphs).toEqual(['2023年表一', '附件2', '2023年表一', '附件2']);
  });
});
