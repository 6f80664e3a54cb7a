/**
 * The registry as workbook sheets users edit in Excel: 名录 (table 领导) and 单位名录 (table 单位),
 * plus 名录建议 when `registry init` left proposals. Read back with `registryFromSheetRows`.
 */
import { SHEET_NAMES } from '../sheet/sheet-names';
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import type { UsedRange } from '../sheet/used-range';
import { UNIT_KINDS, type Registry, type RegistryLeader, type RegistryUnit, type UnitKind } from './registry.model';

export const REGISTRY_SHEETS = { leaders: SHEET_NAMES.registryLeaders, units: SHEET_NAMES.registryUnits, proposals: SHEET_NAMES.registryProposals } as const;
export const REGISTRY_TABLES = { leaders: '领导', units: '单位', proposals: '名录建议表' } as const;

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { department: '部门', town: '镇区', company: '企业', generic: '泛指', other: '其他' };

const LIST_SEPARATOR = '、';

const LEADER_COLUMNS: ColumnPlan[] = [
  { key: 'name', header: '姓名', width: 10, kind: 'text' },
  { key: 'title', header: '职务', width: 14, kind: 'text' },
  { key: 'years', header: '年份', width: 12, kind: 'text' },
  { key: 'oversees', header: '分管单位', width: 48, kind: 'text', wrap: true },
  { key: 'aliases', header: '别名', width: 16, kind: 'text', wrap: true },
];

const UNIT_COLUMNS: ColumnPlan[] = [
  { key: 'name', header: '规范简称', width: 16, kind: 'text' },
  { key: 'fullName', header: '全称', width: 32, kind: 'text', wrap: true },
  { key: 'kind', header: '类别', width: 8, kind: 'list', list: UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]) },
  { key: 'aliases', header: '别名', width: 24, kind: 'text', wrap: true },
  { key: 'abbreviations', header: '简称', width: 16, kind: 'text', wrap: true },
  { key: 'years', header: '年份', width: 12, kind: 'text' },
  { key: 'renamedFrom', header: '曾用名', width: 16, kind: 'text', wrap: true },
];

const PROPOSAL_COLUMNS: ColumnPlan[] = [
  { key: 'kind', header: '建议', width: 8, kind: 'text' },
  { key: 'nameKind', header: '对象', width: 6, kind: 'text' },
  { key: 'names', header: '名称', width: 28, kind: 'text' },
  { key: 'reason', header: '依据', width: 12, kind: 'text' },
  { key: 'score', header: '把握', width: 8, kind: 'number', numberFormat: '0.00' },
  { key: 'note', header: '说明', width: 60, kind: 'text', wrap: true },
];

const join = (values: readonly (string | number)[]) => values.join(LIST_SEPARATOR);

function sheet(name: string, columns: ColumnPlan[], rows: CellValue[][], table: string, preamble: string[]): SheetPlan {
  const plan: SheetPlan = { name, role: 'registry', preamble, columns: columns.map((c) => ({ ...c })), rows, freeze: { rows: preamble.length + 1, cols: 1 } };
  if (rows.length > 0) plan.table = { name: table, style: 'TableStyleMedium2' };
  const kindCol = columns.findIndex((c) => c.kind === 'list');
  if (kindCol >= 0 && rows.length > 0) {
    const letter = String.fromCharCode(65 + kindCol);
    const first = preamble.length + 2;
    plan.validations = [{ range: `${letter}${first}:${letter}${first + rows.length - 1}`, list: columns[kindCol].list ?? [], strict: true }];
  }
  return plan;
}

