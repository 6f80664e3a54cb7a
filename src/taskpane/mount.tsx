import { createRoot } from 'react-dom/client';
import type { SpreadsheetHost } from '../core';
import { App, SECTION_IDS, type SectionId } from './App';
import type { Lang } from './i18n/strings';

export interface MountOptions {
  /** UI language; default zh-CN. */
  lang?: Lang;
  /** Section to open first (the ribbon buttons open the pane with ?view=import|validate|track). */
  view?: SectionId;
  /** Called once the pane has rendered, with the milliseconds since mountTaskpane was called. */
  onFirstRender?: (ms: number) => void;
}

export interface MountedTaskpane {
  unmount(): void;
}

/**
 * Mounts the task pane into `el` over any SpreadsheetHost (Office, WPS, memory).
 * The pane knows nothing about the host behind the port.
 */
export function mountTaskpane(el: HTMLElement, host: SpreadsheetHost, opts: MountOptions = {}): MountedTaskpane {
  const started = performance.now();
  const root = createRoot(el);
  const reportFirstRender = () => {
    const ms = performance.now() - started;
    el.setAttribute('data-first-render-ms', ms.toFixed(1));
    opts.onFirstRender?.(ms);
  };
  root.render(<App host={host} initialLang={opts.lang ?? pickDefaultLang()} initialView={opts.view ?? pickView()} onFirstRender={reportFirstRender} />);
  return { unmount: () => root.unmount() };
}

/** Replaces the pane with a plain alert, for when no host could be reached and React never mounts. */
export function showBootMessage(container: HTMLElement, text: string): void {
  container.innerHTML = '';
  const box = document.createElement('div');
  box.id = 'boot-message';
  box.className = 'error';
  box.setAttribute('role', 'alert');
  box.textContent = text;
  container.appendChild(box);
}

function pickView(): SectionId {
  const wanted = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('view') : null;
  return (SECTION_IDS as readonly string[]).includes(wanted ?? '') ? (wanted as SectionId) : 'import';
}

function pickDefaultLang(): Lang {
  const wanted = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  return wanted === 'en' ? 'en' : 'zh-CN';
}
