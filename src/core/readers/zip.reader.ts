/**
 * A small, defensive zip reader for .docx/.xlsx packages (pure: bytes in, bytes out).
 * It reads the central directory, inflates only the entries asked for, and counts the bytes
 * actually inflated (the declared sizes can lie), so a zip bomb stops early with 'zip-bomb'.
 */
import { Inflate } from 'fflate';
import { createReadError } from './read-errors';

export interface ZipEntry {
  /** Part name with '/' separators and no leading '/'. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared uncompressed size (not trusted for limits). */
  size: number;
  localHeaderOffset: number;
}

/**
 * Two different refusals (issue 17: a 250 MB legitimate document was called a zip bomb):
 * - `zip-bomb`, suspicious: an entry past `ratioFloorBytes` inflating to more than `maxRatio` times
 *   its compressed size (real XML packs 5–100×; a bomb thousands of times), or too many entries;
 * - `zip-too-large`, honest but too big: more than `maxInflatedBytes` over the archive, whatever the
 *   ratio. That cap stays within what one read can hold (the part is decoded in slices, the grids
 *   bounded by the read budgets), so large legitimate documents read.
 */
export interface ZipLimits {
  /** Most bytes inflated over the whole archive (`zip-too-large` beyond). */
  maxInflatedBytes: number;
  /** Largest inflated/compressed ratio allowed for an entry once it passed `ratioFloorBytes` (`zip-bomb` beyond). */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxInflatedBytes: 512 * 1024 * 1024,
  maxRatio: 300,
  ratioFloorBytes: 8 * 1024 * 1024,
  maxEntries: 10000,
};

/** What inflated output is handed on at a time (bounds the strings decoded from it). */
const SLICE_BYTES = 8 * 1024 * 1024;

/**
 * A one-shot raw-deflate inflater given by the environment (the CLI passes Node's native zlib;
 * without one, fflate inflates in chunks). It returns 'too-large' instead of producing more than
 * `maxOutputLength` bytes: the zip-bomb cap is applied while inflating, not after. `sizeHint` is
 * the size the archive declares (at most `maxOutputLength`): a hint for the output buffer only,
 * never trusted (it can lie either way).
 */
export type RawInflater = (data: Uint8Array, maxOutputLength: number, sizeHint?: number) => Uint8Array | 'too-large';

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  limits: ZipLimits;
  /** Bytes inflated so far from this archive (all entries). */
  inflated: number;
  inflater?: RawInflater;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
/** Compressed bytes handed to the inflater at a time; bounds what one push can produce. */
const PUSH_BYTES = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function findEocd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === SIG_EOCD) return i;
  }
  return -1;
}

interface CentralDirectory {
  offset: number;
  size: number;
  count: number;
}

function readCentralDirectoryLocation(bytes: Uint8Array): CentralDirectory {
  const eocd = findEocd(bytes);
  if (eocd < 0) throw createReadError(isZip(bytes) ? 'file-truncated' : 'zip-invalid', { reason: 'no end of central directory' });
  let cd: CentralDirectory = { count: u16(bytes, eocd + 10), size: u32(bytes, eocd + 12), offset: u32(bytes, eocd + 16) };
  const loc = eocd - 20;
  if (loc >= 0 && u32(bytes, loc) === SIG_EOCD64_LOCATOR) {
    const at = u64(bytes, loc + 8);
    if (at + 56 <= bytes.length && u32(bytes, at) === SIG_EOCD64) {
      cd = { count: u64(bytes, at + 32), size: u64(bytes, at + 40), offset: u64(bytes, at + 48) };
    }
  }
  if (cd.offset + cd.size > bytes.length) throw createReadError('file-truncated', { reason: 'central directory beyond end of file' });
  return cd;
}

function applyZip64Extra(bytes: Uint8Array, start: number, end: number, entry: ZipEntry): void {
  for (let p = start; p + 4 <= end; ) {
    const id = u16(bytes, p);
    const len = u16(bytes, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (entry.size === 0xffffffff && q + 8 <= end) {
        entry.size = u64(bytes, q);
        q += 8;
      }
      if (entry.compressedSize === 0xffffffff && q + 8 <= end) {
        entry.compressedSize = u64(bytes, q);
        q += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff && q + 8 <= end) entry.localHeaderOffset = u64(bytes, q);
      return;
    }
    p += 4 + len;
  }
}

