/**
 * Office entry of the task pane: waits for Office.js (with a timeout, so a blocked CDN gives a clear
 * message instead of a blank pane), then mounts the pane over the Office.js host adapter.
 */
import { waitForOffice, type HostGlobals } from '../hosts/detect-host';
import { createOfficeHost } from '../hosts/office/office.host';
import { STRINGS, type Lang } from './i18n/strings';
import { mountTaskpane, showBootMessage } from './mount';

const OFFICE_READY_TIMEOUT_MS = 5000;

type OfficeOutcome = { kind: 'ready'; host: string | undefined; lang: Lang } | { kind: 'timeout' };

async function waitForExcel(timeoutMs: number): Promise<OfficeOutcome> {
  // office.js loads from a <script> tag before this bundle; when the CDN is blocked, Office is undefined.
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'timeout' };
  const ready = await waitForOffice(Office as unknown as NonNullable<HostGlobals['Office']>, timeoutMs);
  if (!ready) return { kind: 'timeout' };
  const display = Office.context?.displayLanguage ?? '';
  return { kind: 'ready', host: ready.host, lang: display.toLowerCase().startsWith('en') ? 'en' : 'zh-CN' };
}

async function start(): Promise<void> {
  const container = document.getElementById('container');
  // taskpane.html loads the ES5 page (src/taskpane/legacy) in IE11/EdgeHTML webviews instead.
  if (!container || (window as { __fenjieLegacy?: boolean }).__fenjieLegacy) return;
  const outcome = await waitForExcel(OFFICE_READY_TIMEOUT_MS);
  if (outcome.kind === 'timeout') {
    showBootMessage(container, `${STRINGS['zh-CN'].officeTimeout}\n${STRINGS.en.officeTimeout}`);
    return;
  }
  if (outcome.host !== String(Office.HostType.Excel)) {
    showBootMessage(container, `${STRINGS['zh-CN'].noHost}\n${STRINGS.en.noHost}`);
    return;
  }
  container.innerHTML = '';
  mountTaskpane(container, createOfficeHost({ Excel, Office }), { lang: outcome.lang });
}

void start();
