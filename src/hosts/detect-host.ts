/**
 * Which spreadsheet host is the page running in? WPS (a synchronous `window.Application` with
 * `Workbooks`, or the `wps` global), Office (Office.js becomes ready), or neither, with a message
 * the pane can show. Office.onReady never fires when Office.js is blocked or the page is opened
 * in a plain browser, hence the timeout.
 */
import type { EtApplicationLike } from './wps/wps-api';

export type DetectedHost =
  | { kind: 'wps'; Application: EtApplicationLike }
  | { kind: 'office'; host?: string }
  | { kind: 'none'; messageZh: string; messageEn: string };

/** The globals we look at; `window` in the browser, a plain object in tests. */
export interface HostGlobals {
  Application?: unknown;
  wps?: unknown;
  Office?: { onReady?: (callback?: (info: { host?: unknown }) => void) => unknown };
}

export interface DetectOptions {
  /** How long to wait for Office.onReady (ms). */
  officeTimeoutMs?: number;
}

export const NO_HOST_MESSAGE = {
  messageZh: '未检测到 Excel 或 WPS 表格：请在 Excel（加载项）或 WPS 表格（WPS 加载项）中打开本任务窗格。若在 Excel 中看到此提示，可能是 Office.js 无法从网络加载，请联系管理员改用本地 Office.js 构建。',
  messageEn: 'Neither Excel nor WPS Spreadsheets was found: open this pane from the Excel add-in or the WPS add-in. In Excel this can mean Office.js could not load from the network; ask your administrator for the build with local Office.js.',
} as const;

function isEtApplication(value: unknown): value is EtApplicationLike {
  return typeof value === 'object' && value !== null && 'Workbooks' in value && (value as { Workbooks?: unknown }).Workbooks !== undefined;
}

/** The ET Application if the page runs inside WPS, else undefined. Synchronous: WPS globals exist at load. */
export function findWpsApplication(globals: HostGlobals): EtApplicationLike | undefined {
  if (isEtApplication(globals.Application)) return globals.Application;
  const wps = globals.wps as { Application?: unknown; EtApplication?: () => unknown } | undefined;
  if (!wps) return undefined;
  if (isEtApplication(wps.Application)) return wps.Application;
  if (typeof wps.EtApplication === 'function') {
    const app = wps.EtApplication();
    if (isEtApplication(app)) return app;
  }
  return isEtApplication(wps) ? wps : undefined;
}

/** Office.onReady with a timeout (a blocked CDN or a plain browser never calls back); the one wait every entry uses. */
export function waitForOffice(office: NonNullable<HostGlobals['Office']>, timeoutMs: number): Promise<{ host?: string } | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const ready = (info: { host?: unknown } | undefined) => {
      clearTimeout(timer);
      resolve({ host: info?.host === undefined || info.host === null ? undefined : String(info.host) });
    };
    try {
      // Office.js calls the callback and also returns a promise; some builds (and fakes) do only one.
      const returned = office.onReady?.(ready) as PromiseLike<{ host?: unknown }> | undefined;
      if (returned && typeof returned.then === 'function') returned.then(ready, () => undefined);
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}

export async function detectHost(globals: HostGlobals, options: DetectOptions = {}): Promise<DetectedHost> {
  const wpsApp = findWpsApplication(globals);
  if (wpsApp) return { kind: 'wps', Application: wpsApp };
  if (globals.Office?.onReady) {
    const ready = await waitForOffice(globals.Office, options.officeTimeoutMs ?? 5000);
    // Office.onReady also fires in a plain browser with host null: that is not Excel.
    if (ready?.host) return { kind: 'office', host: ready.host };
  }
  return { kind: 'none', ...NO_HOST_MESSAGE };
}