const nameDecoder = new TextDecoder('utf-8');

/** Parses the central directory. Throws 'zip-invalid' / 'file-truncated'. */
export function openZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}, inflater?: RawInflater): ZipArchive {
  const all = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const cd = readCentralDirectoryLocation(bytes);
  if (cd.count > all.maxEntries) throw createReadError('zip-bomb', { reason: 'too many entries', entries: cd.count });
  const entries: ZipEntry[] = [];
  // Part names are case-insensitive (OPC, ECMA-376 Part 2 §9.1.1.1): two entries with one name are
  // refused, since readers differ on which one wins (fenjie took the first, other tools the last).
  const seen = new Set<string>();
  let p = cd.offset;
  for (let i = 0; i < cd.count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw createReadError('zip-invalid', { reason: 'bad central directory record', index: i });
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    if (p + 46 + nameLen + extraLen > bytes.length) throw createReadError('file-truncated', { reason: 'central directory record cut off' });
    const raw = nameDecoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const entry: ZipEntry = {
      name: raw.replace(/\\/g, '/').replace(/^\/+/, ''),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
    };
    applyZip64Extra(bytes, p + 46 + nameLen, p + 46 + nameLen + extraLen, entry);
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw createReadError('zip-invalid', { reason: 'duplicate part name', entry: entry.name });
    seen.add(key);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return inflater ? { bytes, entries, limits: all, inflated: 0, inflater } : { bytes, entries, limits: all, inflated: 0 };
}

/** Finds an entry by part name; OOXML part names compare case-insensitively. */
export function findZipEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const wanted = name.replace(/^\/+/, '').toLowerCase();
  return zip.entries.find((e) => e.name.toLowerCase() === wanted);
}

function locateData(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const { bytes } = zip;
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) throw createReadError('file-truncated', { entry: entry.name });
  if (u32(bytes, at) !== SIG_LOCAL) throw createReadError('zip-invalid', { reason: 'bad local header', entry: entry.name });
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw createReadError('file-truncated', { entry: entry.name });
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry, handing each chunk to `onChunk` as it comes, and counting the bytes
 * actually produced against the archive's limits. Returns the number of bytes produced.
 * `last` is true on a chunk known to end the entry (stored, or inflated natively in one call);
 * the streaming inflater (fflate) never says so.
 */
export function streamZipEntry(zip: ZipArchive, entry: ZipEntry, onChunk: (chunk: Uint8Array, last: boolean) => void): number {
  if (entry.flags & 0x0001) throw createReadError('zip-unsupported', { reason: 'encrypted entry', entry: entry.name });
  if (entry.method !== 0 && entry.method !== 8) throw createReadError('zip-unsupported', { reason: `compression method ${entry.method}`, entry: entry.name });
  const data = locateData(zip, entry);
  let produced = 0;
  const count = (chunk: Uint8Array, last = false): void => {
    produced += chunk.length;
    zip.inflated += chunk.length;
    checkInflated(zip, entry, produced, data.length);
    if (chunk.length > 0) onChunk(chunk, last);
  };
  if (entry.method === 0) {
    for (let p = 0; p < data.length; p += 65536) count(data.subarray(p, Math.min(data.length, p + 65536)), p + 65536 >= data.length);
    return produced;
  }
  if (zip.inflater) {
    const whole = inflateOnce(zip, entry, data);
    for (let p = 0; p === 0 || p < whole.length; p += SLICE_BYTES) count(whole.subarray(p, Math.min(whole.length, p + SLICE_BYTES)), p + SLICE_BYTES >= whole.length);
    return produced;
  }
  // Chunks are handed on outside the try, so errors from `onChunk` (a parser) keep their own code.
  const pending: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => pending.push(chunk));
  for (let p = 0; p === 0 || p < data.length; p += PUSH_BYTES) {
    const end = Math.min(data.length, p + PUSH_BYTES);
    try {
      inflater.push(data.subarray(p, end), end === data.length);
    } catch (error) {
      throw createReadError('zip-invalid', { reason: 'bad deflate data', entry: entry.name }, error);
    }
    for (const chunk of pending.splice(0)) count(chunk);
  }
  return produced;
}

