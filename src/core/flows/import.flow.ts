/**
 * 导入通知 / fenjie convert: records → the structured workbook plan (主要工作, 民生实事, 修订记录,
 * 统计; with a registry also 校验, 分工明细, 单位工作量, 领导单位矩阵 and 名录). One plan is built.
 */
import { FenjieError } from '../errors';
import type { Finding, ParseResult, ProjectRecord, TaskRecord } from '../model/records.model';
import { readStoredLayouts, storeLayout, type StoredLayout } from '../parse/mapping.codec';
import type { RegistryIndex } from '../registry/registry-index.builder';
import type { WorkbookState } from '../sheet/workbook-state';
import { buildRegistryExtras } from '../validate/registry-extras.planner';
import { findLongCells } from '../workbook/cell-length.check';
import type { WorkbookPlan } from '../workbook/plan.model';
import { buildWorkbookPlan } from '../workbook/workbook.planner';
import type { ReadInput } from './read-input.flow';
import { registryChoiceLabel, type RegistryChoice } from './registry-source.flow';

export interface ImportRequest {
  /** What was read (documents, pasted sheets, fenjie workbooks), in order. */
  inputs: Pick<ReadInput, 'result' | 'state'>[];
  /** Check names and add the registry sheets; none: records, fixes and statistics only. */
  registry?: { choice: RegistryChoice; index: RegistryIndex } | null;
  /** The state to carry forward (the open workbook's in the pane); else an input workbook's. */
  state?: WorkbookState;
  /** ISO date for 逾期 (default today). */
  today?: string;
}

export interface ImportPlan {
  plan: WorkbookPlan;
  /** Name findings with their cell addresses (empty without a registry). */
  findings: Finding[];
  results: ParseResult[];
  /** Record columns that stay empty in every row of a table (no content, no leader…): said, never silent. */
  emptyColumns: Finding[];
  /** Cells longer than Excel keeps (`cell-too-long`, sheet/row/column): shown in the preview, refused at write time. */
  longCells: Finding[];
}

const CHECKED_COLUMNS = [
  ['content', '内容', 'content'],
  ['leaders', '负责人', 'leaders'],
  ['leadUnits', '主要责任单位', 'lead units'],
] as const;

/** A table whose content, leaders or lead units are empty in every row gets a `columns-empty` warning. */
export function findEmptyColumns(results: ParseResult[]): Finding[] {
  const findings: Finding[] = [];
  let index = 0;
  for (const result of results) {
    for (const table of result.tables) {
      const rows = table.rows as (TaskRecord | ProjectRecord)[];
      for (const [field, zh, en] of CHECKED_COLUMNS) {
        const empty = rows.length > 0 && rows.every((r) => (Array.isArray(r[field]) ? r[field].length === 0 : String(r[field]).trim() === ''));
        if (!empty) continue;
        findings.push({
          code: 'columns-empty',
          severity: 'warning',
          message: `${result.source} 表格“${table.title ?? table.kind}”的${zh}列全部为空：工作簿中该列为空，请核对列映射（--map）`,
          messageEn: `${result.source} table "${table.title ?? table.kind}": ${en} is empty in every row; the workbook column stays empty (check the mapping, --map)`,
          table: index,
          field,
        });
      }
      index += 1;
    }
  }
  return findings;
}

/** The mappings a user confirmed, added to those the state keeps (same headers: the newer wins). */
export function mergeStoredLayouts(existing: unknown, results: ParseResult[]): StoredLayout[] {
  const byLayout = new Map(readStoredLayouts(existing).map((l) => [l.layout, l]));
  for (const table of results.flatMap((r) => r.tables)) {
    if (table.mapping?.columns.some((c) => c.confirmed)) {
      const stored = storeLayout(table.mapping);
      byLayout.set(stored.layout, stored);
    }
  }
  return [...byLayout.values()];
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Refuses inputs without any table: an empty workbook must not be written as a success. */
export function assertHasTables(results: ParseResult[]): void {
  if (results.every((r) => r.tables.length === 0)) {
    throw new FenjieError('convert-no-table', '输入文件中没有可识别的表格，未写出工作簿', 'No recognisable table in the input files; no workbook written', { details: { files: results.map((r) => r.source) } });
  }
}

export function planImport(request: ImportRequest): ImportPlan {
  const results = request.inputs.map((i) => i.result);
  assertHasTables(results);
  const today = request.today ?? todayIso();
  const state: WorkbookState = { ...(request.state ?? request.inputs.find((i) => i.state)?.state ?? {}) };
  const registry = request.registry;
  if (registry) state.registryChoice = registryChoiceLabel(registry.choice);
  const layouts = mergeStoredLayouts(state.mappings, results);
  if (layouts.length > 0) state.mappings = layouts;
  const plan = buildWorkbookPlan({
    results,
    state,
    today,
    extras: registry ? (layout) => buildRegistryExtras({ results, index: registry.index, today, layout }) : undefined,
  });
  return { plan, findings: registry ? plan.findings ?? [] : [], results, emptyColumns: findEmptyColumns(results), longCells: findLongCells(plan) };
}
