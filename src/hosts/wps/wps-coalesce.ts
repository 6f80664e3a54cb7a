/**
 * Plans paint one style per cell (inherited cells in grey italic with a note, …), which would be one
 * call into WPS per cell and format property. In a run of setFormat/setNote ops on one sheet, the
 * setFormats with the same format are applied together through union ranges (`Range('C5:C9,E12')`,
 * as VBA allows, ≤ 255 characters; vertical neighbours joined first), then the notes. Formats and
 * notes do not interact, and differing formats are only regrouped when they touch different cells.
 * Where a WPS build refuses a union, each area goes alone.
 */
import { formatRange, parseRange, rangesIntersect, type RangeRect } from '../../core/index';
import type { FormatSpec, WriteOp } from '../../core/index';
import type { EtWorksheetLike } from './wps-api';
import { applyFormat, type FormatContext } from './wps-format';

/** VBA's limit on a Range address string. */
const MAX_UNION_CHARS = 255;
const MAX_PAIR_CHECKS = 1_000_000;

export interface Union {
  sheet: string;
  format: FormatSpec;
  chunks: { address: string; areas: string[] }[];
}

export interface Step {
  /** Ops [start, end) of the batch this step applies. */
  start: number;
  end: number;
  /** Same-format setFormat ops joined into union ranges, applied first. */
  unions: Union[];
  /** Ops applied one by one after the unions, in order. */
  singles: number[];
}

type FormatOp = Extract<WriteOp, { op: 'setFormat' }>;

/** Joins vertically adjacent areas of one column span (C5, C6, C7 → C5:C7). */
function joinAreas(rects: RangeRect[]): RangeRect[] {
  const sorted = [...rects].sort((a, b) => a.col - b.col || a.cols - b.cols || a.row - b.row);
  const out: RangeRect[] = [];
  for (const rect of sorted) {
    const last = out[out.length - 1];
    if (last && last.col === rect.col && last.cols === rect.cols && last.row + last.rows === rect.row) last.rows += rect.rows;
    else out.push({ ...rect });
  }
  return out;
}

function chunkAddresses(areas: string[]): { address: string; areas: string[] }[] {
  const chunks: { address: string; areas: string[] }[] = [];
  let current: string[] = [];
  for (const area of areas) {
    if (current.length && [...current, area].join(',').length > MAX_UNION_CHARS) {
      chunks.push({ address: current.join(','), areas: current });
      current = [];
    }
    current.push(area);
  }
  if (current.length) chunks.push({ address: current.join(','), areas: current });
  return chunks;
}

function inRun(first: WriteOp, op: WriteOp): boolean {
  return (op.op === 'setFormat' || op.op === 'setNote') && op.sheet === first.sheet;
}

/** Format groups of a run, or undefined when differing formats touch the same cells (order matters then). */
function groupFormats(ops: WriteOp[], indices: number[]): Union[] | undefined {
  const groups = new Map<string, { format: FormatSpec; rects: RangeRect[] }>();
  for (const i of indices) {
    const op = ops[i] as FormatOp;
    const key = JSON.stringify(op.format);
    const group = groups.get(key) ?? { format: op.format, rects: [] };
    group.rects.push(parseRange(op.range));
    groups.set(key, group);
  }
  const all = [...groups.values()];
  // Checking every pair of areas of differing formats; past this it is cheaper not to regroup.
  const pairs = all.reduce((sum, g, a) => sum + all.slice(a + 1).reduce((n, h) => n + g.rects.length * h.rects.length, 0), 0);
  if (pairs > MAX_PAIR_CHECKS) return undefined;
  for (let a = 0; a < all.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      if (all[a].rects.some((ra) => all[b].rects.some((rb) => rangesIntersect(ra, rb)))) return undefined;
    }
  }
  const sheet = ops[indices[0]].sheet;
  return all.map((g) => ({ sheet, format: g.format, chunks: chunkAddresses(joinAreas(g.rects).map(formatRange)) }));
}

/** Groups the batch into steps; only setFormat/setNote runs with two or more setFormats are regrouped. */
export function planSteps(ops: WriteOp[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < ops.length; ) {
    let end = i + 1;
    if (inRun(ops[i], ops[i])) while (end < ops.length && inRun(ops[i], ops[end])) end++;
    const indices = Array.from({ length: end - i }, (_, k) => i + k);
    const formats = indices.filter((k) => ops[k].op === 'setFormat');
    const unions = formats.length > 1 ? groupFormats(ops, formats) : undefined;
    if (unions) steps.push({ start: i, end, unions, singles: indices.filter((k) => ops[k].op !== 'setFormat') });
    else for (const k of indices) steps.push({ start: k, end: k + 1, unions: [], singles: [k] });
    i = end;
  }
  return steps;
}

/** Applies a union step: one call set per chunk, or per area where unions are refused. */
export function applyUnion(ctx: FormatContext, ws: EtWorksheetLike, union: Union): void {
  for (const chunk of union.chunks) {
    let range;
    try {
      range = chunk.areas.length > 1 ? ws.Range(chunk.address) : undefined;
    } catch {
      range = undefined;
    }
    if (range) applyFormat(ctx, range, union.format);
    else for (const area of chunk.areas) applyFormat(ctx, ws.Range(area), union.format);
  }
}
