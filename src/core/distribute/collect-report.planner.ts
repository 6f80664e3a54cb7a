/**
 * The 汇总记录 sheet of a merged workbook: every applied change and every problem, one per row, in
 * words a clerk reads (类型 as a label, progress with %, each unit with its role 牵头/配合); the stable
 * code is the last column, for machines.
 */
import { SHEET_NAMES } from '../sheet/sheet-names';
import { codeLabel } from '../model/code-labels.formatter';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import { showTracking, TRACKING_HEADERS, type AppliedChange, type CollectFinding, type CollectResult } from './collect.merger';
import { ROLE_COOPERATE } from './unit-assign';

export const COLLECT_SHEET = SHEET_NAMES.collectReport;
/** The code of an applied change's row (in the 代码 column). */
export const APPLIED_CODE = 'collect-applied';

const COLUMNS: ColumnPlan[] = [
  { key: 'kind', header: '类型', width: 18, kind: 'text' },
  { key: 'severity', header: '级别', width: 8, kind: 'text' },
  { key: 'file', header: '文件', width: 24, kind: 'text', wrap: true },
  { key: 'unit', header: '单位', width: 16, kind: 'text', wrap: true },
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'field', header: '字段', width: 12, kind: 'text' },
  { key: 'from', header: '原值', width: 28, kind: 'text', wrap: true },
  { key: 'to', header: '新值 / 填报值', width: 28, kind: 'text', wrap: true },
  { key: 'message', header: '说明', width: 60, kind: 'text', wrap: true },
  // The audit trail of each value: the exact file (its digest) and when it was collected.
  { key: 'digest', header: '文件摘要', width: 30, kind: 'text', wrap: true },
  { key: 'collectedAt', header: '收回时间', width: 20, kind: 'text' },
  { key: 'code', header: '代码', width: 22, kind: 'text' },
];

const SEVERITY_ZH = { error: '冲突', warning: '注意', info: '信息' } as const;
/** Fields where a 配合 unit's value stands for the whole task: worth the lead unit's look. */
const TASK_WIDE = new Set(['status', 'progress', 'deadline']);

function headerOf(field: string | undefined): string {
  return field && field in TRACKING_HEADERS ? TRACKING_HEADERS[field as keyof typeof TRACKING_HEADERS] : (field ?? '');
}

/** The digest and time cells of a row: the file(s) it names, looked up among the read files. */
function trailOf(time: string, byFile: Map<string, string>, files: string | undefined, digest?: string): CellValue[] {
  const found = digest ?? [...new Set((files ?? '').split('、').map((f) => byFile.get(f) ?? '').filter(Boolean))].join('、');
  return [found, time];
}

/** 2024-05-06T07:08:09.000Z → 2024-05-06 07:08:09 (UTC, as recorded). */
function showTime(iso: string | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '';
}

function findingRow(f: CollectFinding): CellValue[] {
  const field = f.field ?? '';
  const tracking = field in TRACKING_HEADERS;
  const show = (text: string): string => (tracking ? showTracking(field, text) : text);
  const to = f.values ? f.values.map((v) => `${v.role ? `${v.unit}（${v.role}）` : v.unit}：${show(v.value)}`).join('\n') : show(f.value ?? '');
  const from = f.from !== undefined ? show(f.from) : '';
  return [codeLabel(f.code), SEVERITY_ZH[f.severity], f.file ?? '', f.unit ?? '', f.id ?? '', headerOf(f.field), from, to, f.message];
}

function appliedRow(a: AppliedChange): CellValue[] {
  const units = a.unit.split('、');
  const roles = a.role?.split('、') ?? [];
  const who = units.map((u, i) => (roles[i] && roles[i] !== '—' ? `${u}（${roles[i]}）` : u)).join('、');
  // A 配合 unit's status, progress or deadline becomes the task's: say so, for the lead unit to check.
  const cooperating = TASK_WIDE.has(a.field) && roles.length > 0 && roles.every((r) => r === ROLE_COOPERATE);
  const message = cooperating ? `已采用 ${who} 的填报（配合单位；牵头单位未改此项，请核对）` : `已采用 ${who} 的填报`;
  return [codeLabel(APPLIED_CODE), cooperating ? SEVERITY_ZH.warning : '已采用', a.file, who, a.id, TRACKING_HEADERS[a.field], showTracking(a.field, a.from), showTracking(a.field, a.to), message];
}

export function planCollectSheet(result: CollectResult): SheetPlan {
  const byFile = new Map(result.files.map((f) => [f.file, f.digest ?? '']));
  const time = showTime(result.collectedAt);
  const rows: CellValue[][] = [
    ...result.findings.map((f) => [...findingRow(f), ...trailOf(time, byFile, f.file), f.code]),
    ...result.applied.map((a) => [...appliedRow(a), ...trailOf(time, byFile, a.file, a.digest), APPLIED_CODE]),
  ];
  const accepted = result.files.filter((f) => f.accepted).length;
  const preamble = [`汇总：采用 ${result.applied.length} 处修改，问题 ${result.findings.length} 条；文件 ${result.files.length} 个（接受 ${accepted} 个，未接受 ${result.files.length - accepted} 个）`];
  return planListSheet({ name: COLLECT_SHEET, role: 'other', preamble, columns: COLUMNS, rows, table: '汇总记录表' });
}
