/**
 * The parts of the Word 97-2003 binary format ([MS-DOC]) the .doc reader needs: the FIB, the
 * piece table (CLX) that maps character positions to text, and the paragraph properties (PAPX
 * in FKPs) that say which paragraphs sit in a table, end a row, and how the row's cells lie.
 * Every read is bounds-checked; bad offsets throw 'doc-invalid'.
 */
import { createReadError } from './read-errors';

export interface Fib {
  encrypted: boolean;
  tableStream: '0Table' | '1Table';
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPlcfBtePapx: number;
  lcbPlcfBtePapx: number;
}

export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset in the WordDocument stream. */
  fc: number;
  /** 8-bit (cp1252) text instead of UTF-16LE. */
  compressed: boolean;
}

/** Paragraph properties of one FKP run: bytes [fcStart, fcEnd) of the WordDocument stream. */
export interface PapxRun {
  fcStart: number;
  fcEnd: number;
  grpprl: Uint8Array;
}

export function invalid(reason: string): never {
  throw createReadError('doc-invalid', { reason });
}

export function u16(b: Uint8Array, o: number): number {
  if (o < 0 || o + 2 > b.length) invalid(`read past end at ${o}`);
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  if (o < 0 || o + 4 > b.length) invalid(`read past end at ${o}`);
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

export function readFib(w: Uint8Array): Fib {
  if (u16(w, 0) !== 0xa5ec) invalid('not a Word FIB');
  if (u16(w, 2) < 193) throw createReadError('doc-unsupported', { reason: 'Word 6/95 or older', nFib: u16(w, 2) });
  const flags = u16(w, 10);
  const csw = u16(w, 32);
  const cslwAt = 34 + csw * 2;
  const cslw = u16(w, cslwAt);
  const lw = cslwAt + 2;
  const blob = lw + cslw * 4 + 2;
  const pair = (i: number): [number, number] => [u32(w, blob + i * 8), u32(w, blob + i * 8 + 4)];
  const [fcClx, lcbClx] = pair(33);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(13);
  return {
    encrypted: (flags & 0x0100) !== 0,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: u32(w, lw + 12),
    fcClx,
    lcbClx,
    fcPlcfBtePapx,
    lcbPlcfBtePapx,
  };
}

/** The piece table from the CLX in the table stream. */
export function readPieces(table: Uint8Array, fib: Fib): Piece[] {
  let p = fib.fcClx;
  const end = fib.fcClx + fib.lcbClx;
  if (end > table.length) invalid('CLX beyond the table stream');
  while (p < end && table[p] === 0x01) p += 3 + u16(table, p + 1); // Prc: skip property modifiers
  if (table[p] !== 0x02) invalid('no piece table');
  const lcb = u32(table, p + 1);
  const plc = p + 5;
  if (plc + lcb > table.length || lcb < 4) invalid('piece table beyond the table stream');
  const n = Math.floor((lcb - 4) / 12);
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = u32(table, plc + i * 4);
    const cpEnd = u32(table, plc + (i + 1) * 4);
    const fcRaw = u32(table, plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fc = compressed ? (fcRaw & 0x3fffffff) / 2 : fcRaw;
    if (cpEnd < cpStart) invalid('piece table out of order');
    pieces.push({ cpStart, cpEnd, fc, compressed });
  }
  return pieces;
}

const cp1252 = new TextDecoder('windows-1252');
const utf16 = new TextDecoder('utf-16le');

/** The text of characters [0, ccp) with, for each character, its byte offset in WordDocument. */
export function readText(w: Uint8Array, pieces: Piece[], ccp: number): { text: string; fcs: Uint32Array } {
  const parts: string[] = [];
  const total = Math.min(ccp, pieces.reduce((n, pc) => n + pc.cpEnd - pc.cpStart, 0));
  if (total > w.length) invalid('more characters than the WordDocument stream holds');
  const fcs = new Uint32Array(total);
  let cp = 0;
  for (const pc of pieces) {
    if (cp >= total) break;
    const count = Math.min(pc.cpEnd - pc.cpStart, total - cp);
    const width = pc.compressed ? 1 : 2;
    if (pc.fc + count * width > w.length) invalid('piece beyond the WordDocument stream');
    const bytes = w.subarray(pc.fc, pc.fc + count * width);
    parts.push((pc.compressed ? cp1252 : utf16).decode(bytes));
    for (let i = 0; i < count; i++) fcs[cp + i] = pc.fc + i * width;
    cp += count;
  }
  return { text: parts.join(''), fcs };
}

/** Paragraph property runs from every FKP named by the PlcBtePapx, sorted by fc. */
export function readPapxRuns(w: Uint8Array, table: Uint8Array, fib: Fib, data: Uint8Array | null): PapxRun[] {
  const at = fib.fcPlcfBtePapx;
  if (at + fib.lcbPlcfBtePapx > table.length) invalid('PlcBtePapx beyond the table stream');
  const n = Math.floor((fib.lcbPlcfBtePapx - 4) / 8);
  const runs: PapxRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = u32(table, at + (n + 1) * 4 + i * 4) & 0x3fffff;
    const fkp = pn * 512;
    if (fkp + 512 > w.length) invalid('FKP beyond the WordDocument stream');
    const crun = w[fkp + 511];
    for (let r = 0; r < crun; r++) {
      const bOffset = w[fkp + 4 * (crun + 1) + r * 13] * 2;
      let grpprl: Uint8Array = new Uint8Array(0);
      if (bOffset > 0) {
        const cb = w[fkp + bOffset];
        const start = cb === 0 ? fkp + bOffset + 2 : fkp + bOffset + 1;
        const len = cb === 0 ? w[fkp + bOffset + 1] * 2 : cb * 2 - 1;
        if (start + len > fkp + 512) invalid('PAPX beyond its FKP');
        grpprl = resolveHugePapx(w.subarray(start + 2, start + len), data); // after istd
      }
      runs.push({ fcStart: u32(w, fkp + r * 4), fcEnd: u32(w, fkp + (r + 1) * 4), grpprl });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/**
 * sprmPHugePapx: properties too large for an FKP (a wide table's row layout) live in the Data
 * stream as cbGrpprl + grpprl; the FKP only holds their offset.
 */
function resolveHugePapx(grpprl: Uint8Array, data: Uint8Array | null): Uint8Array {
  if (grpprl.length < 6 || grpprl[0] !== 0x46 || grpprl[1] !== 0x66) return grpprl;
  const at = u32(grpprl, 2);
  if (!data || at + 2 > data.length) return grpprl;
  const cb = u16(data, at);
  if (at + 2 + cb > data.length) invalid('huge PAPX beyond the Data stream');
  return data.subarray(at + 2, at + 2 + cb);
}

/** The run holding byte offset fc (binary search), or undefined. */
export function findRun(runs: PapxRun[], fc: number): PapxRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].fcEnd <= fc) lo = mid + 1;
    else if (runs[mid].fcStart > fc) hi = mid - 1;
    else return runs[mid];
  }
  return undefined;
}

/** Calls `visit(sprm, operandOffset, operandLength)` for each property in a grpprl. */
export function forEachSprm(g: Uint8Array, visit: (sprm: number, at: number, len: number) => void): void {
  let p = 0;
  while (p + 2 <= g.length) {
    const sprm = g[p] | (g[p + 1] << 8);
    const spra = sprm >> 13;
    let at = p + 2;
    let len: number;
    if (spra === 6) {
      if (sprm === 0xd608 || sprm === 0xd606) {
        len = (g[at] | (g[at + 1] << 8)) - 1; // sprmTDefTable: 2-byte size that counts itself minus 1
        at += 2;
      } else {
        len = g[at];
        at += 1;
      }
    } else len = [1, 1, 2, 4, 2, 2, 0, 3][spra];
    if (at + len > g.length) return;
    visit(sprm, at, len);
    p = at + len;
  }
}
