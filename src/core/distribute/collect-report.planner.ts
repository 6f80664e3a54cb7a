/** The 汇总记录 sheet of a merged workbook: every applied change and every problem, one per row. */
import { SHEET_NAMES } from '../sheet/sheet-names';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { CellValue } from '../sheet/cell-value';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';
import { TRACKING_HEADERS, type CollectResult } from './collect.merger';

export const COLLECT_SHEET = SHEET_NAMES.collectReport;

const COLUMNS: ColumnPlan[] = [
  { key: 'kind', header: '类型', width: 22, kind: 'text' },
  { key: 'severity', header: '级别', width: 8, kind: 'text' },
  { key: 'file', header: '文件', width: 24, kind: 'text' },
  { key: 'unit', header: '单位', width: 14, kind: 'text' },
  { key: 'id', header: '编号', width: 12, kind: 'text' },
  { key: 'field', header: '字段', width: 12, kind: 'text' },
  { key: 'from', header: '原值', width: 28, kind: 'text', wrap: true },
  { key: 'to', header: '新值 / 填报值', width: 28, kind: 'text', wrap: true },
  { key: 'message', header: '说明', width: 60, kind: 'text', wrap: true },
];

const SEVERITY_ZH = { error: '冲突', warning: '注意', info: '信息' } as const;

export function planCollectSheet(result: CollectResult): SheetPlan {
  const rows: CellValue[][] = [];
  for (const f of result.findings) {
    const header = f.field && f.field in TRACKING_HEADERS ? TRACKING_HEADERS[f.field as keyof typeof TRACKING_HEADERS] : (f.field ?? '');
    const to = f.values ? f.values.map((v) => `${v.unit}：${v.value || '（空）'}`).join('\n') : (f.value ?? '');
    rows.push([f.code, SEVERITY_ZH[f.severity], f.file ?? '', f.unit ?? '', f.id ?? '', header, f.values ? (f.value ?? '') : '', to, f.message]);
  }
  for (const a of result.applied) {
    rows.push(['applied', '已采用', a.file, a.unit, a.id, TRACKING_HEADERS[a.field], a.from, a.to, `已采用 ${a.unit} 的填报`]);
  }
  const accepted = result.files.filter((f) => f.accepted).length;
  const preamble = [`汇总：采用 ${result.applied.length} 处修改，问题 ${result.findings.length} 条；文件 ${result.files.length} 个（接受 ${accepted} 个）`];
  return planListSheet({ name: COLLECT_SHEET, role: 'other', preamble, columns: COLUMNS, rows, table: '汇总记录表' });
}
