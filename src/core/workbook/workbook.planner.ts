/** buildWorkbookPlan: records (+ fixes, findings, extra sheets) → the workbook layout as data. */
import type { WorkbookState } from '../sheet/workbook-state';
import type { Finding, ParseResult, Severity, TableKind, TableMapping } from '../model/records.model';
import { workbookAddress } from '../sheet/a1';
import { addCellStyle, cellStylesFor, createCellStyleMap, type CellStyleMap } from './cell-styles';
import { planFixesSheet, type FixRow } from './fixes-sheet.planner';
import type { RecordTableLayout, SheetPlan, WorkbookLayout, WorkbookPlan } from './plan.model';
import { recordColumns } from './record-columns';
import { layoutRecordSheet, planRecordSheet, type RecordSheetResult, type TableEntry } from './record-sheet.planner';
import type { ScheduleColumnsInput } from './schedule-columns.planner';
import { planStateSheet } from './state-sheet';
import { planStatsSheet } from './stats-sheet.planner';
import { locateSheetCell } from './workbook-layout';

export const PLAN_VERSION = 1;

export interface WorkbookInput {
  results: ParseResult[];
  /** Findings whose `table` indexes the flattened list of every result's tables. */
  findings?: Finding[];
  /** Sheets other parts build (名录, 校验, 分工明细 ...), appended after 统计. */
  extraSheets?: SheetPlan[];
  /**
   * Findings and sheets that need the records' cell addresses (the 校验 sheet): called once the
   * record sheets are laid out, so a command builds one plan, not a first one for its layout.
   */
  extras?: (layout: WorkbookLayout) => { findings: Finding[]; sheets: SheetPlan[] };
  state?: WorkbookState;
  /** ISO date for the cached overdue counts (default: today). */
  today?: string;
  /** A supervision round's 序时 verdicts: the record sheets get the computed columns, 统计 counts them. */
  schedule?: ScheduleColumnsInput;
}

/** What the state sheet records about each table, so a read-back restores titles and years. */
export interface StateTable {
  table: number;
  kind: TableKind;
  sheet: string;
  title: string | null;
  year: number | null;
  source: string;
  /** The column roles the table was read with (other cities' layouts; added field). */
  mapping?: TableMapping;
}

const FINDING_FILLS: Record<Severity, string> = { error: '#FF9999', warning: '#FFE699', info: '#DDEBF7' };

function flattenTables(results: ParseResult[]): TableEntry[] {
  const entries: TableEntry[] = [];
  for (const result of results) {
    for (const table of result.tables) {
      entries.push({ table: entries.length, kind: table.kind, year: table.year, title: table.title, source: result.source, records: table.rows });
    }
  }
  return entries;
}

/** Header per field, per kind: built once, not once per fix. */
function headerLookup(): (kind: TableKind, field: string) => string {
  const headers = new Map<TableKind, Map<string, string>>();
  return (kind, field) => {
    let byField = headers.get(kind);
    if (!byField) headers.set(kind, (byField = new Map(recordColumns(kind).map((c) => [c.key, c.header]))));
    return byField.get(field) ?? field;
  };
}

function planFixRows(input: WorkbookInput, layout: WorkbookLayout, idsByTable: Map<number, string[]>): FixRow[] {
  const rows: FixRow[] = [];
  const headerOf = headerLookup();
  const tables = new Map(layout.tables.map((t) => [t.table, t]));
  let offset = 0;
  for (const result of input.results) {
    for (const fix of result.fixes) {
      const table = offset + fix.table;
      const t = tables.get(table);
      const at = locateSheetCell(layout, table, fix.row, fix.field);
      rows.push({
        source: result.source,
        sheet: t?.sheet ?? '',
        id: idsByTable.get(table)?.[fix.row] ?? '',
        cell: at ? workbookAddress(at.sheet, at.address) : '',
        field: t ? headerOf(t.kind, fix.field) : fix.field,
        from: fix.from,
        to: fix.to,
        rule: fix.rule,
      });
    }
    offset += result.tables.length;
  }
  return rows;
}

