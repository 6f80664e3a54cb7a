import { cellAddress, columnLetter, columnNumber, parseCellAddress, parseRangeAddress, rangeAddress, columnIndex, columnLetters, formatRange, isValidSheetName, parseCell, parseRange, workbookAddress, stripSheetPrefix, tryParseRange } from '../a1';
import { cellsToState, stateToCells, STATE_CHUNK } from '../workbook-state';
import { displayText, estimateJsonBytes, isoDateToSerial, serialToIsoDate } from '../cell-value';

describe('A1 helpers', () => {
  it('converts column letters both ways', () => {
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('XFD')]).toEqual([0, 25, 26, 16383]);
    for (const n of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(n))).toBe(n);
  });

  it('parses cells and ranges in either corner order', () => {
    expect(parseCell('$C$7')).toEqual({ row: 6, col: 2 });
    expect(parseRange('D9:B7')).toEqual({ row: 6, col: 1, rows: 3, cols: 3 });
    expect(formatRange(parseRange('B7:D9'))).toBe('B7:D9');
    expect(formatRange(parseRange('C3'))).toBe('C3');
  });

  it('rejects bad addresses with host-invalid-op', () => {
    for (const bad of ['', 'A0', 'A1:', '1A', 'A:C', 'XFE1', 'A1048577', 'A1:B2:C3']) expect(tryParseRange(bad)).toBeUndefined();
    expect(() => parseRange('nope')).toThrow(expect.objectContaining({ code: 'host-invalid-op' }));
  });

  it('checks sheet names like Excel does', () => {
    expect(isValidSheetName('主要工作')).toBe(true);
    expect(isValidSheetName('a'.repeat(32))).toBe(false);
    expect(isValidSheetName('a/b')).toBe(false);
    expect(isValidSheetName("'q")).toBe(false);
  });

  it('qualifies and strips sheet prefixes', () => {
    expect(workbookAddress("It's", 'A1')).toBe("'It''s'!A1");
    expect(stripSheetPrefix("'My Sheet'!B2:C3")).toBe('B2:C3');
    expect(stripSheetPrefix('B2')).toBe('B2');
  });
});

describe('cell values', () => {
  it('converts dates to serials and back', () => {
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(isoDateToSerial('2023-03-01')).toBe(44986);
    expect(serialToIsoDate(44986)).toBe('2023-03-01');
  });

  it('displays values under plan number formats', () => {
    expect(displayText(0.5, '0%')).toBe('50%');
    expect(displayText(44986, 'yyyy-mm-dd')).toBe('2023-03-01');
    expect(displayText(0.1 + 0.2)).toBe('0.3');
    expect(displayText({ formula: '=1+1' })).toBe('');
    expect(displayText(false)).toBe('FALSE');
  });

  it('estimates UTF-8 JSON size', () => {
    expect(estimateJsonBytes('abc')).toBe(JSON.stringify('abc').length);
    expect(estimateJsonBytes('中')).toBe(5);
    expect(estimateJsonBytes([['a', 1]])).toBeGreaterThanOrEqual(JSON.stringify([['a', 1]]).length);
  });

  it('splits long state over several cells and joins it back', () => {
    const state = { dismissedFindings: Array.from({ length: 6000 }, (_, i) => `finding-${i}`) };
    const cells = stateToCells(state);
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.every((c) => c[0].length <= STATE_CHUNK)).toBe(true);
    expect(cellsToState(cells)).toEqual(state);
    expect(cellsToState([])).toEqual({});
    expect(() => cellsToState([['{broken']])).toThrow(expect.objectContaining({ code: 'host-state-corrupt' }));
  });
});

describe('one A1 module, two bases', () => {
  it('0-based rectangles: cells, ranges, $ and reversed corners', () => {
    expect(parseRange('B2:F40')).toEqual({ row: 1, col: 1, rows: 39, cols: 5 });
    expect(parseRange('$AA$10')).toEqual({ row: 9, col: 26, rows: 1, cols: 1 });
    expect(parseRange('C3:A1')).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
    expect(formatRange({ row: 0, col: 25, rows: 2, cols: 2 })).toBe('Z1:AA2');
  });

  it('rejects what is not an address', () => {
    for (const bad of ['A0', '主要工作', 'A1:B2:C3', 'XFE1', 'A1048577']) expect(tryParseRange(bad)).toBeUndefined();
    expect(parseRangeAddress('XFE1')).toBeNull();
  });

  it('1-based helpers agree with the 0-based ones', () => {
    expect(columnLetter(27)).toBe('AA');
    expect(columnNumber('AA')).toBe(27);
    expect(cellAddress(12, 5)).toBe('E12');
    expect(rangeAddress(2, 1, 40, 6)).toBe('A2:F40');
    expect(rangeAddress(3, 3, 3, 3)).toBe('C3');
    expect(parseCellAddress('$E$12')).toEqual({ row: 12, col: 5 });
    expect(parseRangeAddress("'主要工作'!F40:B2")).toEqual({ firstRow: 2, firstCol: 2, lastRow: 40, lastCol: 6 });
  });
});
