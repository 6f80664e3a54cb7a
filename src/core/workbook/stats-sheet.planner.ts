/**
 * The 统计 sheet: counts by status and by lead unit as COUNTIFS formulas over the record sheets, so
 * Excel keeps them current; the planner's own counts are cached as the formulas' results.
 */
import { STATUSES } from '../model/records.model';
import { cellAddress, quoteSheetName } from '../sheet/a1';
import type { CellValue, FormulaValue } from '../sheet/cell-value';
import type { ChartPlan } from '../sheet/sheet-style';
import type { ColumnPlan, SheetPlan } from './plan.model';
import type { AnyRecord } from './record-cells';
import type { ScheduleColumnsInput } from './schedule-columns.planner';
import { SHEET_NAMES } from '../sheet/sheet-names';
import { isOverdue as isTrackingOverdue } from './tracking-text';

export interface StatsSource {
  sheet: string;
  /** Column letter per key. */
  columns: Record<string, string>;
  records: AnyRecord[];
  /** In a supervision round: the 序时 verdicts, counted by the 序时状态 block. */
  schedule?: ScheduleColumnsInput;
}

const DONE = '已完成';

function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function wildcardSafe(text: string): string {
  return text.replace(/[~*?]/g, (m) => `~${m}`);
}

function col(source: StatsSource, key: string): string {
  const letter = source.columns[key];
  return `${quoteSheetName(source.sheet)}!$${letter}:$${letter}`;
}

function isOverdue(record: AnyRecord, today: string): boolean {
  return isTrackingOverdue(record.tracking, today);
}

type Extra = 'none' | 'done' | 'overdue';

function extraCriteria(source: StatsSource, extra: Extra): string {
  if (extra === 'done') return `,${col(source, 'status')},${literal(DONE)}`;
  if (extra === 'overdue') return `,${col(source, 'deadline')},"<"&TODAY(),${col(source, 'status')},${literal(`<>${DONE}`)}`;
  return '';
}

/**
 * A COUNTIFS criterion that matches `pattern` as text: a leading = < > would be read as an
 * operator (a unit named `=住建局` counted 住建局's tasks), so such a pattern gets `=` first.
 */
function textCriterion(pattern: string): string {
  return literal(/^[=<>]/.test(pattern) ? `=${pattern}` : pattern);
}

/** COUNTIFS that finds `unit` as one whole name in a '、'-joined list (* ? ~ escaped, operators quoted). */
function unitCountFormula(source: StatsSource, unit: string, extra: Extra): string {
  const range = col(source, 'leadUnits');
  const u = wildcardSafe(unit);
  const patterns = [u, `${u}、*`, `*、${u}`, `*、${u}、*`];
  return patterns.map((p) => `COUNTIFS(${range},${textCriterion(p)}${extraCriteria(source, extra)})`).join('+');
}

function formula(text: string, result: number): FormulaValue {
  return { formula: text, result };
}

function resultOf(cell: CellValue): number {
  if (typeof cell === 'number') return cell;
  return cell !== null && typeof cell === 'object' && 'formula' in cell ? Number(cell.result ?? 0) : 0;
}

/** One formula adding the cells' formulas (0 for a missing sheet). */
function sumOf(cells: CellValue[]): FormulaValue {
  const parts = cells.map((c) => (c !== null && typeof c === 'object' && 'formula' in c ? c.formula : '0'));
  return formula(parts.join('+'), cells.reduce<number>((n, c) => n + resultOf(c), 0));
}

/** Every count the sheet caches, from one pass over a source's records (not one pass per unit). */
interface Tally {
  status: Map<string, number>;
  unfilled: number;
  overdue: number;
  total: number;
  /** Per lead unit: [all, done, overdue]. */
  units: Map<string, [number, number, number]>;
}

function tally(source: StatsSource | null, today: string): Tally {
  const t: Tally = { status: new Map(), unfilled: 0, overdue: 0, total: 0, units: new Map() };
  for (const r of source?.records ?? []) {
    const status = r.tracking?.status;
    if (status) t.status.set(status, (t.status.get(status) ?? 0) + 1);
    else t.unfilled += 1;
    const overdue = isOverdue(r, today);
    if (overdue) t.overdue += 1;
    t.total += 1;
    for (const unit of new Set(r.leadUnits)) {
      let u = t.units.get(unit);
      if (!u) t.units.set(unit, (u = [0, 0, 0]));
      u[0] += 1;
      if (status === DONE) u[1] += 1;
      if (overdue) u[2] += 1;
    }
  }
  return t;
}

interface Counted {
  source: StatsSource | null;
  tally: Tally;
}

