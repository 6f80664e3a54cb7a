/**
 * A header row → the table's mapping: a role per column (from the synonyms, resolved in context,
 * or as the user confirmed it), the table kind from the roles, and the record field per column.
 */
import type { ColumnRole, Finding, TableKind, TableMapping } from '../model/records.model';
import { headerKey, matchHeaderRole, type HeaderMatch } from './column-roles.rules';
import type { MappingOverride } from './mapping.codec';
import { ROLE_LABELS } from './role-labels';

/** The record field a column fills ('units': one list, the first leads). */
export type RawKey = 'no' | 'category' | 'item' | 'name' | 'content' | 'task' | 'leaders' | 'leadUnits' | 'relatedUnits' | 'units' | 'deadline' | 'target' | 'unitOfMeasure';

export interface ColumnPlanEntry {
  header: string;
  role: ColumnRole;
  /** Where its text goes: a field, the milestones, or extra (header → text). */
  field: RawKey | 'milestones' | 'extra' | null;
  guessed: boolean;
  confirmed: boolean;
}

export interface BuiltMapping {
  kind: TableKind | null;
  mapping: TableMapping;
  entries: ColumnPlanEntry[];
  /** 太仓's own layouts: their required columns and messages stay as they were, and no `mapping` is attached. */
  classic: boolean;
  findings: Finding[];
}

export interface MappingContext {
  gridIndex: number;
  /** The notice says 列第一位的为牵头单位 (or the caller's option). */
  firstLeads: boolean;
  override: MappingOverride | null;
  /** The title or the text before the table names 民生实事. */
  projectsTitle: boolean;
}

const SINGLE_FIELD: Partial<Record<ColumnRole, RawKey>> = {
  no: 'no', category: 'category', item: 'item', content: 'content', task: 'task', leaders: 'leaders', leadUnits: 'leadUnits',
  relatedUnits: 'relatedUnits', 'units-first-leads': 'units', deadline: 'deadline', target: 'target', 'unit-of-measure': 'unitOfMeasure',
};

interface Cell {
  header: string;
  match: HeaderMatch | null;
  role: ColumnRole;
  confirmed: boolean;
  /** The role was read from the table's other columns, not from the header alone: shown as a guess. */
  inferred?: boolean;
}

function overrideRole(header: string, override: MappingOverride | null): ColumnRole | null {
  if (!override) return null;
  const key = headerKey(header);
  return override.columns[key] ?? override.columns[key.replace(/[（(][^）)]*[）)]/g, '')] ?? null;
}

/** 责任单位 leads unless a 牵头单位 column exists; bare 工作任务 is the content unless another column is. */
function resolveContext(cells: Cell[], firstLeads: boolean): void {
  const sure = (role: ColumnRole): boolean => cells.some((c) => c.role === role && !c.match?.contextual);
  const hasRelated = cells.some((c) => c.role === 'relatedUnits');
  for (const cell of cells) {
    if (cell.confirmed || !cell.match?.contextual) continue;
    if (cell.match.contextual === 'work') cell.role = sure('content') ? 'task' : 'content';
    else if (sure('leadUnits') || cells.some((c) => c !== cell && c.role === 'units-first-leads')) cell.role = 'relatedUnits';
    else cell.role = firstLeads && !hasRelated ? 'units-first-leads' : 'leadUnits';
  }
}

/**
 * `重点任务 | 具体举措`, `主要任务 | 工作措施`: two content columns and no 项目 column. The first names
 * the task and the second says what to do, so the first is read as the item (项目) — a guess the
 * user is shown — rather than the second being kept aside as a repeated column.
 */
function resolveTwoContents(cells: Cell[]): void {
  if (cells.some((c) => c.role === 'item')) return;
  const contents = cells.filter((c) => c.role === 'content');
  if (contents.length !== 2 || contents[0].confirmed) return;
  contents[0].role = 'item';
  contents[0].inferred = true;
}

function detectKind(cells: Cell[], context: MappingContext): TableMapping['kind'] | null {
  if (context.override?.kind) return context.override.kind;
  const has = (role: ColumnRole): boolean => cells.some((c) => c.role === role);
  const hinted = (hint: 'projects' | 'indicators'): boolean => cells.some((c) => !c.confirmed && c.match?.hint === hint && c.role === c.match.role);
  if (has('target') && (hinted('indicators') || !has('content'))) return 'indicators';
  if (hinted('projects') || has('task') || (context.projectsTitle && has('content') && !(has('category') && has('item')))) return 'projects';
  if (has('content') || (has('item') && (has('leadUnits') || has('units-first-leads') || has('leaders')))) return 'tasks';
  return null;
}

