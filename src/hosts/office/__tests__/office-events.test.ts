import { createExcelFake } from '../../../../test/fakes/excel.fake';
import { createOfficeHost } from '../office.host';
import { createOwnWrites } from '../office-events';
import type { OfficeEnv } from '../office-env';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('office change events', () => {
  it('treats events during a write and within the quiet window as its own', () => {
    let now = 1000;
    const own = createOwnWrites(300, () => now);
    expect(own.isOwn()).toBe(false);
    own.begin();
    expect(own.isOwn()).toBe(true);
    own.end();
    now += 299;
    expect(own.isOwn()).toBe(true);
    now += 2;
    expect(own.isOwn()).toBe(false);
  });

  it('drops the echo of its own write where events cannot be switched off (ExcelApi 1.7), and reports the user', async () => {
    const fake = createExcelFake({ apiMinor: 7 });
    const host = createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office, ownWriteQuietMs: 80 });
    const events: unknown[] = [];
    host.onChange((e) => events.push(e));
    await wait(10);
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'A1', values: [['x']] }]);
    await wait(20);
    expect(fake.shared.enableEvents).toBe(true);
    expect(events).toEqual([]);
    await wait(100);
    fake.simulateUserEdit('Sheet1', 'C3', '改');
    await wait(20);
    expect(events).toEqual([{ sheet: 'Sheet1', address: 'C3' }]);
  });

  it('does not hear user edits while the workbook has events off, and hears them once restored', async () => {
    const fake = createExcelFake();
    const host = createOfficeHost({ Excel: fake.Excel as unknown as OfficeEnv['Excel'], Office: fake.Office, ownWriteQuietMs: 0 });
    const events: unknown[] = [];
    host.onChange((e) => events.push(e));
    await wait(10);
    fake.shared.enableEvents = false;
    fake.simulateUserEdit('Sheet1', 'A1', 'a');
    await wait(10);
    expect(events).toEqual([]);
    await host.apply([{ op: 'writeValues', sheet: 'Sheet1', start: 'B1', values: [['b']] }]);
    fake.simulateUserEdit('Sheet1', 'A2', 'c');
    await wait(10);
    expect(events).toEqual([{ sheet: 'Sheet1', address: 'A2' }]);
  });
});
