/**
 * The 校验 sheet: one row per finding group (the same wrong value in many rows is one row), with a
 * decision column the person fills in and the value to apply. People read labels (问题, 栏目); the
 * code and group key sit in the last two columns for machines.
 */
import { SHEET_NAMES } from '../sheet/sheet-names';
import { codeLabel, fieldLabel } from '../model/code-labels.formatter';
import type { Finding, MatchReason } from '../model/records.model';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import { groupFindings, type FindingGroup } from './finding-groups';

export const FINDINGS_SHEET = SHEET_NAMES.findings;
export const DECISIONS = ['待处理', '采纳建议', '保留原值', '已手工修改'] as const;
export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;
export const REASON_LABELS: Record<MatchReason, string> = {
  exact: '完全一致',
  normalised: '规范写法',
  alias: '别名/全称',
  abbreviation: '简称',
  homophone: '同音',
  'near-form': '形近/错字',
  split: '连写拆分',
  joined: '断行合并',
};

const COLUMNS: ColumnPlan[] = [
  { key: 'no', header: '序号', width: 6, kind: 'number' },
  { key: 'severity', header: '级别', width: 6, kind: 'text' },
  { key: 'label', header: '问题', width: 20, kind: 'text' },
  { key: 'field', header: '栏目', width: 12, kind: 'text' },
  { key: 'value', header: '原值', width: 18, kind: 'text', wrap: true },
  { key: 'suggestion', header: '建议值', width: 18, kind: 'text', wrap: true },
  { key: 'reason', header: '依据', width: 10, kind: 'text' },
  { key: 'score', header: '把握', width: 7, kind: 'number', numberFormat: '0.00' },
  { key: 'others', header: '其他候选', width: 20, kind: 'text', wrap: true },
  { key: 'count', header: '出现次数', width: 8, kind: 'number' },
  { key: 'cells', header: '位置', width: 30, kind: 'text', wrap: true },
  { key: 'message', header: '说明', width: 44, kind: 'text', wrap: true },
  { key: 'decision', header: '处理', width: 10, kind: 'list', list: [...DECISIONS], editable: true },
  { key: 'applied', header: '采用值', width: 18, kind: 'text', editable: true },
  // For machines (readFindingDecisions, scripts), last: the stable code and the group key.
  { key: 'code', header: '代码', width: 14, kind: 'text' },
  { key: 'key', header: '分组键', width: 10, kind: 'text' },
];

function positionsText(g: FindingGroup): string {
  const cells = g.positions.map((p) => p.cell ?? `表${p.table + 1}第${p.row + 1}项`);
  return cells.length > 12 ? `${cells.slice(0, 12).join('、')} 等 ${cells.length} 处` : cells.join('、');
}

function rowOf(g: FindingGroup, i: number): CellValue[] {
  const top = g.suggestions[0];
  return [
    i + 1,
    SEVERITY_LABELS[g.severity],
    codeLabel(g.code),
    g.positions[0]?.field ? fieldLabel(g.positions[0].field) : '',
    g.value,
    top?.value ?? '',
    top ? REASON_LABELS[top.reason] : '',
    top ? top.score : null,
    g.suggestions.slice(1, 4).map((s) => `${s.value}（${REASON_LABELS[s.reason]}）`).join('、'),
    Math.max(1, g.positions.length),
    positionsText(g),
    g.message,
    DECISIONS[0],
    '',
    g.code,
    g.key,
  ];
}

/** The 校验 sheet for findings (grouped here) or for groups already made. */
export function buildFindingSheet(findings: Finding[] | FindingGroup[]): SheetPlan {
  const groups = (findings.length > 0 && 'positions' in findings[0] ? findings : groupFindings(findings as Finding[])) as FindingGroup[];
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...groups].sort((a, b) => order[a.severity] - order[b.severity]);
  const rows = sorted.map(rowOf);
  const last = rows.length + 1;
  const plan = planListSheet({ name: FINDINGS_SHEET, role: 'findings', columns: COLUMNS, rows, table: '校验表', tableStyle: 'TableStyleLight1' });
  if (rows.length === 0) return { ...plan, preamble: ['未发现问题 / No findings'] };
  plan.validations = [{ range: `M2:M${last}`, list: [...DECISIONS], strict: true }];
  plan.conditionalFormats = [
    { kind: 'equals', range: `B2:B${last}`, value: SEVERITY_LABELS.error, fill: { color: '#F8CBAD' }, font: { color: '#9C0006' } },
    { kind: 'equals', range: `B2:B${last}`, value: SEVERITY_LABELS.warning, fill: { color: '#FFEB9C' } },
    { kind: 'equals', range: `B2:B${last}`, value: SEVERITY_LABELS.info, fill: { color: '#DDEBF7' } },
    { kind: 'equals', range: `M2:M${last}`, value: DECISIONS[0], font: { color: '#C00000', bold: true } },
  ];
  return plan;
}

export interface FindingDecision {
  key: string;
  decision: (typeof DECISIONS)[number];
  /** The value to apply: 采用值, or the suggestion when the person chose 采纳建议. */
  value: string;
}

/** Decisions a person made on the 校验 sheet (header row included); 待处理 rows are left out. */
export function readFindingDecisions(rows: readonly (readonly string[])[]): FindingDecision[] {
  const headerAt = rows.findIndex((r) => r.includes('分组键') && r.includes('处理'));
  if (headerAt < 0) return [];
  const header = rows[headerAt].map((h) => h.trim());
  const col = (h: string) => header.indexOf(h);
  const out: FindingDecision[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    const decision = (r[col('处理')] ?? '').trim() as FindingDecision['decision'];
    const key = (r[col('分组键')] ?? '').trim();
    if (!key || !DECISIONS.includes(decision) || decision === '待处理') continue;
    const value = decision === '采纳建议' ? (r[col('采用值')] ?? '').trim() || (r[col('建议值')] ?? '').trim() : (r[col('采用值')] ?? '').trim();
    out.push({ key, decision, value });
  }
  return out;
}