function markFindings(findings: Finding[], layout: WorkbookLayout, styles: CellStyleMap): Finding[] {
  return findings.map((finding) => {
    if (finding.table === undefined || finding.row === undefined || !finding.field) return { ...finding };
    const at = locateSheetCell(layout, finding.table, finding.row, finding.field);
    if (!at) return { ...finding };
    addCellStyle(styles, at.sheet, { range: at.address, fill: { color: FINDING_FILLS[finding.severity] ?? FINDING_FILLS.warning }, note: `${finding.message} [${finding.code}]` });
    return { ...finding, cell: workbookAddress(at.sheet, at.address) };
  });
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function buildState(input: WorkbookInput, entries: TableEntry[], sheets: RecordSheetResult[]): WorkbookState {
  const tables: StateTable[] = [];
  const flat = input.results.flatMap((r) => r.tables);
  const inherited: Record<string, string[]> = {};
  for (const sheet of sheets) {
    sheet.layouts.forEach((layout, i) => {
      const entry = entries[layout.table];
      const mapping = flat[layout.table]?.mapping;
      tables.push({ table: layout.table, kind: entry.kind, sheet: layout.sheet, title: entry.title, year: entry.year, source: entry.source, ...(mapping ? { mapping } : {}) });
      entry.records.forEach((r, j) => {
        if (r.inherited && r.inherited.length > 0) inherited[sheet.ids[i][j]] = [...r.inherited];
      });
    });
  }
  tables.sort((a, b) => a.table - b.table);
  return {
    ...(input.state ?? {}),
    app: 'fenjie',
    planVersion: PLAN_VERSION,
    sources: input.results.map((r) => ({ source: r.source, notice: r.notice })),
    tables,
    inherited,
  };
}

export function buildWorkbookPlan(input: WorkbookInput): WorkbookPlan {
  const entries = flattenTables(input.results);
  const styles = createCellStyleMap();
  const usedIds = new Set<string>();
  const recordSheets: RecordSheetResult[] = [];
  for (const kind of ['tasks', 'projects'] as const) {
    const ofKind = entries.filter((e) => e.kind === kind);
    if (ofKind.some((e) => e.records.length > 0)) recordSheets.push(planRecordSheet(kind, ofKind, styles, usedIds, input.schedule));
  }
  const layout: WorkbookLayout = { tables: recordSheets.flatMap((s) => s.layouts).sort((a: RecordTableLayout, b) => a.table - b.table), columns: {} };
  const idsByTable = new Map<number, string[]>();
  for (const s of recordSheets) {
    layout.columns[s.sheet.name] = s.columns;
    s.layouts.forEach((l, i) => idsByTable.set(l.table, s.ids[i]));
  }
  const extra = input.extras?.(layout);
  const findings = markFindings([...(input.findings ?? []), ...(extra?.findings ?? [])], layout, styles);
  for (const s of recordSheets) s.sheet.cellStyles = cellStylesFor(styles, s.sheet.name);
  const source = (kind: TableKind) => {
    const s = recordSheets.find((x) => x.sheet.role === kind);
    return s ? { sheet: s.sheet.name, columns: s.columns, records: entries.filter((e) => e.kind === kind).flatMap((e) => e.records), schedule: input.schedule } : null;
  };
  const sheets: SheetPlan[] = [
    ...recordSheets.map((s) => s.sheet),
    planFixesSheet(planFixRows(input, layout, idsByTable)),
    planStatsSheet(source('tasks'), source('projects'), input.today ?? todayIso()),
    ...(input.extraSheets ?? []),
    ...(extra?.sheets ?? []),
    planStateSheet(buildState(input, entries, recordSheets)),
  ];
  return { version: PLAN_VERSION, sheets, layout, findings };
}

/** The layout buildWorkbookPlan gives the same results, without planning any cell (validate, diff). */
export function layoutWorkbook(results: ParseResult[]): WorkbookLayout {
  const entries = flattenTables(results);
  const layout: WorkbookLayout = { tables: [], columns: {} };
  for (const kind of ['tasks', 'projects'] as const) {
    const ofKind = entries.filter((e) => e.kind === kind);
    if (!ofKind.some((e) => e.records.length > 0)) continue;
    const sheet = layoutRecordSheet(kind, ofKind);
    for (const t of sheet.layouts) layout.tables.push(t);
    layout.columns[sheet.sheet] = sheet.columns;
  }
  layout.tables.sort((a, b) => a.table - b.table);
  return layout;
}
