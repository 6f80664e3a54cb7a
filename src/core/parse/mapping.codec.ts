/**
 * The mapping a user confirms: `工作任务=content,责任单位=units-first-leads` (CLI --map), a mapping
 * JSON (docs/MODEL.md, "Mapping JSON"), or the layouts kept in the workbook state for reuse.
 */
import { FenjieError } from '../errors';
import { COLUMN_ROLES, type ColumnRole, type TableMapping } from '../model/records.model';
import { headerKey } from './column-roles.rules';

export interface MappingOverride {
  /** headerKey(header) → role. */
  columns: Record<string, ColumnRole>;
  kind?: TableMapping['kind'];
}

/** A confirmed mapping kept in the workbook state (`mappings`), applied again to a table with the same headers. */
export interface StoredLayout {
  /** The table's headers (headerKey of each, joined with `|`). */
  layout: string;
  columns: Record<string, ColumnRole>;
  kind?: TableMapping['kind'];
}

const KINDS = ['tasks', 'projects', 'indicators'] as const;
/** Role spellings a user may type beside the canonical ones. */
const ROLE_ALIASES: Record<string, ColumnRole> = {
  'lead-units': 'leadUnits', 'related-units': 'relatedUnits', lead: 'leadUnits', related: 'relatedUnits', leader: 'leaders',
  unitsFirstLeads: 'units-first-leads', 'first-leads': 'units-first-leads', unit: 'unit-of-measure', unitOfMeasure: 'unit-of-measure',
  name: 'item', milestone: 'milestones', extra: 'unknown', ignore: 'unknown', no: 'no',
};

function invalid(zh: string, en: string, details: Record<string, unknown> = {}): FenjieError {
  const roles = COLUMN_ROLES.join(', ');
  return new FenjieError('mapping-invalid', `列映射无效：${zh}。可用的角色：${roles}`, `Invalid column mapping: ${en}. Roles: ${roles}`, { details });
}

export function readRole(text: string): ColumnRole {
  const word = text.trim();
  if ((COLUMN_ROLES as readonly string[]).includes(word)) return word as ColumnRole;
  const alias = ROLE_ALIASES[word];
  if (alias) return alias;
  throw invalid(`未知角色“${word}”`, `unknown role "${word}"`, { role: word });
}

/** `工作任务=content,责任单位=units-first-leads` (also `；`/`，` separated, `kind=projects`). */
export function parseMappingText(text: string): MappingOverride {
  const override: MappingOverride = { columns: {} };
  for (const part of text.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean)) {
    const at = part.search(/[=＝:：]/);
    if (at <= 0) throw invalid(`“${part}”应写成 表头=角色`, `"${part}" should read HEADER=ROLE`, { part });
    const header = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (header === 'kind' || header === '表格类型') override.kind = readKind(value);
    else override.columns[headerKey(header)] = readRole(value);
  }
  if (Object.keys(override.columns).length === 0 && !override.kind) throw invalid('没有任何列', 'no column given');
  return override;
}

function readKind(value: string): TableMapping['kind'] {
  if ((KINDS as readonly string[]).includes(value)) return value as TableMapping['kind'];
  throw invalid(`未知表格类型“${value}”（tasks、projects、indicators）`, `unknown kind "${value}" (tasks, projects, indicators)`);
}

/** `{ "columns": { "工作任务": "content" }, "kind": "tasks" }`, or a plain `{ "工作任务": "content" }`. */
export function parseMappingJson(json: string): MappingOverride {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new FenjieError('mapping-invalid', '列映射 JSON 无法解析', 'The column mapping JSON cannot be parsed', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('应为 JSON 对象', 'expected a JSON object');
  const object = value as Record<string, unknown>;
  const columns = typeof object.columns === 'object' && object.columns !== null ? (object.columns as Record<string, unknown>) : object;
  const override: MappingOverride = { columns: {} };
  for (const [header, role] of Object.entries(columns)) {
    if (header === 'kind' || header === 'version' || header === 'columns') continue;
    if (typeof role !== 'string') throw invalid(`“${header}”的角色应为文字`, `the role of "${header}" should be a string`);
    override.columns[headerKey(header)] = readRole(role);
  }
  if (typeof object.kind === 'string') override.kind = readKind(object.kind);
  return override;
}

/** The roles of a table's columns as the pane's dropdowns set them → the mapping to read with. */
export function mappingFromRoles(columns: readonly { header: string; role: ColumnRole }[], kind?: TableMapping['kind']): MappingOverride {
  const override: MappingOverride = { columns: {} };
  for (const column of columns) if (column.header) override.columns[headerKey(column.header)] = column.role;
  if (kind) override.kind = kind;
  return override;
}

/**
 * The override as it applies to one table: column roles go by header wherever they appear, but a
 * kind only to a table holding every header the override names (the pane sends one table's
 * headers with that table's kind; another table of the document keeps its own kind).
 */
export function overrideForHeaders(override: MappingOverride | null | undefined, headers: readonly string[]): MappingOverride | null {
  if (!override) return null;
  if (!override.kind) return override;
  const keys = new Set<string>();
  for (const header of headers) {
    const key = headerKey(header);
    keys.add(key);
    keys.add(key.replace(/[（(][^）)]*[）)]/g, ''));
  }
  if (Object.keys(override.columns).every((key) => keys.has(key))) return override;
  return { columns: override.columns };
}

/**
 * A table's headers as one key. Empty headers are left out: a table's mapping lists no empty,
 * unknown column, so a key with them never matched a stored layout (regression: a confirmed
 * mapping of a table with a blank header column was never applied again).
 */
export function layoutKey(headers: readonly string[]): string {
  return headers.map(headerKey).filter((key) => key !== '').join('|');
}

/** A table's mapping as kept in the workbook state, for the same layout next time. */
export function storeLayout(mapping: TableMapping): StoredLayout {
  const columns: Record<string, ColumnRole> = {};
  for (const column of mapping.columns) if (column.header) columns[headerKey(column.header)] = column.role;
  return { layout: layoutKey(mapping.columns.map((c) => c.header)), columns, kind: mapping.kind };
}

/** The state's `mappings`, checked (a damaged entry is left out, never trusted). */
export function readStoredLayouts(value: unknown): StoredLayout[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is StoredLayout => typeof v === 'object' && v !== null && typeof (v as StoredLayout).layout === 'string' && typeof (v as StoredLayout).columns === 'object');
}
