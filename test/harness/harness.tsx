/**
 * Test harness: the real task pane mounted over the memory host, with the in-memory workbook drawn
 * beside it. Playwright drives it through the pane's UI and reads the workbook through window.__fenjie.
 */
import { createRoot } from 'react-dom/client';
import { type A1, type CellValue, type SpreadsheetHost } from '../../src/core';
import { createMemoryHost, type MemoryHost, type MemorySnapshot } from '../../src/core/testing';
import { mountTaskpane } from '../../src/taskpane/mount';
import { WorkbookView } from './WorkbookView';
import { PASTED_SHEET, makePastedSheet } from './pasted-sheet';

export interface HarnessApi {
  host: MemoryHost;
  firstRenderMs: Promise<number>;
  snapshot(): MemorySnapshot;
  /** Display text of one sheet (rows × columns), or null when the sheet does not exist. */
  sheetText(sheet: string): string[][] | null;
  /** A person typing into a cell: fires the host's change event. */
  edit(sheet: string, address: A1, value: CellValue): void;
  activate(sheet: string): Promise<void>;
  pastedSheet: string;
}

declare global {
  interface Window {
    __fenjie: HarnessApi;
  }
}

/** Wraps the host so the workbook view redraws after every write or selection the pane makes. */
function observeHost(host: MemoryHost, redraw: () => void): SpreadsheetHost {
  const after = <T,>(promise: Promise<T>) => promise.finally(redraw);
  return {
    kind: host.kind,
    getCapabilities: () => host.getCapabilities(),
    apply: (ops, options) => after(host.apply(ops, options)),
    listSheets: () => host.listSheets(),
    getActiveSheet: () => host.getActiveSheet(),
    readUsedRange: (sheet) => host.readUsedRange(sheet),
    select: (sheet, range) => after(host.select(sheet, range)),
    onChange: (listener) => host.onChange(listener),
    readState: () => host.readState(),
    writeState: (state) => after(host.writeState(state)),
  };
}

function start(): void {
  // ?off=tables,dataBars switches host capabilities off, to show the degraded paths.
  const off = (new URLSearchParams(location.search).get('off') ?? '').split(',').filter(Boolean);
  const capabilities = Object.fromEntries(off.map((feature) => [feature, false]));
  const host = createMemoryHost({ sheets: [{ name: 'Sheet1' }, makePastedSheet()], activeSheet: 'Sheet1', capabilities });
  const viewRoot = createRoot(document.getElementById('workbook') as HTMLElement);
  const redraw = () => viewRoot.render(<WorkbookView snapshot={host.snapshot()} />);
  host.onChange(redraw);
  redraw();
  let resolveFirstRender: (ms: number) => void = () => undefined;
  const firstRenderMs = new Promise<number>((resolve) => (resolveFirstRender = resolve));
  window.__fenjie = {
    host,
    firstRenderMs,
    pastedSheet: PASTED_SHEET,
    snapshot: () => host.snapshot(),
    sheetText: (sheet) => host.snapshot().sheets.find((s) => s.name === sheet)?.text ?? null,
    edit: (sheet, address, value) => host.simulateUserEdit(sheet, address, value),
    activate: async (sheet) => {
      await host.apply([{ op: 'activate', sheet }]);
      redraw();
    },
  };
  mountTaskpane(document.getElementById('pane') as HTMLElement, observeHost(host, redraw), { onFirstRender: resolveFirstRender });
}

start();
