/**
 * Conditional formats and list validations of a worksheet, in ECMA-376 form only: data bars are
 * the 2006 `<dataBar>` (no x14 extension, which some readers refuse and Excel may "repair"); a
 * list longer than Excel's 255-character inline limit is a reference to the hidden list sheet.
 */
import type { ConditionalFormatPlan, ListValidationPlan } from '../../core/index';
import { argb, type StyleSheet } from './xlsx-styles.builder';
import { escapeAttr, escapeText } from './xlsx-xml.codec';

/** Excel's limits on a validation's error title and message. */
const MAX_ERROR_TITLE = 32;
const MAX_ERROR = 225;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cfvo(value: number | undefined, fallback: 'min' | 'max'): string {
  return value === undefined ? `<cfvo type="${fallback}"/>` : `<cfvo type="num" val="${value}"/>`;
}

function ruleXml(rule: ConditionalFormatPlan, priority: number, styles: StyleSheet): string {
  switch (rule.kind) {
    case 'equals':
      return `<cfRule type="cellIs" dxfId="${styles.differential(rule.fill, rule.font)}" priority="${priority}" operator="equal"><formula>${escapeText(quoted(rule.value))}</formula></cfRule>`;
    case 'expression':
      return `<cfRule type="expression" dxfId="${styles.differential(rule.fill, rule.font)}" priority="${priority}"><formula>${escapeText(rule.formula.replace(/^=/, ''))}</formula></cfRule>`;
    case 'dataBar':
      return `<cfRule type="dataBar" priority="${priority}"><dataBar minLength="0" maxLength="100">${cfvo(rule.min, 'min')}${cfvo(rule.max, 'max')}<color rgb="${argb(rule.color)}"/></dataBar></cfRule>`;
    case 'colorScale': {
      const points = rule.midColor ? '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' : '<cfvo type="min"/><cfvo type="max"/>';
      const colors = [rule.minColor, ...(rule.midColor ? [rule.midColor] : []), rule.maxColor].map((c) => `<color rgb="${argb(c)}"/>`).join('');
      return `<cfRule type="colorScale" priority="${priority}"><colorScale>${points}${colors}</colorScale></cfRule>`;
    }
    default:
      return rule satisfies never;
  }
}

/** One `<conditionalFormatting>` per rule, priorities in plan order. */
export function conditionalFormatsXml(rules: ConditionalFormatPlan[], styles: StyleSheet): string {
  return rules.map((rule, i) => `<conditionalFormatting sqref="${escapeAttr(rule.range)}">${ruleXml(rule, i + 1, styles)}</conditionalFormatting>`).join('');
}

/** The inline form `"a,b,c"` when Excel accepts it, else null. */
export function inlineList(list: string[]): string | null {
  const inline = quoted(list.join(','));
  return inline.length <= 255 && !list.some((s) => s.includes(',') || s.includes('"')) ? inline : null;
}

function errorText(list: string[]): string {
  const text = `请从列表中选择：${list.slice(0, 10).join('、')}${list.length > 10 ? '…' : ''} / Choose a value from the list`;
  return text.length <= MAX_ERROR ? text : `${text.slice(0, MAX_ERROR - 1)}…`;
}

export function validationsXml(validations: ListValidationPlan[], listFormula: (list: string[]) => string): string {
  if (validations.length === 0) return '';
  const items = validations.map((v) => {
    const attrs = [
      'type="list"',
      `errorStyle="${v.strict ? 'stop' : 'warning'}"`,
      'allowBlank="1"',
      'showErrorMessage="1"',
      `errorTitle="${escapeAttr('输入无效 / Invalid entry'.slice(0, MAX_ERROR_TITLE))}"`,
      `error="${escapeAttr(errorText(v.list))}"`,
      `sqref="${escapeAttr(v.range)}"`,
    ];
    return `<dataValidation ${attrs.join(' ')}><formula1>${escapeText(listFormula(v.list))}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}
