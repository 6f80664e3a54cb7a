/**
 * The columns of the two attachment tables and their widths. Widths follow the content: name
 * columns as wide as the longest name, category columns narrow (their text wraps), and the
 * remaining width to the text columns (内容和要求 widest).
 */
import type { ParsedTable, ProjectRecord, TaskRecord } from '../model/records.model';

type AnyRecord = TaskRecord | ProjectRecord;
export type ColumnRole = 'merge' | 'names' | 'text' | 'number';

export interface DocxColumn {
  header: string;
  role: ColumnRole;
  align: 'center' | 'both';
  /** The cell's paragraphs for a record. */
  paragraphs: (r: AnyRecord) => string[];
  /** For merge columns: rows with the same key (non-empty value) merge vertically. */
  mergeKey?: (r: AnyRecord) => string;
  /** For text columns: share of the remaining width. */
  share?: number;
  /** For merge columns: at most this many characters per line. */
  maxChars?: number;
  /** For merge columns: the number of lines a typical value may take. */
  lines?: number;
  minChars?: number;
}

const task = (r: AnyRecord): TaskRecord => r as TaskRecord;
const project = (r: AnyRecord): ProjectRecord => r as ProjectRecord;

function lines(text: string): string[] {
  if (!text) return [];
  return text.includes('\n') ? text.split(/\r?\n/) : [text];
}

function key(...parts: (string | number | null)[]): string {
  return parts.map((p) => String(p ?? '')).join('\u0001');
}

const nameColumns = (leaderHeader: string): DocxColumn[] => [
  { header: leaderHeader, role: 'names', align: 'center', paragraphs: (r) => r.leaders, minChars: 3, maxChars: 4 },
  { header: '主要责任单位', role: 'names', align: 'center', paragraphs: (r) => r.leadUnits, minChars: 3, maxChars: 7 },
  { header: '相关单位', role: 'names', align: 'center', paragraphs: (r) => r.relatedUnits, minChars: 4, maxChars: 7 },
];

export function columnsFor(table: ParsedTable): DocxColumn[] {
  if (table.kind === 'tasks') {
    return [
      { header: '门类', role: 'merge', align: 'center', paragraphs: (r) => lines(r.category), mergeKey: (r) => (r.category ? key(r.category) : ''), minChars: 2, maxChars: 5 },
      { header: '项目', role: 'merge', align: 'center', paragraphs: (r) => lines(task(r).item), mergeKey: (r) => (task(r).item ? key(r.category, task(r).item) : ''), minChars: 6, maxChars: 8, lines: 2 },
      { header: '内容和要求', role: 'text', align: 'both', paragraphs: (r) => lines(task(r).content), share: 1 },
      ...nameColumns('负责人'),
    ];
  }
  const year = table.year;
  return [
    { header: '序号', role: 'number', align: 'center', paragraphs: (r) => (project(r).no === null ? [] : [String(project(r).no)]), mergeKey: (r) => (project(r).no === null ? '' : key(r.category, project(r).no)) },
    { header: '分类', role: 'merge', align: 'center', paragraphs: (r) => lines(r.category), mergeKey: (r) => (r.category ? key(r.category) : ''), minChars: 2, maxChars: 3 },
    { header: '项目名称', role: 'merge', align: 'center', paragraphs: (r) => lines(project(r).name), mergeKey: (r) => (project(r).name ? key(r.category, project(r).no, project(r).name) : ''), minChars: 4, maxChars: 7 },
    { header: '主要建设内容', role: 'text', align: 'both', paragraphs: (r) => lines(project(r).content), share: 0.62 },
    { header: year ? `${year}年工作任务` : '年度工作任务', role: 'text', align: 'both', paragraphs: (r) => lines(project(r).task), share: 0.38 },
    ...nameColumns('负责人'),
  ];
}

/** Cell padding left + right, twips. */
export const CELL_PADDING = 2 * 85;

function charsFor(column: DocxColumn, rows: AnyRecord[]): number {
  const headerChars = Math.ceil(column.header.length / 2);
  if (column.role === 'number') return Math.max(2, headerChars);
  let longest = 0;
  const lengths: number[] = [];
  for (const r of rows) {
    const paragraphs = column.paragraphs(r);
    for (const p of paragraphs) longest = Math.max(longest, p.length);
    if (column.role === 'merge') lengths.push(paragraphs.join('').length);
  }
  // Names keep one per line up to maxChars; a longer unit name wraps.
  if (column.role === 'names') {
    const chars = Math.min(Math.max(longest, column.minChars ?? 3), column.maxChars ?? 7);
    // A header such as 主要责任单位 either fits on one line or breaks in the middle, never 5 + 1.
    return chars > column.header.length / 2 + 1 ? Math.max(chars, column.header.length) : Math.max(chars, headerChars);
  }
  // Merge columns: a typical (90th percentile) value takes about `lines` lines.
  lengths.sort((a, b) => a - b);
  const typical = lengths.length ? lengths[Math.floor(lengths.length * 0.9)] : 0;
  return Math.min(Math.max(Math.ceil(typical / (column.lines ?? 3)), column.minChars ?? 2, headerChars), column.maxChars ?? 8);
}

/** Column widths in twips summing to `total`; text columns share what the others leave. */
export function computeWidths(columns: DocxColumn[], rows: AnyRecord[], total: number, pt: number): number[] {
  const charTwips = pt * 20;
  const widthOf = (chars: number): number => Math.round(chars * charTwips + CELL_PADDING + charTwips * 0.3);
  const fixed = columns.map((c) => (c.role === 'text' ? 0 : widthOf(charsFor(c, rows))));
  const floor = columns.map((c) => (c.role === 'text' ? 0 : widthOf(c.role === 'number' ? 2 : (c.minChars ?? 2))));
  const shares = columns.map((c) => (c.role === 'text' ? (c.share ?? 1) : 0));
  const shareSum = shares.reduce((a, b) => a + b, 0) || 1;
  let fixedSum = fixed.reduce((a, b) => a + b, 0);
  // The text columns keep at least 40 % (one text column) or 50 % (two) of the width.
  const textColumns = columns.filter((c) => c.role === 'text').length;
  const maxFixed = Math.round(total * (textColumns > 1 ? 0.5 : 0.6));
  const scale = fixedSum > maxFixed ? maxFixed / fixedSum : 1;
  const widths = fixed.map((w, i) => Math.max(floor[i], Math.round(w * scale)));
  fixedSum = widths.reduce((a, b) => a + b, 0);
  const rest = total - fixedSum;
  let assigned = 0;
  const textIndexes = shares.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0);
  textIndexes.forEach((i, n) => {
    widths[i] = n === textIndexes.length - 1 ? rest - assigned : Math.round((rest * shares[i]) / shareSum);
    assigned += widths[i];
  });
  return widths;
}
