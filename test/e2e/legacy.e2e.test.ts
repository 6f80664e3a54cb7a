/**
 * The task pane in an old Office webview: dist/taskpane.html with an IE11 (Trident) user agent, the
 * Office.js CDN refused and no Excel object shows the ES5 page (dist/legacy.js), not a blank pane.
 */
import { screenshot, useBrowserSession } from './browser';
import { DIST, assertBuilt } from './harness-page';

const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

const session = useBrowserSession(DIST, assertBuilt);

test('a Trident user agent gets the ES5 page with its one line on what needs Office 2021', async () => {
  const context = await session.browser.newContext({ userAgent: TRIDENT });
  const page = session.track(await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route('**/*', (route) => (route.request().url().startsWith(session.url) ? route.continue() : route.abort()));
  await page.goto(`${session.url}/taskpane.html`);
  await page.waitForSelector('[data-testid="legacy-page"]', { timeout: 15000 });
  await expect(page.textContent('[data-testid="legacy-needs-new"]')).resolves.toContain('Office 2021 或 Microsoft 365');
  await expect(page.evaluate(() => typeof (window as { Excel?: unknown }).Excel)).resolves.toBe('undefined');
  // The React pane stayed out: no Fluent root, and the boot message was replaced.
  await expect(page.locator('[data-testid="pane-title"]').count()).resolves.toBe(0);
  await page.setInputFiles('[data-testid="legacy-file"]', { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await page.click('[data-testid="legacy-write"]');
  await expect(page.textContent('[data-testid="legacy-status"]')).resolves.toContain('未连接到 Excel');
  await expect(page.getAttribute('[data-testid="legacy-full"]', 'href')).resolves.toBe('fenjie.html');
  await screenshot(page, 'legacy-pane');
  expect(errors).toEqual([]);
});
