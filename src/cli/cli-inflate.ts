/**
 * The CLI's inflater for the core's zip reader: Node's native zlib, one call per entry, with
 * `maxOutputLength` as the zip-bomb cap (zlib stops at the cap instead of filling memory). The
 * browser keeps fflate. Kept apart from cli-xlsx.ts so that reading never loads the writer.
 */
import * as zlib from 'node:zlib';
import type { RawInflater } from '../core/index';

/** zlib's own output chunk (16 KB): what an entry that declares no size gets. */
const DEFAULT_CHUNK = 16 * 1024;

/**
 * The output buffer for an entry declaring `sizeHint` bytes: one byte more, so that a truthful
 * entry inflates into one buffer in one call (with zlib's 16 KB chunks a 10 MB part took 640 calls
 * and a 10 MB copy to join them). The hint is bounded by the cap, and a lying one only costs time.
 */
export function outputChunkSize(sizeHint: number | undefined, maxOutputLength: number): number {
  if (!sizeHint || !Number.isFinite(sizeHint) || sizeHint <= DEFAULT_CHUNK) return DEFAULT_CHUNK;
  return Math.min(sizeHint, maxOutputLength) + 1;
}

export const nativeInflater: RawInflater = (data, maxOutputLength, sizeHint) => {
  if (maxOutputLength <= 0) return data.length === 0 ? new Uint8Array(0) : 'too-large';
  const chunkSize = outputChunkSize(sizeHint, maxOutputLength);
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength, chunkSize });
    // A hint that said far more than came out: keep only what came out, not the whole buffer.
    if (out.byteLength < chunkSize / 2 && chunkSize > DEFAULT_CHUNK) return new Uint8Array(out);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw error;
  }
};
