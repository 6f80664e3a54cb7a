import { formatA1, parseA1, tryParseA1 } from '../a1-address';
import { ET_ENUM_FALLBACK, resolveEtEnum } from '../wps-api';
import { fromBgr, toBgr } from '../wps-color';

describe('BGR colours', () => {
  it('turns #RRGGBB into a VBA BGR Long and back', () => {
    expect(toBgr('#FF0000')).toBe(0x0000ff);
    expect(toBgr('#0000FF')).toBe(0xff0000);
    expect(toBgr('#FFC7CE')).toBe(0xcec7ff);
    expect(fromBgr(toBgr('#12AB34'))).toBe('#12AB34');
  });

  it('refuses a colour that is not #RRGGBB', () => {
    expect(() => toBgr('red')).toThrow(expect.objectContaining({ code: 'host-bad-color' }));
  });
});

describe('A1 addresses', () => {
  it('parses cells, ranges, $ and reversed corners', () => {
    expect(parseA1('B2:F40')).toEqual({ row: 2, col: 2, rows: 39, cols: 5 });
    expect(parseA1('$AA$10')).toEqual({ row: 10, col: 27, rows: 1, cols: 1 });
    expect(parseA1('C3:A1')).toEqual({ row: 1, col: 1, rows: 3, cols: 3 });
    expect(formatA1({ row: 1, col: 26, rows: 2, cols: 2 })).toBe('Z1:AA2');
  });

  it('rejects what is not an address', () => {
    expect(tryParseA1('A0')).toBeUndefined();
    expect(tryParseA1('主要工作')).toBeUndefined();
    expect(tryParseA1('A1:B2:C3')).toBeUndefined();
    expect(tryParseA1('XFE1')).toBeUndefined();
  });
});

describe('enum fallback table', () => {
  it('has the VBA values', () => {
    expect(ET_ENUM_FALLBACK).toMatchObject({ xlValidateList: 3, xlCellValue: 1, xlExpression: 2, xlEqual: 3, xlSheetVeryHidden: 2, xlSheetHidden: 0, xlSheetVisible: -1 });
  });

  it("prefers the host's own Application.Enum when present", () => {
    expect(resolveEtEnum({}, 'xlValidateList')).toBe(3);
    expect(resolveEtEnum({ Enum: { xlValidateList: 42 } }, 'xlValidateList')).toBe(42);
    expect(resolveEtEnum({ Enum: { other: 1 } }, 'xlSheetVeryHidden')).toBe(2);
  });
});