/** The archive's total against `maxInflatedBytes` (zip-too-large), then the entry's ratio (zip-bomb). */
function checkInflated(zip: ZipArchive, entry: ZipEntry, produced: number, compressed: number): void {
  const { limits } = zip;
  if (zip.inflated > limits.maxInflatedBytes) throw createReadError('zip-too-large', { entry: entry.name, inflated: zip.inflated, limit: limits.maxInflatedBytes });
  if (produced > limits.ratioFloorBytes && produced / Math.max(1, compressed) > limits.maxRatio) {
    throw createReadError('zip-bomb', { entry: entry.name, inflated: produced, compressed, ratio: Math.round(produced / Math.max(1, compressed)), limit: limits.maxRatio });
  }
}

/** The most an entry may inflate to: what is left of the archive's budget, and the ratio cap; and which one binds. */
function outputCap(zip: ZipArchive, compressed: number): { cap: number; by: 'zip-too-large' | 'zip-bomb' } {
  const { limits } = zip;
  const left = Math.max(0, limits.maxInflatedBytes - zip.inflated);
  const byRatio = Math.max(limits.ratioFloorBytes, limits.maxRatio * Math.max(1, compressed));
  return left <= byRatio ? { cap: left, by: 'zip-too-large' } : { cap: byRatio, by: 'zip-bomb' };
}

/** One entry through the environment's inflater, capped (it stops at the cap, with the cap's code). */
function inflateOnce(zip: ZipArchive, entry: ZipEntry, data: Uint8Array): Uint8Array {
  const { cap, by } = outputCap(zip, data.length);
  let out: Uint8Array | 'too-large';
  try {
    out = (zip.inflater as RawInflater)(data, cap, Math.min(entry.size, cap));
  } catch (error) {
    throw createReadError('zip-invalid', { reason: 'bad deflate data', entry: entry.name }, error);
  }
  if (out === 'too-large') throw createReadError(by, { entry: entry.name, inflated: zip.inflated + cap, limit: cap, compressed: data.length });
  return out;
}

/** Inflates one entry into one buffer (bounded by the archive's limits). */
export function inflateZipEntry(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  if (zip.inflater && entry.method === 8 && !(entry.flags & 0x0001)) {
    // One buffer from the native inflater: counted, not copied again.
    const whole = inflateOnce(zip, entry, locateData(zip, entry));
    zip.inflated += whole.length;
    checkInflated(zip, entry, whole.length, entry.compressedSize);
    return whole;
  }
  const chunks: Uint8Array[] = [];
  const total = streamZipEntry(zip, entry, (chunk) => chunks.push(zip.inflater ? chunk : chunk.slice()));
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const chunk of chunks) {
    out.set(chunk, o);
    o += chunk.length;
  }
  return out;
}

/**
 * True when an XML text declares a DOCTYPE (refused: entity expansion and external entities).
 * A DOCTYPE can only stand in the prolog, before the first element.
 */
export function hasDoctype(xmlText: string): boolean {
  const firstElement = xmlText.search(/<[A-Za-z_:]/);
  const prolog = firstElement < 0 ? xmlText : xmlText.slice(0, firstElement);
  return /<!DOCTYPE/i.test(prolog);
}

/**
 * Reads the wanted entries (by name list or filter) and returns them by part name.
 * XML parts (.xml, .rels) that declare a DOCTYPE are refused with 'xml-doctype'.
 */
export function readZipEntries(
  bytes: Uint8Array,
  names: readonly string[] | ((name: string) => boolean),
  limits: Partial<ZipLimits> = {},
  inflater?: RawInflater,
): Map<string, Uint8Array> {
  const zip = openZip(bytes, limits, inflater);
  const wanted = typeof names === 'function' ? zip.entries.filter((e) => names(e.name)) : names.map((n) => findZipEntry(zip, n)).filter((e): e is ZipEntry => e !== undefined);
  const out = new Map<string, Uint8Array>();
  for (const entry of wanted) {
    const data = inflateZipEntry(zip, entry);
    if (/\.(xml|rels)$/i.test(entry.name) && hasDoctype(new TextDecoder('utf-8').decode(data))) {
      throw createReadError('xml-doctype', { entry: entry.name });
    }
    out.set(entry.name, data);
  }
  return out;
}
