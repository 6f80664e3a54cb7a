/** Small DOM helpers of the standalone page: elements, file drops, downloads (no framework). */

export type Child = Node | string | null | undefined | false;

/** An element with attributes (`on*` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value as EventListener);
    else if (name === 'className') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

async function readFile(file: File): Promise<PickedFile> {
  // File.arrayBuffer is in Chromium 76+ and Firefox 69+; FileReader would cover older ones.
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A drop zone with a file input inside its label: click to choose, or drop files on it. */
export function dropZone(options: { testId: string; label: string; accept: string; multiple?: boolean; onFiles: (files: PickedFile[]) => void }): HTMLElement {
  const take = (list: FileList | null): void => {
    const files = list ? Array.from(list) : [];
    if (files.length) void Promise.all(files.map(readFile)).then(options.onFiles);
  };
  const input = h('input', { type: 'file', accept: options.accept, multiple: options.multiple, 'data-testid': options.testId, className: 'file-input' });
  input.addEventListener('change', () => {
    take(input.files);
    input.value = '';
  });
  const zone = h('label', { className: 'drop' }, input, h('span', {}, options.label));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    take(event.dataTransfer?.files ?? null);
  });
  return zone;
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

/** Saves bytes as a file (a blob: link clicked; nothing leaves the machine). */
export function download(bytes: Uint8Array, fileName: string): void {
  const ext = fileName.split('.').pop() ?? '';
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: TYPES[ext] ?? 'application/octet-stream' }));
  const link = h('a', { href: url, download: fileName, style: 'display:none' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Lets the browser paint (the progress bar) before the next piece of synchronous work. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
