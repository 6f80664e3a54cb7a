/**
 * WPS applies each write at once and cannot roll a batch back, so the whole batch is checked
 * first: the core's `checkBatch` (sheets simulated through the batch, addresses, values, names),
 * then what only the WPS calls would trip over later (colours, column widths), so that nothing
 * foreseeable fails midway.
 */
import { checkBatch, FenjieError, type SheetInfo, type WriteOp } from '../../core/index';
import type { EtApplicationLike } from './wps-api';
import { isColor } from './wps-color';
import { workbookOf } from './wps-ops';

function colorsOf(op: WriteOp): (string | undefined)[] {
  if (op.op === 'setFormat') return [op.format.fill?.color, op.format.font?.color];
  if (op.op !== 'addConditionalFormat') return [];
  const rule = op.rule;
  if (rule.kind === 'dataBar') return [rule.color];
  if (rule.kind === 'colorScale') return [rule.minColor, rule.midColor, rule.maxColor];
  return [rule.fill?.color, rule.font?.color];
}

function invalid(index: number, op: WriteOp, zh: string, en: string): FenjieError {
  return new FenjieError('host-invalid-op', `第 ${index + 1} 步（${op.op}）无效：${zh}`, `Step ${index + 1} (${op.op}) is invalid: ${en}`, {
    details: { index, op: op.op, sheet: op.sheet },
  });
}

function checkWpsExtras(ops: WriteOp[]): void {
  ops.forEach((op, i) => {
    const bad = colorsOf(op).find((c) => c !== undefined && !isColor(c));
    if (bad !== undefined) throw invalid(i, op, `颜色无效：${bad}`, `bad colour: ${bad}`);
    if (op.op === 'setFormat' && op.format.columnWidth !== undefined && !(op.format.columnWidth >= 0 && op.format.columnWidth <= 255)) {
      throw invalid(i, op, `列宽须在 0–255 之间：${op.format.columnWidth}`, `column width must be 0–255: ${op.format.columnWidth}`);
    }
    if (op.op === 'addConditionalFormat' && op.rule.kind === 'expression' && !op.rule.formula.trim()) throw invalid(i, op, '条件格式公式为空', 'empty formula');
  });
}

/** The table objects already in the workbook with their sheets (duplicates would fail midway). */
export function existingTableNames(app: EtApplicationLike): { name: string; sheet: string }[] {
  const names: { name: string; sheet: string }[] = [];
  const sheets = workbookOf(app).Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    const tables = ws.ListObjects;
    for (let t = 1; t <= (tables?.Count ?? 0); t++) names.push({ name: String(tables?.Item(t).Name), sheet: ws.Name });
  }
  return names;
}

/** Throws `host-invalid-op` for the first problem, before anything has been changed. */
export function assertBatchValid(ops: WriteOp[], sheets: SheetInfo[], tables: { name: string; sheet: string }[] = []): void {
  checkBatch(ops, sheets, tables);
  checkWpsExtras(ops);
}
