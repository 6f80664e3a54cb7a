/**
 * The file each unit's workbook goes to. Names are safe on every file system (Windows reserved
 * names and characters, trailing dots, a length that leaves room for the folder in a 260-character
 * path) and unique per unit as Windows and macOS compare names: case- and width-insensitively
 * (全角 and 半角 alike). When two units' names meet, the later unit's file gets a number; the clash
 * is reported, never settled by one file replacing the other.
 */
import type { Finding } from '../model/records.model';

/** Longest file name stem (UTF-16 units) — a folder path of ~150 characters still fits in 260. */
export const MAX_STEM_CHARS = 60;
/** Longest stem in UTF-8 bytes (Linux and macOS limit a name to 255 bytes; backups add `.bak-NN`). */
export const MAX_STEM_BYTES = 180;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Characters no file system accepts, and control characters, as `_`; no leading or trailing dots and spaces. */
export function sanitiseFileStem(text: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^[.\s]+/, '_').replace(/[.\s]+$/, '');
  if (!safe) safe = '_';
  if (RESERVED.test(safe.split('.')[0])) safe = `_${safe}`;
  return truncateStem(safe);
}

/** Cuts a stem to MAX_STEM_CHARS and MAX_STEM_BYTES at a code point boundary. */
export function truncateStem(stem: string, maxChars = MAX_STEM_CHARS, maxBytes = MAX_STEM_BYTES): string {
  let out = '';
  let bytes = 0;
  for (const ch of stem) {
    const size = new TextEncoder().encode(ch).length;
    if (out.length + ch.length > maxChars || bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out.replace(/[.\s]+$/, '') || '_';
}

/** How file systems that ignore case and width see a name: NFKC (全角 → 半角), then lower case. */
export function fileNameKey(name: string): string {
  return sanitiseFileStem(name.normalize('NFKC')).toLowerCase();
}

export interface UnitFileName {
  unit: string;
  fileName: string;
  /** True when the name got a number because another unit's name met it. */
  renamed: boolean;
}

function stemFor(unit: string, year: number | null): string {
  return `${year ?? ''}${year ? '-' : ''}${sanitiseFileStem(unit)}`;
}

/**
 * One file name per unit, in the order given, none equal to another under `fileNameKey`.
 * `findings` lists every unit whose name had to change (`split-name-clash`).
 */
export function planUnitFileNames(units: readonly string[], year: number | null, ext = '.xlsx'): { names: UnitFileName[]; findings: Finding[] } {
  const taken = new Map<string, string>();
  const names: UnitFileName[] = [];
  const findings: Finding[] = [];
  for (const unit of units) {
    const stem = stemFor(unit, year);
    let candidate = stem;
    for (let n = 2; taken.has(fileNameKey(candidate)); n++) {
      const tail = `-${n}`;
      candidate = `${truncateStem(stem, MAX_STEM_CHARS - tail.length, MAX_STEM_BYTES - tail.length)}${tail}`;
    }
    const renamed = candidate !== stem;
    if (renamed) {
      const other = taken.get(fileNameKey(stem)) ?? '';
      findings.push({
        code: 'split-name-clash',
        severity: 'warning',
        message: `单位“${unit}”与“${other}”的文件名相同（${stem}${ext}），已改为 ${candidate}${ext}，见分发清单`,
        messageEn: `Units "${unit}" and "${other}" would share the file name ${stem}${ext}; "${unit}" gets ${candidate}${ext} (see the list of files)`,
        value: unit,
      });
    }
    taken.set(fileNameKey(candidate), unit);
    names.push({ unit, fileName: `${candidate}${ext}`, renamed });
  }
  return { names, findings };
}
