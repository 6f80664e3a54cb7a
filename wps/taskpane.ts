/**
 * WPS entry of the task pane: finds the ET Application WPS puts on the page, mounts the shared
 * task pane over the WPS host adapter, and wires the pane's own 隐藏窗格 button. No Office.js here.
 */
import './legacy-polyfills';
import { detectHost, type HostGlobals } from '../src/hosts/detect-host';
import type { EtApplicationLike } from '../src/hosts/wps/wps-api';
import { createWpsHost } from '../src/hosts/wps/wps.host';
import { mountTaskpane, showBootMessage } from '../src/taskpane/mount';

/** Same key as main.js (the ribbon stores the pane's ID there). */
const PANE_KEY = 'fenjie_taskpane_id';

function hidePane(app: EtApplicationLike): void {
  const id = app.PluginStorage?.getItem(PANE_KEY);
  if (id === undefined || id === null || id === '' || !app.GetTaskPane) return;
  app.GetTaskPane(Number(id)).Visible = false;
}

function wireHideButton(app: EtApplicationLike | undefined): void {
  const button = document.getElementById('wps-hide-pane');
  if (!button) return;
  if (!app) {
    button.hidden = true;
    return;
  }
  button.addEventListener('click', () => hidePane(app));
}

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) return;
  // No Office.js on this page, so there is nothing to wait for.
  const found = await detectHost(window as unknown as HostGlobals, { officeTimeoutMs: 0 });
  if (found.kind !== 'wps') {
    wireHideButton(undefined);
    showBootMessage(container, found.kind === 'none' ? `${found.messageZh}\n${found.messageEn}` : 'Office');
    return;
  }
  wireHideButton(found.Application);
  container.innerHTML = '';
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
  mountTaskpane(container, createWpsHost({ Application: found.Application }), { lang });
}

void start();
