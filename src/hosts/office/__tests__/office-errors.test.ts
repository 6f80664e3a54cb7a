import { FenjieError } from '../../../core';
import { translateOfficeError } from '../office-errors';
import { capabilitiesOf, probeFeatures } from '../office-capabilities';

const officeError = (code: string) => Object.assign(new Error(`office says ${code}`), { name: 'RichApi.Error', code, debugInfo: { code, message: code, errorLocation: 'Range.values' } });

describe('translateOfficeError', () => {
  it.each([
    ['InvalidArgument', 'host-invalid-op'],
    ['ItemNotFound', 'host-not-found'],
    ['ItemAlreadyExists', 'host-conflict'],
    ['GeneralException', 'host-failed'],
    ['RequestPayloadSizeLimitExceeded', 'host-payload-too-large'],
    ['ApiNotFound', 'host-unsupported'],
    ['AccessDenied', 'host-access-denied'],
    ['InvalidOperationInCellEditMode', 'host-cell-edit-mode'],
    ['ActivityLimitReached', 'host-busy'],
    ['SomethingNew', 'host-failed'],
  ])('%s → %s', (officeCode, code) => {
    const error = translateOfficeError(officeError(officeCode));
    expect(error).toBeInstanceOf(FenjieError);
    expect(error.code).toBe(code);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.details).toMatchObject({ officeCode, errorLocation: 'Range.values' });
    expect(error.cause).toBeDefined();
  });

  it('passes a FenjieError through and wraps plain values', () => {
    const own = new FenjieError('host-invalid-op', '无效', 'invalid');
    expect(translateOfficeError(own)).toBe(own);
    expect(translateOfficeError('boom')).toMatchObject({ code: 'host-failed', details: { officeCode: 'unknown' } });
  });
});

describe('requirement sets', () => {
  const office = (max: number) => ({ context: { requirements: { isSetSupported: (_n: string, v?: string) => Number(v?.split('.')[1]) <= max } } });

  it('reports ExcelApi 1.14 (Office 2021 LTSC) with everything but notes', () => {
    const caps = capabilitiesOf(probeFeatures(office(14)));
    expect(caps).toMatchObject({ version: 'ExcelApi 1.14', conditionalFormats: true, dataBars: true, listValidation: true, notes: false, changeEvents: true, mergedAreas: true });
    expect(capabilitiesOf(probeFeatures(office(18))).notes).toBe(true);
  });

  it('switches off what an old set lacks', () => {
    const caps = capabilitiesOf(probeFeatures(office(5)));
    expect(caps).toMatchObject({ conditionalFormats: false, listValidation: false, notes: false, changeEvents: false, mergedAreas: false });
  });

  it('assumes the baseline without Office', () => {
    expect(probeFeatures().minor).toBe(14);
  });
});
