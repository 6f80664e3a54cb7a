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
