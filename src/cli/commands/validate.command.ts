/** `fenjie validate FILE [--registry r.json] [--json]`: check names against the registry (名录). */
import {
  buildWorkbookPlan, groupFindings, locateCell, REASON_LABELS, SEVERITY_LABELS, summariseFindings, validateTables,
  type Finding, type FindingGroup,
} from '../../core/index';
import { parseArgs, usageError, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { readInput } from './workbook-output';
import { buildIndex, describeRegistry, loadRegistry } from './registry-input';

const USAGE = 'validate FILE [--registry registry.json] [--json] [--all]';
const MAX_GROUPS = 40;

export const command: Command = {
  summaryZh: '按名录校验负责人和单位名称（同音、形近、简称、连写……），给出建议',
  summaryEn: 'Check leader and unit names against the registry, with ranked suggestions',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv);
    if (positional.length !== 1) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const input = await readInput(positional[0]);
    const loaded = loadRegistry(typeof flags.registry === 'string' ? flags.registry : undefined, positional);
    const index = await buildIndex(loaded.registry);
    const layout = buildWorkbookPlan({ results: [input.result] }).layout;
    const findings = validateTables(input.result.tables, index, layout ? { cellAddress: (t, r, f) => locateCell(layout, t, r, f) } : {});
    const summary = summariseFindings(findings);
    const groups = groupFindings(findings);
    if (flags.json) io.out(JSON.stringify({ findings: findings.map(toJson), summary: { ...summary, groups: groups.length }, valid: summary.errors === 0, registry: loaded.origin }, null, 2));
    else io.out(formatHuman(input.result.source, describeRegistry(loaded, io.lang), groups, summary, io.lang, Boolean(flags.all)));
    return summary.errors > 0 ? 1 : 0;
  },
};

/** The stable JSON of one finding (docs/MODEL.md, "Validation JSON"): fields are added, never renamed. */
function toJson(f: Finding): Record<string, unknown> {
  return {
    code: f.code,
    severity: f.severity,
    table: f.table ?? null,
    row: f.row ?? null,
    field: f.field ?? null,
    value: f.value ?? null,
    suggestions: (f.suggestions ?? []).map((s) => ({ value: s.value, score: s.score, reason: s.reason, certain: Boolean(s.certain) })),
    cell: f.cell ?? null,
    message: f.message,
    messageEn: f.messageEn ?? null,
  };
}

function groupLine(g: FindingGroup, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const top = g.suggestions[0];
  const label = zh ? `[${SEVERITY_LABELS[g.severity]}]` : `[${g.severity}]`;
  const times = g.positions.length > 1 ? ` ×${g.positions.length}` : '';
  const arrow = top ? ` → ${top.value}（${zh ? REASON_LABELS[top.reason] : top.reason} ${top.score}）` : '';
  const where = g.positions.slice(0, 3).map((p) => p.cell ?? `${p.table + 1}:${p.row + 1}`).join(zh ? '、' : ', ');
  const more = g.positions.length > 3 ? (zh ? ` 等 ${g.positions.length} 处` : ` +${g.positions.length - 3}`) : '';
  const head = g.value ? `“${g.value}”${times}${arrow}` : '';
  return `  ${label} ${g.code.padEnd(20)} ${head}  ${where}${more}\n      ${zh ? g.message : g.messageEn ?? g.message}`;
}

function formatHuman(source: string, registry: string, groups: FindingGroup[], s: { errors: number; warnings: number; info: number }, lang: 'zh' | 'en', all: boolean): string {
  const zh = lang === 'zh';
  const lines = [zh ? `校验：${source}` : `Validating ${source}`, zh ? `名录：${registry}` : `Registry: ${registry}`];
  lines.push(zh ? `错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.info} 条（合并为 ${groups.length} 组，同一问题一次处理）` : `${s.errors} errors, ${s.warnings} warnings, ${s.info} info (${groups.length} groups; one decision fixes a group)`);
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...groups].sort((a, b) => order[a.severity] - order[b.severity] || a.code.localeCompare(b.code) || b.positions.length - a.positions.length);
  const shown = all ? sorted : sorted.slice(0, MAX_GROUPS);
  for (const g of shown) lines.push(groupLine(g, lang));
  if (shown.length < sorted.length) lines.push(zh ? `  ……另有 ${sorted.length - shown.length} 组，加 --all 查看全部` : `  ... ${sorted.length - shown.length} more groups; use --all`);
  if (s.errors === 0) lines.push(zh ? '没有错误。' : 'No errors.');
  return lines.join('\n');
}
