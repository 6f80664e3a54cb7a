/** Classifies one name value of a row against the registry into a finding (or none). */
import type { Finding, NameField, Severity, Suggestion } from '../model/records.model';
import type { NameKind } from '../registry/registry.model';
import { findCertain, type RegistryIndex } from '../registry/registry-index.builder';
import { matchName, type MatchContext } from '../registry/name.matcher';
import { hasEdgeSpace, isPadded, normaliseName } from '../registry/name.normaliser';
import { isGenericUnitName } from '../registry/unit-kind';

export interface NameCheckInput {
  index: RegistryIndex;
  value: string;
  field: NameField;
  ctx: MatchContext;
  /** The table's year is outside the years the registry covers (e.g. a 2021 table, a 2023 registry). */
  outsideYears: boolean;
  /** The registry's years as text (2021—2023), for messages. */
  registryYears?: string;
  year: number | null;
}

export interface NameCheck {
  code: string;
  severity: Severity;
  message: string;
  messageEn: string;
  suggestions: Suggestion[];
  /** The next value in the cell is part of this one (joined). */
  consumesNext?: boolean;
}

const KIND_ZH: Record<NameKind, string> = { leader: '领导', unit: '单位' };

function check(code: string, severity: Severity, message: string, messageEn: string, suggestions: Suggestion[] = []): NameCheck {
  return { code, severity, message, messageEn, suggestions };
}

function checkCertain(input: NameCheckInput, kind: NameKind, top: Suggestion, suggestions: Suggestion[]): NameCheck | null {
  const { value, index } = input;
  if (top.reason === 'exact') return checkInactive(input, kind, top.value);
  if (top.reason === 'normalised') {
    const edge = hasEdgeSpace(value);
    const padded = edge || isPadded(value);
    const why = edge ? '（名称前后有空格）' : padded ? '（多余空格）' : '（写法不规范：全半角、括号、职务或备注）';
    const whyEn = edge ? ' (spaces before or after the name)' : '';
    return check(padded ? 'name-padded' : 'name-normalised', 'info', `“${value}”应写为“${top.value}”${why}`, `"${value}" should read "${top.value}"${whyEn}`, suggestions);
  }
  const unit = kind === 'unit' ? findCertain(index, value, 'unit')?.unit : undefined;
  if (unit?.renamedFrom.some((n) => normaliseName(n) === normaliseName(value))) {
    return check('unit-renamed', 'info', `“${value}”已更名为“${top.value}”`, `"${value}" was renamed "${top.value}"`, suggestions);
  }
  return check(`${kind}-alias`, 'info', `“${value}”是${KIND_ZH[kind]}“${top.value}”的别名或全称，规范写法为“${top.value}”`, `"${value}" is an alias of "${top.value}"`, suggestions);
}

function checkInactive(input: NameCheckInput, kind: NameKind, name: string): NameCheck | null {
  if (kind !== 'leader' || input.outsideYears || !input.year) return null;
  const years = findCertain(input.index, name, 'leader')?.leader?.years ?? [];
  if (years.length === 0 || years.includes(input.year)) return null;
  return check('leader-inactive', 'warning', `名录中“${name}”的任职年份为 ${years.join('、')}，不含 ${input.year} 年`, `The registry lists ${name} for ${years.join(', ')}, not ${input.year}`);
}

function checkSuggested(input: NameCheckInput, kind: NameKind, top: Suggestion, suggestions: Suggestion[]): NameCheck {
  const { value } = input;
  const to = `“${top.value}”`;
  switch (top.reason) {
    case 'split':
      return check('name-split', 'warning', `“${value}”疑为多个名称连写，应为 ${to}`, `"${value}" looks like names run together: ${top.value}`, suggestions);
    case 'joined':
      return { ...check('name-joined', 'warning', `“${value}”疑为被拆开的名称，应为 ${to}`, `"${value}" looks like part of ${top.value}`, suggestions), consumesNext: true };
    case 'abbreviation':
      if (kind === 'unit' && input.outsideYears) {
        return check('unit-renamed', 'warning', `“${value}”疑已更名或简称为 ${to}（名录年份不含本表年份）`, `"${value}" was probably renamed ${top.value}`, suggestions);
      }
      return check(`${kind}-abbreviation`, 'warning', `“${value}”疑为 ${to} 的简称，请确认`, `"${value}" looks like an abbreviation of ${top.value}`, suggestions);
    case 'alias':
      return check(`${kind}-alias`, 'warning', `“${value}”是多个${KIND_ZH[kind]}的别名（${suggestions.map((x) => x.value).join('、')}），请指定`, `"${value}" is an alias of several entries: ${suggestions.map((x) => x.value).join(', ')}`, suggestions);
    case 'homophone':
      return check(`${kind}-homophone`, 'error', `“${value}”不在名录中，疑为同音字，应为 ${to}`, `"${value}" is not in the registry; homophone of ${top.value}?`, suggestions);
    case 'near-form':
    default:
      return check(`${kind}-near-form`, 'error', `“${value}”不在名录中，疑为错字，应为 ${to}`, `"${value}" is not in the registry; did you mean ${top.value}?`, suggestions);
  }
}

function checkUnknown(input: NameCheckInput, kind: NameKind): NameCheck | null {
  const { value, index } = input;
  const other: NameKind = kind === 'leader' ? 'unit' : 'leader';
  const elsewhere = findCertain(index, value, other);
  if (elsewhere) {
    return check('name-wrong-field', 'error', `“${value}”是${KIND_ZH[other]}，不应出现在${KIND_ZH[kind]}栏`, `"${value}" is a ${other}, not a ${kind}`);
  }
  if (kind === 'unit' && isGenericUnitName(normaliseName(value))) return null;
  if (input.outsideYears) {
    const years = `名录年份为 ${input.registryYears ?? '其他年份'}，本表为 ${input.year ?? '—'} 年`;
    return kind === 'leader'
      ? check('leader-changed', 'warning', `“${value}”不在名录中（${years}），可能是人事变动`, `"${value}" is not in the registry of ${input.registryYears ?? 'another year'}: a change of leaders?`)
      : check('unit-unknown', 'warning', `“${value}”不在名录中（${years}），可能是机构调整`, `"${value}" is not in the registry of ${input.registryYears ?? 'another year'}`);
  }
  return check(`${kind}-unknown`, 'error', `“${value}”不在名录中`, `"${value}" is not in the registry`);
}

/** The finding for one value, or null when the value is right as written. */
export function checkName(input: NameCheckInput): NameCheck | null {
  const kind: NameKind = input.field === 'leaders' ? 'leader' : 'unit';
  if (!normaliseName(input.value)) return null;
  const suggestions = matchName(input.index, input.value, kind, input.ctx);
  const top = suggestions[0];
  if (!top) return checkUnknown(input, kind);
  if (top.certain) return checkCertain(input, kind, top, suggestions);
  const result = checkSuggested(input, kind, top, suggestions);
  // Against another year's registry a near name is as likely a change as a slip: ask, do not fail.
  return input.outsideYears && result.severity === 'error' ? { ...result, severity: 'warning' } : result;
}

export function toFinding(result: NameCheck, position: { table: number; row: number; field: string; value: string; cell?: string }): Finding {
  const finding: Finding = { code: result.code, severity: result.severity, message: result.message, messageEn: result.messageEn, ...position };
  if (result.suggestions.length) finding.suggestions = result.suggestions.slice(0, 5);
  return finding;
}
