/**
 * The CLI's inflater for the core's zip reader: Node's native zlib, one call per entry, with
 * `maxOutputLength` as the zip-bomb cap (zlib stops at the cap instead of filling memory). The
 * browser keeps fflate. Kept apart from cli-xlsx.ts so that reading never loads the writer.
 */
import * as zlib from 'node:zlib';
import type { RawInflater } from '../core/index';

export const nativeInflater: RawInflater = (data, maxOutputLength) => {
  if (maxOutputLength <= 0) return data.length === 0 ? new Uint8Array(0) : 'too-large';
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw error;
  }
};