function perSource(sources: Counted[], make: (s: StatsSource, t: Tally) => FormulaValue): CellValue[] {
  return sources.map(({ source, tally: t }) => (source ? make(source, t) : 0));
}

const EXTRA_INDEX: Record<Extra, 0 | 1 | 2> = { none: 0, done: 1, overdue: 2 };

function unitRow(sources: Counted[], unit: string, row: number): CellValue[] {
  const count = (extra: Extra): CellValue[] => perSource(sources, (s, t) => formula(unitCountFormula(s, unit, extra), t.units.get(unit)?.[EXTRA_INDEX[extra]] ?? 0));
  const lead = count('none');
  const total = formula(`C${row}+D${row}`, lead.reduce<number>((n, c) => n + resultOf(c), 0));
  return ['主要责任单位', unit, ...lead, total, sumOf(count('done')), sumOf(count('overdue'))];
}

function countRow(sources: Counted[], group: string, name: string, row: number, make: (s: StatsSource, t: Tally) => FormulaValue): CellValue[] {
  const cells = perSource(sources, make);
  return [group, name, ...cells, formula(`C${row}+D${row}`, cells.reduce<number>((n, c) => n + resultOf(c), 0))];
}

export function planStatsSheet(tasks: StatsSource | null, projects: StatsSource | null, today: string): SheetPlan {
  const sources: Counted[] = [tasks, projects].map((source) => ({ source, tally: tally(source, today) }));
  const columns: ColumnPlan[] = [
    { key: 'group', header: '类别', width: 14, kind: 'text' },
    { key: 'name', header: '名称', width: 24, kind: 'text' },
    { key: 'tasks', header: '主要工作', width: 10, kind: 'number' },
    { key: 'projects', header: '民生实事', width: 10, kind: 'number' },
    { key: 'total', header: '合计', width: 10, kind: 'number' },
    { key: 'done', header: '已完成', width: 10, kind: 'number' },
    { key: 'overdue', header: '逾期', width: 10, kind: 'number' },
  ];
  const rows: CellValue[][] = [];
  const next = (): number => rows.length + 2;
  for (const status of STATUSES) {
    rows.push(countRow(sources, '进展状态', status, next(), (s, t) => formula(`COUNTIFS(${col(s, 'status')},${literal(status)})`, t.status.get(status) ?? 0)));
  }
  rows.push(countRow(sources, '进展状态', '未填写', next(), (s, t) => formula(`COUNTIFS(${col(s, 'id')},"?*",${col(s, 'status')},"")`, t.unfilled)));
  rows.push(countRow(sources, '逾期', '逾期未完成', next(), (s, t) => formula(`COUNTIFS(${col(s, 'deadline')},"<"&TODAY(),${col(s, 'status')},${literal(`<>${DONE}`)})`, t.overdue)));
  rows.push(countRow(sources, '合计', '全部', next(), (s, t) => formula(`COUNTIFS(${col(s, 'id')},"?*")-1`, t.total)));
  const schedule = sources.find((c) => c.source?.schedule)?.source?.schedule;
  for (const status of schedule?.statuses ?? []) rows.push(countRow(sources, '序时状态', status, next(), (s) => scheduleCount(s, status)));
  for (const unit of rankUnits(sources)) rows.push(unitRow(sources, unit, next()));
  return { name: SHEET_NAMES.stats, role: 'stats', columns, rows, freeze: { rows: 1, cols: 2 }, charts: [statusChart(columns.length)] };
}

/** COUNTIFS of one 序时状态 over the computed column (criterion escaped like the unit names). */
function scheduleCount(source: StatsSource, status: string): FormulaValue {
  const schedule = source.schedule;
  if (!schedule || !source.columns.scheduleStatus) return formula('0', 0);
  const cached = source.records.reduce((n, r) => n + (schedule.cellsOf(r)?.status === status ? 1 : 0), 0);
  return formula(`COUNTIFS(${col(source, 'scheduleStatus')},${textCriterion(wildcardSafe(status))})`, cached);
}

/** Column chart of the status block (名称 as categories, 主要工作/民生实事 as series), right of the table. */
function statusChart(tableCols: number): ChartPlan {
  const lastStatusRow = STATUSES.length + 2; // header row 1, the statuses, then 未填写
  return { kind: 'column', title: '按进展状态统计', dataRange: `B1:D${lastStatusRow}`, anchor: cellAddress(2, tableCols + 2) };
}

/** Lead units, most tasks first (a unit named twice in one record counts once, as COUNTIFS does). */
function rankUnits(sources: Counted[]): string[] {
  const counts = new Map<string, number>();
  for (const { tally: t } of sources) for (const [u, [n]] of t.units) counts.set(u, (counts.get(u) ?? 0) + n);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([u]) => u);
}