export function buildMapping(header: string[], context: MappingContext): BuiltMapping {
  const cells: Cell[] = header.map((text) => {
    const match = matchHeaderRole(text);
    const forced = overrideRole(text, context.override);
    return { header: text.replace(/[\s\u3000]+/g, ''), match, role: forced ?? match?.role ?? 'unknown', confirmed: forced !== null };
  });
  resolveContext(cells, context.firstLeads);
  resolveTwoContents(cells);
  const kind = detectKind(cells, context);
  const findings: Finding[] = [];
  const seen = new Set<RawKey>();
  const entries = cells.map((cell, column): ColumnPlanEntry => {
    const guessed = !cell.confirmed && cell.role !== 'unknown' && (cell.inferred === true || (cell.match !== null && !cell.match.sure));
    let field = fieldOf(cell.role, kind);
    if (field !== null && field !== 'milestones' && field !== 'extra') {
      if (seen.has(field)) {
        findings.push(duplicateFinding(context.gridIndex, column, cell.header));
        field = 'extra';
      } else seen.add(field);
    }
    if (guessed && kind) findings.push(guessedFinding(context.gridIndex, column, cell.header, cell.role, cell.inferred ? contentBeside(cells, cell) : null));
    return { header: cell.header, role: cell.role, field: cell.header === '' && cell.role === 'unknown' ? null : field, guessed, confirmed: cell.confirmed };
  });
  const units = entries.some((e) => e.role === 'units-first-leads') ? 'first-leads' : 'separate';
  const mapping: TableMapping = {
    kind: kind ?? 'tasks',
    columns: mappingColumnsOf(entries),
    units,
    form: 'table',
  };
  const has = (role: ColumnRole): boolean => entries.some((e) => e.role === role);
  const classic = (kind === 'tasks' && has('category') && has('item') && !has('no')) || (kind === 'projects' && has('task'));
  return { kind: kind === 'indicators' ? 'tasks' : kind, mapping, entries, classic, findings };
}

function fieldOf(role: ColumnRole, kind: TableMapping['kind'] | null): ColumnPlanEntry['field'] {
  if (role === 'milestones') return 'milestones';
  if (role === 'note' || role === 'unknown') return 'extra';
  if (role === 'item' && kind === 'projects') return 'name';
  return SINGLE_FIELD[role] ?? 'extra';
}

function duplicateFinding(gridIndex: number, column: number, header: string): Finding {
  return {
    code: 'table-column-duplicate',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${header}”重复，已作为附加信息保留（extra）`,
    messageEn: `Table ${gridIndex + 1} column ${column + 1} repeats a column; kept as extra`,
    table: gridIndex,
    value: header,
  };
}

/** The content column that made `cell` the item (resolveTwoContents). */
function contentBeside(cells: Cell[], cell: Cell): GuessReason {
  const beside = cells.find((c) => c !== cell && c.role === 'content')?.header ?? '';
  return { zh: `因本表另有内容列“${beside}”，读作`, en: ` because "${beside}" holds the content` };
}

/** Why a column's role is a guess read from more than its header word (the table's other columns, its cells). */
export interface GuessReason {
  /** Stands before the role's name: `因本表另有内容列“具体举措”，读作`. */
  zh: string;
  /** Follows the role's name: ` because "具体举措" holds the content`. */
  en: string;
}

/** The `column-guessed` warning; `reason` null: the role was read from the header word's ending. */
export function guessedFinding(gridIndex: number, column: number, header: string, role: ColumnRole, reason: GuessReason | null): Finding {
  const why = reason === null ? '按词义推断为' : reason.zh;
  const whyEn = reason === null ? '' : reason.en;
  return {
    code: 'column-guessed',
    severity: 'warning',
    message: `表格 ${gridIndex + 1} 第 ${column + 1} 列“${header}”${why}“${ROLE_LABELS[role].zh}”（${role}），请核对；如不对，用 --map "${header}=角色" 指定`,
    messageEn: `Table ${gridIndex + 1} column ${column + 1} "${header}" was taken as ${role} (${ROLE_LABELS[role].en})${whyEn}; check it, or set it with --map "${header}=ROLE"`,
    table: gridIndex,
    field: role,
    value: header,
  };
}

/** The mapping's columns, from the entries (blank columns of no role left out). */
export function mappingColumnsOf(entries: ColumnPlanEntry[]): TableMapping['columns'] {
  return entries
    .filter((e) => e.header !== '' || e.role !== 'unknown')
    .map((e) => ({ header: e.header, role: e.role, ...(e.guessed ? { guessed: true } : {}), ...(e.confirmed ? { confirmed: true } : {}) }));
}
