/**
 * A zip package written part by part, each part compressed once while its text is produced: no
 * second pass, no re-zip. The compressor is pluggable: fflate (pure JS, Node and browser) by
 * default, native zlib in Node (see src/cli/cli-xlsx.ts). Local headers carry the real sizes and
 * CRC (each part's compressed bytes are held until the part ends), so no data descriptors.
 */
import { Deflate } from 'fflate';

export interface DeflateStream {
  /** Raw deflate of `data`; `final` ends the stream. Returns the compressed bytes produced so far. */
  push(data: Uint8Array, final: boolean): Uint8Array[];
}

export interface Compressor {
  deflate(): DeflateStream;
  crc32(data: Uint8Array, previous: number): number;
}

let crcTable: Int32Array | null = null;

function table(): Int32Array {
  if (crcTable) return crcTable;
  crcTable = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c;
  }
  return crcTable;
}

/** CRC-32 (zip's), continued from `previous`. */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = table();
  let c = ~previous;
  for (let i = 0; i < data.length; i += 1) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** fflate's streaming deflate: the same in Node and in the browser. */
export function fflateCompressor(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 3): Compressor {
  return {
    crc32,
    deflate(): DeflateStream {
      let out: Uint8Array[] = [];
      const d = new Deflate({ level }, (chunk) => out.push(chunk));
      return {
        push(data, final) {
          d.push(data, final);
          const done = out;
          out = [];
          return done;
        },
      };
    },
  };
}

const encoder = new TextEncoder();
/** Text is encoded and compressed in pieces of about this many characters. */
const PIECE = 1 << 18;

interface Entry {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function header(size: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

/** 1980-01-01 00:00: a fixed time, so the same plan gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function localHeader(e: Entry): Uint8Array {
  const { bytes, view } = header(30 + e.name.length);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 0x0800, true);
  view.setUint16(8, 8, true);
  view.setUint16(10, 0, true);
  view.setUint16(12, DOS_DATE, true);
  view.setUint32(14, e.crc, true);
  view.setUint32(18, e.compressed, true);
  view.setUint32(22, e.size, true);
  view.setUint16(26, e.name.length, true);
  bytes.set(e.name, 30);
  return bytes;
}

function centralHeader(e: Entry): Uint8Array {
  const { bytes, view } = header(46 + e.name.length);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, 0x0800, true);
  view.setUint16(10, 8, true);
  view.setUint16(14, DOS_DATE, true);
  view.setUint32(16, e.crc, true);
  view.setUint32(20, e.compressed, true);
  view.setUint32(24, e.size, true);
  view.setUint16(28, e.name.length, true);
  view.setUint32(42, e.offset, true);
  bytes.set(e.name, 46);
  return bytes;
}

function endRecord(count: number, size: number, offset: number): Uint8Array {
  const { bytes, view } = header(22);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  return bytes;
}

/** One part being written: text or UTF-8 bytes go in, compressed pieces collect until end(). */
export interface PartWriter {
  write(text: string): void;
  /** Bytes already encoded; the part compresses them before returning (the caller may reuse them). */
  writeBytes(bytes: Uint8Array): void;
  end(): void;
}

export class ZipPackage {
  private readonly chunks: Uint8Array[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(private readonly compressor: Compressor) {}

  private emit(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.offset += bytes.length;
  }

  /** Starts a part; its text is written with write() and the part closed with end(). */
  open(name: string): PartWriter {
    const stream = this.compressor.deflate();
    const out: Uint8Array[] = [];
    let pending: string[] = [];
    let pendingLength = 0;
    let crc = 0;
    let size = 0;
    const take = (bytes: Uint8Array, final: boolean): void => {
      // Node's zlib.crc32 gives 0 for TextEncoder's empty array (no backing store): skip empty data.
      if (bytes.length > 0) crc = this.compressor.crc32(bytes, crc);
      size += bytes.length;
      for (const c of stream.push(bytes, final)) out.push(c);
    };
    const flush = (final: boolean): void => {
      const bytes = encoder.encode(pending.join(''));
      pending = [];
      pendingLength = 0;
      take(bytes, final);
    };
    return {
      writeBytes: (bytes) => {
        if (pendingLength > 0) flush(false);
        if (bytes.length > 0) take(bytes, false);
      },
      write: (text) => {
        pending.push(text);
        pendingLength += text.length;
        if (pendingLength >= PIECE) flush(false);
      },
      end: () => {
        flush(true);
        const compressed = out.reduce((n, c) => n + c.length, 0);
        const entry: Entry = { name: encoder.encode(name), crc, compressed, size, offset: this.offset };
        this.entries.push(entry);
        this.emit(localHeader(entry));
        for (const c of out) this.emit(c);
      },
    };
  }

  /** A whole part at once. */
  add(name: string, text: string): void {
    const part = this.open(name);
    part.write(text);
    part.end();
  }

  /** The central directory, then the whole package as one array. */
  finish(): Uint8Array {
    const start = this.offset;
    for (const e of this.entries) this.emit(centralHeader(e));
    this.emit(endRecord(this.entries.length, this.offset - start, start));
    const bytes = new Uint8Array(this.offset);
    let at = 0;
    for (const c of this.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return bytes;
  }
}
