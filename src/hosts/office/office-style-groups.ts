/**
 * Plans often style thousands of single cells the same way (grey italic for values filled from a
 * merged cell). Excel can format many areas at once (worksheet.getRanges, ExcelApi 1.9), so runs of
 * identical style-only setFormat ops are merged into one multi-area op, keeping the final look the
 * same: a run ends at any other kind of op, and at a cell already styled differently in the run.
 */
import { formatCell, parseRange, type FormatSpec, type WriteOp } from '../../core';

export interface StyleAreasOp {
  op: 'styleAreas';
  sheet: string;
  ranges: string[];
  format: FormatSpec;
}

export type OfficeStep = WriteOp | StyleAreasOp;

/** Cells expanded per range when checking overlaps; bigger ranges are not merged. */
const MAX_CELLS = 64;

function isStyleOnly(op: WriteOp): op is Extract<WriteOp, { op: 'setFormat' }> {
  return op.op === 'setFormat' && op.format.numberFormat === undefined && op.format.columnWidth === undefined;
}

function cellsOf(range: string): string[] | undefined {
  const rect = parseRange(range);
  if (rect.rows * rect.cols > MAX_CELLS) return undefined;
  const cells: string[] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) cells.push(formatCell(r, c));
  return cells;
}

/** The ops with runs of same-style setFormat ops merged (indices of the original ops kept for progress). */
export function groupStyleOps(ops: WriteOp[]): { step: OfficeStep; upTo: number }[] {
  const out: { step: OfficeStep; upTo: number }[] = [];
  let groups = new Map<string, StyleAreasOp>();
  let owner = new Map<string, string>();
  let lastIndex = -1;
  const flush = () => {
    for (const group of groups.values()) out.push({ step: group.ranges.length === 1 ? { op: 'setFormat', sheet: group.sheet, range: group.ranges[0], format: group.format } : group, upTo: lastIndex });
    groups = new Map();
    owner = new Map();
  };
  ops.forEach((op, i) => {
    const cells = isStyleOnly(op) ? cellsOf(op.range) : undefined;
    if (!isStyleOnly(op) || !cells) {
      if (op.op !== 'setNote') flush();
      out.push({ step: op, upTo: i });
      return;
    }
    const key = `${op.sheet}\u0000${JSON.stringify(op.format)}`;
    if (cells.some((c) => owner.has(`${op.sheet}!${c}`) && owner.get(`${op.sheet}!${c}`) !== key)) flush();
    for (const c of cells) owner.set(`${op.sheet}!${c}`, key);
    const group = groups.get(key) ?? { op: 'styleAreas', sheet: op.sheet, ranges: [], format: op.format };
    group.ranges.push(op.range);
    groups.set(key, group);
    lastIndex = i;
  });
  flush();
  return out;
}

/** Splits the areas into address lists Excel accepts in one getRanges call. */
export function chunkAddresses(ranges: string[], maxChars = 2000): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const range of ranges) {
    if (current && current.length + range.length + 1 > maxChars) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current},${range}` : range;
  }
  if (current) chunks.push(current);
  return chunks;
}
