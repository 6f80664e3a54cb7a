/**
 * 分发清单: which unit got which file, written beside the unit files (CSV for any tool, JSON for
 * programs) and as a sheet of the office's workbook. Collect does not need it — a return names its
 * unit inside the file — but a clerk sending sixty files does.
 */
import type { CellValue } from '../sheet/cell-value';
import { SHEET_NAMES } from '../sheet/sheet-names';
import { planListSheet } from '../workbook/list-sheet.planner';
import type { ColumnPlan, SheetPlan } from '../workbook/plan.model';

export interface SplitManifestEntry {
  unit: string;
  fileName: string;
  lead: number;
  cooperate: number;
  /** True when the file name got a number because another unit's name met it. */
  renamed: boolean;
}

export interface SplitManifest {
  year: number | null;
  source: string;
  createdAt: string;
  /** The split's identity, also in every unit file's state (split.splitId). */
  splitId: string;
  entries: SplitManifestEntry[];
}

export const SPLIT_MANIFEST_CSV = '分发清单.csv';
export const SPLIT_MANIFEST_JSON = '分发清单.json';

const HEADERS = ['单位', '文件', '牵头', '配合', '合计', '文件名调整'];

const COLUMNS: ColumnPlan[] = [
  { key: 'unit', header: '单位', width: 20, kind: 'text' },
  { key: 'file', header: '文件', width: 32, kind: 'text' },
  { key: 'lead', header: '牵头', width: 8, kind: 'number' },
  { key: 'cooperate', header: '配合', width: 8, kind: 'number' },
  { key: 'total', header: '合计', width: 8, kind: 'number' },
  { key: 'renamed', header: '文件名调整', width: 14, kind: 'text' },
];

function row(e: SplitManifestEntry): CellValue[] {
  return [e.unit, e.fileName, e.lead, e.cooperate, e.lead + e.cooperate, e.renamed ? '重名，已加序号' : ''];
}

/** One CSV field: quoted when needed; text a spreadsheet would take for a formula gets a leading '. */
function csvField(value: CellValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines. */
export function formatManifestCsv(manifest: SplitManifest): string {
  const lines = [HEADERS, ...manifest.entries.map(row)].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function formatManifestJson(manifest: SplitManifest): string {
  return `${JSON.stringify({ app: 'fenjie', kind: 'split-manifest', ...manifest }, null, 2)}\n`;
}

export function planManifestSheet(manifest: SplitManifest): SheetPlan {
  const preamble = [`分发清单：${manifest.entries.length} 个单位；来源 ${manifest.source}；生成 ${manifest.createdAt}；分发编号 ${manifest.splitId}`];
  return planListSheet({ name: SHEET_NAMES.splitManifest, role: 'other', preamble, columns: COLUMNS, rows: manifest.entries.map(row), table: '分发清单表' });
}
