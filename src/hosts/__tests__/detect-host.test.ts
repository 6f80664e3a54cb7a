import { detectHost, findWpsApplication, NO_HOST_MESSAGE, waitForOffice } from '../detect-host';
import { createFakeEtApplication } from '../../../test/fakes/et-application.fake';

describe('detectHost', () => {
  it('finds WPS through window.Application with Workbooks', async () => {
    const fake = createFakeEtApplication();
    const found = await detectHost({ Application: fake.Application });
    expect(found.kind).toBe('wps');
    expect(found.kind === 'wps' && found.Application).toBe(fake.Application);
  });

  it('finds WPS through the wps global (EtApplication() in older builds)', () => {
    const fake = createFakeEtApplication();
    expect(findWpsApplication({ wps: { EtApplication: () => fake.Application } })).toBe(fake.Application);
    expect(findWpsApplication({ wps: { Application: fake.Application } })).toBe(fake.Application);
  });

  it('does not mistake an unrelated window.Application for WPS', () => {
    expect(findWpsApplication({ Application: { name: 'something else' } })).toBeUndefined();
  });

  it('finds Office when Office.onReady reports a host', async () => {
    const Office = { onReady: (cb?: (info: { host?: unknown }) => void) => setTimeout(() => cb?.({ host: 'Excel' }), 5) };
    await expect(detectHost({ Office }, { officeTimeoutMs: 500 })).resolves.toEqual({ kind: 'office', host: 'Excel' });
  });

  it('gives up on Office after the timeout with a clear message', async () => {
    const Office = { onReady: () => undefined };
    const started = Date.now();
    const found = await detectHost({ Office }, { officeTimeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(found).toEqual({ kind: 'none', ...NO_HOST_MESSAGE });
  });

  it('treats Office.onReady with no host (plain browser) as neither', async () => {
    const Office = { onReady: (cb?: (info: { host?: unknown }) => void) => cb?.({ host: null }) };
    const found = await detectHost({ Office }, { officeTimeoutMs: 50 });
    expect(found.kind).toBe('none');
    expect(found.kind === 'none' && found.messageZh).toContain('WPS');
  });

  it('regression (office.e2e: the pane waited for a callback the Office fake never calls): a promise-only onReady is enough', async () => {
    const Office = { onReady: () => Promise.resolve({ host: 'Excel' }) };
    await expect(waitForOffice(Office, 200)).resolves.toEqual({ host: 'Excel' });
    const callbackOnly = { onReady: (cb?: (info: { host?: unknown }) => void) => void cb?.({ host: 'Excel' }) };
    await expect(waitForOffice(callbackOnly, 200)).resolves.toEqual({ host: 'Excel' });
  });
});
