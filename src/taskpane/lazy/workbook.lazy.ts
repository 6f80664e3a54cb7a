/**
 * Loaded with import() when the user first imports or tidies: the readers (zip, XML, .doc) and the
 * planner stay out of the task pane's initial JavaScript.
 */
import { buildWorkbookPlan, documentFromUsedRanges, parseDocument, parseGrids, planToOps } from '../../core';
import type { ParseResult, UsedRange, WorkbookInput, WorkbookPlan, WriteOp } from '../../core';

export async function parseFile(bytes: Uint8Array, fileName: string): Promise<ParseResult> {
  return parseDocument(bytes, fileName);
}

/** 整理当前表: the pasted sheet's used range (with merges, title rows, repeated headers) read like any other document. */
export function parseUsedRange(range: UsedRange): ParseResult {
  return parseGrids(documentFromUsedRanges([range], 'sheet'), range.sheet);
}

export function planWorkbook(input: WorkbookInput): WorkbookPlan {
  return buildWorkbookPlan(input);
}

export function planOps(plan: WorkbookPlan, options: { existingSheets: string[] }): WriteOp[] {
  return planToOps(plan, options);
}
