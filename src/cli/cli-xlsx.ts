/**
 * The CLI's .xlsx writer: the plan-driven writer with native zlib. Each text piece of a part is
 * deflated on its own and sync-flushed, so the pieces join into one raw deflate stream (the last
 * one ends it): native speed without holding a whole part.
 */
import * as zlib from 'node:zlib';
import type { WorkbookPlan } from '../core/index';
import { writeXlsxSync } from '../writers/xlsx/xlsx.writer';
import { crc32 as jsCrc32, type Compressor } from '../writers/xlsx/zip-package.writer';

const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export function nativeCompressor(level = 1): Compressor {
  return {
    crc32: nativeCrc ? (data, previous) => nativeCrc(data, previous) : jsCrc32,
    deflate: () => ({
      push(data, final) {
        const out = zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
        return [new Uint8Array(out.buffer, out.byteOffset, out.byteLength)];
      },
    }),
  };
}

export function writeWorkbookBytes(plan: WorkbookPlan): Uint8Array {
  return writeXlsxSync(plan, { compressor: nativeCompressor() });
}
