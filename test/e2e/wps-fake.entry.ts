/**
 * Bundled by the WPS e2e test (esbuild) and injected into the page before it loads, standing in
 * for the ET Application WPS provides: `window.Application`, `window.wps`, and `window.__fenjieWps`
 * for the test to look inside the workbook and type into cells like a user.
 */
import { createFakeEtApplication, type FakeEtOptions } from '../fakes/et-application.fake';
import { displayText } from '../fakes/et-range.fake';

export interface WpsFakeApi {
  sheetNames(): string[];
  /** Display text of a sheet from A1 to the end of its used range, or null when it does not exist. */
  sheetText(sheet: string): string[][] | null;
  visibility(sheet: string): number | null;
  edit(sheet: string, address: string, value: string): void;
  taskpanes(): { url: string; Visible: boolean }[];
  autoFilter(sheet: string): boolean;
  listObjects(sheet: string): string[];
}

declare global {
  interface Window {
    __fenjieWps: WpsFakeApi;
    __fenjieWpsOptions?: FakeEtOptions & { paneUrl?: string };
  }
}

function install(): void {
  const options = window.__fenjieWpsOptions ?? {};
  const fake = createFakeEtApplication({ eventDelivery: 'deferred', ...options });
  const w = window as unknown as Record<string, unknown>;
  w.Application = fake.Application;
  w.wps = fake.Application;
  // WPS opened this page as a task pane and the ribbon stored its ID: mimic that.
  if (options.paneUrl) {
    const pane = fake.Application.CreateTaskPane?.(options.paneUrl, '分解落实表');
    if (pane) fake.Application.PluginStorage?.setItem('fenjie_taskpane_id', String(pane.ID));
  }
  const find = (name: string) => (fake.sheetNames().includes(name) ? fake.sheet(name) : null);
  window.__fenjieWps = {
    sheetNames: () => fake.sheetNames(),
    sheetText(name) {
      const sheet = find(name);
      if (!sheet) return null;
      const used = sheet.usedRect();
      const rows: string[][] = [];
      for (let r = 1; r < used.row + used.rows; r++) {
        const row: string[] = [];
        for (let c = 1; c < used.col + used.cols; c++) row.push(displayText(sheet.cell(r, c)));
        rows.push(row);
      }
      return rows;
    },
    visibility: (name) => find(name)?.visible ?? null,
    edit: (sheet, address, value) => fake.userEdit(sheet, address, value),
    taskpanes: () => fake.taskpanes.map((p) => ({ url: p.url, Visible: p.Visible })),
    autoFilter: (name) => find(name)?.autoFilter !== undefined,
    listObjects: (name) => find(name)?.listObjects.map((t) => t.name) ?? [],
  };
}

install();
