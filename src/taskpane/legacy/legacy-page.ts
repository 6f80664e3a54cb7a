/** The old-Office page: one file input, a values-only write through ExcelApi 1.1, and one line on what needs newer Office. */
import { toFenjieError } from '../../core/index';
import { importForValues, type LegacyImport } from './legacy-import';
import type { ValueBlock } from './legacy-values';

const TEXT = {
  title: '分解落实表助手（兼容模式）',
  needsNew: '当前 Office 使用旧版浏览器内核：这里只能把记录按数值写入新工作表。实时校验、下拉列表、颜色标注需要 Office 2021 或 Microsoft 365。',
  needsNewEn: 'This Office runs add-ins in an old browser engine: records are written as plain values only. Live checks, dropdowns and colours need Office 2021 or Microsoft 365.',
  choose: '选择通知文件（.docx / .doc / .txt / .xlsx）：',
  write: '写入工作表（仅数值）',
  full: '完整工作簿（含下拉、颜色、校验）：用浏览器打开离线版页面 fenjie.html 下载',
  noExcel: '未连接到 Excel：可用下面的离线版页面生成完整工作簿。',
  written: '已写入：',
  reading: '正在读取…',
  error: '出错了',
};

interface LegacyOffice {
  onReady?: (cb: (info: { host?: unknown }) => void) => void;
  context?: { ui?: { openBrowserWindow?: (url: string) => void } };
}

interface LegacyExcel {
  run(batch: (context: ExcelContext) => Promise<unknown>): Promise<unknown>;
}

interface ExcelContext {
  workbook: { worksheets: { items: { name: string }[]; load(what: string): void; add(name: string): { getRange(address: string): { values: unknown } } } };
  sync(): Promise<void>;
}

function globals(): { Excel?: LegacyExcel; Office?: LegacyOffice } {
  return window as unknown as { Excel?: LegacyExcel; Office?: LegacyOffice };
}

function readFile(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Writes each block into a new sheet (API 1.1: worksheets.add, range.values), after reading the names there are. */
async function writeBlocks(excel: LegacyExcel, bytes: Uint8Array, name: string): Promise<LegacyImport> {
  let outcome: LegacyImport | null = null;
  await excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    outcome = await importForValues(bytes, name, sheets.items.map((s) => s.name));
    for (const block of outcome.blocks as ValueBlock[]) sheets.add(block.sheet).getRange(block.address).values = block.values;
    await context.sync();
  });
  return outcome as unknown as LegacyImport;
}

function el(doc: Document, tag: string, attrs: Record<string, string>, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  for (const key in attrs) node.setAttribute(key, attrs[key]);
  if (text) node.appendChild(doc.createTextNode(text));
  return node;
}

function summaryLine(outcome: LegacyImport): string {
  const rows = outcome.blocks.map((b) => `${b.sheet} ${b.values.length} 行`).join('，');
  return `${TEXT.written}${rows}（${outcome.summary.source}：修正 ${outcome.summary.fixes} 处，提示 ${outcome.summary.warnings.length} 条）`;
}

/** Draws the page into #container (replacing the boot message) and wires the one button. */
export function showLegacyPage(doc: Document): void {
  if (doc.readyState === 'loading') return void doc.addEventListener('DOMContentLoaded', () => showLegacyPage(doc));
  // Office.js runs Excel.run only once the add-in has said it is ready.
  const office = globals().Office as (LegacyOffice & { initialize?: () => void }) | undefined;
  if (office?.onReady) office.onReady(() => undefined);
  else if (office) office.initialize = () => undefined;
  const root = doc.getElementById('container') ?? doc.body;
  root.innerHTML = '';
  const page = el(doc, 'div', { 'data-testid': 'legacy-page', style: 'padding:12px;font-size:14px;line-height:1.6' });
  page.appendChild(el(doc, 'h1', { style: 'font-size:18px;margin:0 0 8px' }, TEXT.title));
  page.appendChild(el(doc, 'p', { 'data-testid': 'legacy-needs-new' }, TEXT.needsNew));
  page.appendChild(el(doc, 'p', { style: 'color:#666' }, TEXT.needsNewEn));
  page.appendChild(el(doc, 'p', {}, TEXT.choose));
  const input = el(doc, 'input', { type: 'file', accept: '.docx,.doc,.txt,.xlsx', 'data-testid': 'legacy-file' }) as HTMLInputElement;
  page.appendChild(input);
  const button = el(doc, 'button', { type: 'button', 'data-testid': 'legacy-write', style: 'display:block;margin:8px 0' }, TEXT.write);
  page.appendChild(button);
  const status = el(doc, 'p', { 'data-testid': 'legacy-status', role: 'status' });
  page.appendChild(status);
  const link = el(doc, 'a', { href: 'fenjie.html', target: '_blank', 'data-testid': 'legacy-full' }, TEXT.full);
  link.onclick = (event) => {
    const open = globals().Office?.context?.ui?.openBrowserWindow;
    if (!open) return;
    event.preventDefault();
    open(location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'fenjie.html');
  };
  page.appendChild(link);
  root.appendChild(page);
  button.onclick = () => {
    const file = input.files && input.files[0];
    const excel = globals().Excel;
    if (!file) return;
    if (!excel) return void (status.textContent = TEXT.noExcel);
    status.textContent = TEXT.reading;
    readFile(file)
      .then((bytes) => writeBlocks(excel, bytes, file.name))
      .then((outcome) => (status.textContent = summaryLine(outcome)))
      .catch((error: unknown) => {
        const coded = toFenjieError(error);
        status.textContent = `${TEXT.error} [${coded.code}]：${coded.messageZh}`;
      });
  };
}
