/** Launches the Debian chromium through playwright-core (never a downloaded browser). */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** One e2e file's browser and static server; pages given to track() are closed after each test. */
export interface BrowserSession {
  readonly browser: Browser;
  /** Base URL of the static server. */
  readonly url: string;
  track(page: Page): Page;
}

/**
 * Registers the hooks of an e2e file: check the build (`prepare`), serve `root`, launch Chromium
 * once for the file, close each test's tracked pages after it and everything after the file.
 */
export function useBrowserSession(root: string, prepare?: () => void): BrowserSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    prepare?.();
    server = await serveStatic(root);
    browser = await launchBrowser();
  });
  afterEach(async () => {
    while (pages.length) await pages.pop()?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser session is used before its beforeAll ran');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get url() {
      return started(server).url;
    },
    track(page) {
      pages.push(page);
      return page;
    },
  };
}

/** Bundles a fake host entry (test/e2e/*.entry.ts) into one script to inject before a page loads. */
export function bundleFakeEntry(entry: string): string {
  const built = buildSync({ entryPoints: [join(__dirname, entry)], bundle: true, write: false, format: 'iife', target: 'es2019', platform: 'browser' });
  return built.outputFiles[0].text;
}

/** Clicks a download button (once it is enabled) and returns the file the page saved, and how long it took. */
export async function downloadFile(page: Page, testId: string, timeout = 60000): Promise<{ name: string; bytes: Uint8Array; ms: number }> {
  await page.waitForSelector(`[data-testid="${testId}"]:not([disabled])`, { timeout });
  const started = Date.now();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.click(`[data-testid="${testId}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)), ms: Date.now() - started };
}
