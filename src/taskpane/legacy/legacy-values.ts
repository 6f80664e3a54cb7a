/**
 * The record sheets of an import plan as plain value blocks, for Office 2016's ExcelApi 1.1
 * (range.values only: no tables, dropdowns, conditional formats or protection).
 */
import { formulaText, type CellValue, type WorkbookPlan } from '../../core/index';

export type PlainValue = string | number | boolean;

export interface ValueBlock {
  /** A sheet name the workbook does not have yet (nothing is overwritten). */
  sheet: string;
  /** A1 address of the block, from A1. */
  address: string;
  values: PlainValue[][];
}

function plainValue(value: CellValue): PlainValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return /^[=+\-@]/.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if ('date' in value) return value.date;
  if ('formula' in value) return formulaText(value);
  return '';
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The first of name, name(2), name(3)… that no existing sheet has (compared as Excel does, case-insensitively). */
export function freeSheetName(name: string, existing: string[]): string {
  const taken: Record<string, boolean> = {};
  for (const sheet of existing) taken[sheet.toLowerCase()] = true;
  let candidate = name;
  for (let n = 2; taken[candidate.toLowerCase()]; n += 1) candidate = `${name}(${n})`;
  return candidate;
}

/** 主要工作 and 民生实事 as values: the title lines, the header, the records. */
export function planValueBlocks(plan: WorkbookPlan, existing: string[]): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  const names = existing.slice();
  for (const sheet of plan.sheets) {
    if (sheet.role !== 'tasks' && sheet.role !== 'projects') continue;
    const width = Math.max(sheet.columns.length, 1);
    const pad = (row: PlainValue[]): PlainValue[] => row.concat(new Array(Math.max(width - row.length, 0)).fill('')).slice(0, width);
    const values: PlainValue[][] = [];
    for (const line of sheet.preamble ?? []) values.push(pad([line]));
    values.push(pad(sheet.columns.map((c) => c.header)));
    for (const row of sheet.rows) values.push(pad(row.map(plainValue)));
    const name = freeSheetName(sheet.name, names);
    names.push(name);
    blocks.push({ sheet: name, address: `A1:${columnName(width - 1)}${values.length}`, values });
  }
  return blocks;
}
