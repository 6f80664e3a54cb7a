/** The 修订记录 sheet: one row per change the normaliser made, pointing at the cell it concerns; 规则 in words, its code last. */
import { ruleLabel } from '../model/code-labels.formatter';
import { planListSheet } from './list-sheet.planner';
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan } from './plan.model';
import { SHEET_NAMES } from '../sheet/sheet-names';

export interface FixRow {
  source: string;
  sheet: string;
  id: string;
  cell: string;
  field: string;
  from: string;
  to: string;
  rule: string;
}

export const FIX_COLUMNS: ColumnPlan[] = [
  { key: 'source', header: '来源', width: 18, kind: 'text' },
  { key: 'sheet', header: '表', width: 10, kind: 'text' },
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'cell', header: '单元格', width: 16, kind: 'text' },
  { key: 'field', header: '字段', width: 14, kind: 'text' },
  { key: 'from', header: '原值', width: 36, kind: 'text', wrap: true },
  { key: 'to', header: '新值', width: 36, kind: 'text', wrap: true },
  { key: 'rule', header: '规则', width: 22, kind: 'text' },
  // The rule's stable code, for machines (read back by readFenjieWorkbook).
  { key: 'code', header: '代码', width: 18, kind: 'text' },
];

export function planFixesSheet(fixes: FixRow[]): SheetPlan {
  const rows: CellValue[][] = fixes.map((f) => [f.source, f.sheet, f.id, f.cell, f.field, f.from, f.to, ruleLabel(f.rule), f.rule]);
  return planListSheet({ name: SHEET_NAMES.fixes, role: 'fixes', columns: FIX_COLUMNS, rows, table: '修订记录表' });
}