/** The registry sheets (leaders, units, and proposals when there are any). */
export function buildRegistrySheets(registry: Registry): SheetPlan[] {
  const city = registry.city ? [`城市：${registry.city}`] : [];
  const leaders = registry.leaders.map((l) => [l.name, l.title ?? '', join(l.years), join(l.oversees), join(l.aliases)]);
  const units = registry.units.map((u) => [u.name, u.fullName ?? '', UNIT_KIND_LABELS[u.kind], join(u.aliases), join(u.abbreviations), join(u.years), join(u.renamedFrom)]);
  const sheets = [
    sheet(REGISTRY_SHEETS.leaders, LEADER_COLUMNS, leaders, REGISTRY_TABLES.leaders, [...city, '领导名录：分管单位、别名之间用“、”分隔；修改后重新校验即生效。']),
    sheet(REGISTRY_SHEETS.units, UNIT_COLUMNS, units, REGISTRY_TABLES.units, [...city, '单位名录：规范简称为表中应写的名称；全称不确定时留空。']),
  ];
  const proposals = registry.proposals ?? [];
  if (proposals.length) {
    const rows = proposals.map((p) => [p.kind, p.nameKind === 'leader' ? '领导' : '单位', join(p.names), p.reason, p.score, p.note]);
    sheets.push({ ...sheet(REGISTRY_SHEETS.proposals, PROPOSAL_COLUMNS, rows, REGISTRY_TABLES.proposals, ['以下为自动生成的建议，未应用到名录；请核实后在名录中手工修改。']), role: 'other' });
  }
  return sheets;
}

type Rows = readonly (readonly CellValue[])[];

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : typeof v === 'object' ? ('date' in v ? v.date : '') : String(v)).trim();

/** Splits a list cell on 、，,;； and line breaks, except inside brackets (各镇（区、街道） is one name). */
function list(v: CellValue | undefined): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text(v)) {
    if ('（(【['.includes(ch)) depth += 1;
    if ('）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、,，;；\n'.includes(ch)) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return [...new Set(out.filter(Boolean))];
}
const years = (v: CellValue | undefined): number[] => [...new Set((text(v).match(/\d{4}/g) ?? []).map(Number))].sort((a, b) => a - b);

/** Finds the header row (the first row holding the first column's header) and maps headers to keys. */
function readTable(rows: Rows, columns: ColumnPlan[]): { preamble: string[]; records: Record<string, CellValue>[] } {
  const first = rows.findIndex((r) => r.some((c) => text(c) === columns[0].header));
  if (first < 0) return { preamble: [], records: [] };
  const header = rows[first].map(text);
  const keyAt = header.map((h) => columns.find((c) => c.header === h)?.key);
  const records = rows
    .slice(first + 1)
    .filter((r) => r.some((c) => text(c)))
    .map((r) => Object.fromEntries(keyAt.map((k, i) => [k, r[i] ?? null]).filter(([k]) => k)) as Record<string, CellValue>);
  return { preamble: rows.slice(0, first).map((r) => r.map(text).join('')), records };
}

function kindOf(label: string): UnitKind {
  const hit = UNIT_KINDS.find((k) => UNIT_KIND_LABELS[k] === label || k === label);
  return hit ?? 'department';
}

/** Rows of the 名录 and 单位名录 sheets (header row included, preamble allowed) back to a registry. */
export function registryFromSheetRows(sheets: { leaders: Rows; units: Rows }): Registry {
  const l = readTable(sheets.leaders, LEADER_COLUMNS);
  const u = readTable(sheets.units, UNIT_COLUMNS);
  const leaders = l.records.filter((r) => text(r.name)).map((r): RegistryLeader => {
    const leader: RegistryLeader = { name: text(r.name), years: years(r.years), oversees: list(r.oversees), aliases: list(r.aliases) };
    if (text(r.title)) leader.title = text(r.title);
    return leader;
  });
  const units = u.records.filter((r) => text(r.name)).map((r): RegistryUnit => ({
    name: text(r.name),
    fullName: text(r.fullName),
    aliases: list(r.aliases),
    abbreviations: list(r.abbreviations),
    kind: kindOf(text(r.kind)),
    years: years(r.years),
    renamedFrom: list(r.renamedFrom),
  }));
  const city = [...l.preamble, ...u.preamble].map((p) => /^城市[:：]\s*(\S+)/.exec(p)?.[1]).find(Boolean);
  return city ? { version: 1, city, leaders, units } : { version: 1, leaders, units };
}

/** The registry from a host's used ranges (or an .xlsx read into ranges); null when the sheets are absent. */
export function readRegistryFromUsedRanges(ranges: readonly UsedRange[]): Registry | null {
  const leaders = ranges.find((r) => r.sheet === REGISTRY_SHEETS.leaders);
  const units = ranges.find((r) => r.sheet === REGISTRY_SHEETS.units);
  if (!leaders && !units) return null;
  return registryFromSheetRows({ leaders: leaders?.values ?? [], units: units?.values ?? [] });
}
