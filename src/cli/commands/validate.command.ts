/** `fenjie validate FILE [--registry R|default] [--json] [--all]`: check names against the registry (名录). */
import { checkDocumentCity, describeRegistry, indexRegistry, layoutWorkbook, REASON_LABELS, SEVERITY_LABELS, validateRecords, type Finding, type FindingGroup, type Validation } from '../../core/index';
import { JSON_OPTION, MAP_OPTION, parseArgs, REGISTRY_OPTION, usageError } from '../cli-args';
import type { CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import { chooseRegistryArg, readInputArg, readMapArg } from '../cli-input';
import { lazyPinyin } from '../cli-pinyin';
import type { Command } from '../command';

const USAGE = 'validate FILE [--registry R|default] [--json] [--all] [--map 表头=角色,…|mapping.json]';
const MAX_GROUPS = 40;

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, [REGISTRY_OPTION, JSON_OPTION, { name: 'all' }, MAP_OPTION]);
    if (positional.length !== 1) throw usageError(`用法：fenjie ${USAGE}`, `Usage: fenjie ${USAGE}`);
    const input = await readInputArg(positional[0], await readMapArg(flags));
    // Another city's document is checked against a registry built from itself, and told so.
    const city = checkDocumentCity(chooseRegistryArg(flags, [input]), [input.result]);
    const choice = city.choice;
    const tables = input.result.tables;
    // Addresses as the workbook convert writes would hold them.
    const layout = layoutWorkbook([input.result]);
    const validation = validateRecords({ tables, index: await indexRegistry(choice.registry, { pinyin: lazyPinyin }), layout, scope: 'all', dismissed: input.state?.dismissedFindings });
    const registryName = describeRegistry(choice, io.lang);
    if (flags.json) printJson(io, { findings: [...city.findings, ...validation.findings].map(toJson), summary: validation.summary, valid: validation.valid, registry: choice.name || choice.origin, city: city.city });
    else {
      for (const f of city.findings) io.out(io.lang === 'en' ? `Note [${f.code}]: ${f.messageEn ?? f.message}` : `注意 [${f.code}]：${f.message}`);
      io.out(formatHuman(input.result.source, registryName, validation, io.lang, Boolean(flags.all)));
    }
    return validation.valid ? 0 : 1;
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

function formatHuman(source: string, registry: string, validation: Validation, lang: 'zh' | 'en', all: boolean): string {
  const zh = lang === 'zh';
  const s = validation.summary;
  const lines = [zh ? `校验：${source}` : `Validating ${source}`, zh ? `名录：${registry}` : `Registry: ${registry}`];
  lines.push(zh ? `错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.info} 条（合并为 ${s.groups} 组，同一问题一次处理）` : `${s.errors} errors, ${s.warnings} warnings, ${s.info} info (${s.groups} groups; one decision fixes a group)`);
  if (s.dismissed) lines.push(zh ? `已忽略 ${s.dismissed} 组（工作簿中记录的决定）` : `${s.dismissed} groups dismissed (decisions kept in the workbook)`);
  const shown = all ? validation.groups : validation.groups.slice(0, MAX_GROUPS);
  for (const g of shown) lines.push(groupLine(g, lang));
  if (shown.length < validation.groups.length) lines.push(zh ? `  ……另有 ${validation.groups.length - shown.length} 组，加 --all 查看全部` : `  ... ${validation.groups.length - shown.length} more groups; use --all`);
  if (s.errors === 0) lines.push(zh ? '没有错误。' : 'No errors.');
  return lines.join('\n');
}
