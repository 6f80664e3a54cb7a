/** Draws the formatting parts of a SheetPlan onto an ExcelJS worksheet. */
import type ExcelJS from 'exceljs';
import { parseRangeAddress, type CellStylePlan, type ConditionalFormatPlan, type Fill, type FontStyle, type ListValidationPlan } from '../../core/index';

/** '#RRGGBB' → 'FFRRGGBB'. */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0')}`;
}

function dxfStyle(fill?: Fill, font?: FontStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(fill.color) }, fgColor: { argb: argb(fill.color) } };
  if (font) style.font = { color: font.color ? { argb: argb(font.color) } : undefined, bold: font.bold, italic: font.italic };
  return style;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function toRule(rule: ConditionalFormatPlan, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (rule.kind) {
    case 'equals':
      return { type: 'cellIs', operator: 'equal', formulae: [quoted(rule.value)], style: dxfStyle(rule.fill, rule.font), priority };
    case 'expression':
      return { type: 'expression', formulae: [rule.formula], style: dxfStyle(rule.fill, rule.font), priority };
    case 'dataBar':
      // ExcelJS pairs the rule with its Excel 2010 (x14) extension, linked by id; the classic
      // rule alone (gradient: true) would carry an empty x14:id reference Excel may refuse.
      return {
        type: 'dataBar',
        gradient: false,
        minLength: 0,
        maxLength: 100,
        cfvo: [rule.min === undefined ? { type: 'min' } : { type: 'num', value: rule.min }, rule.max === undefined ? { type: 'max' } : { type: 'num', value: rule.max }],
        color: { argb: argb(rule.color) },
        priority,
      } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'colorScale': {
      const cfvo = rule.midColor ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }] : [{ type: 'min' }, { type: 'max' }];
      const color = [rule.minColor, ...(rule.midColor ? [rule.midColor] : []), rule.maxColor].map((c) => ({ argb: argb(c) }));
      return { type: 'colorScale', cfvo, color, priority } as unknown as ExcelJS.ConditionalFormattingRule;
    }
    default:
      return rule satisfies never;
  }
}

export function addConditionalFormats(ws: ExcelJS.Worksheet, rules: ConditionalFormatPlan[]): void {
  rules.forEach((rule, i) => ws.addConditionalFormatting({ ref: rule.range, rules: [toRule(rule, i + 1)] }));
}

/** A list longer than Excel's 255-character inline limit goes to a hidden list sheet. */
export function addListValidations(ws: ExcelJS.Worksheet, validations: ListValidationPlan[], listSource: (list: string[]) => string): void {
  for (const v of validations) {
    const inline = `"${v.list.map((s) => s.replace(/"/g, '""')).join(',')}"`;
    const formula = inline.length <= 255 && !v.list.some((s) => s.includes(',')) ? inline : listSource(v.list);
    (ws as unknown as { dataValidations: { add(range: string, value: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      // ECMA-376 ST_DataValidationErrorStyle is stop | warning | information ('error' made openpyxl refuse the file).
      errorStyle: v.strict ? 'stop' : 'warning',
      errorTitle: '输入无效 / Invalid entry',
      error: `请从列表中选择：${v.list.slice(0, 10).join('、')}${v.list.length > 10 ? '…' : ''} / Choose a value from the list`,
    });
  }
}

type Style = Partial<ExcelJS.Style>;

/** The cell's style with the plan's font and fill laid over it. */
function overlayStyle(base: Style, style: CellStylePlan): Style {
  const out: Style = { ...base };
  if (style.font) {
    out.font = { ...(base.font ?? {}), color: style.font.color ? { argb: argb(style.font.color) } : base.font?.color, bold: style.font.bold ?? base.font?.bold, italic: style.font.italic ?? base.font?.italic };
  }
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill.color) } };
  return out;
}

/**
 * Fonts, fills on every cell of the range; the note goes on the range's top-left cell. Cells with
 * the same base style and the same plan style share one style object: ExcelJS then registers it
 * once (by identity) instead of serialising a copy per cell.
 */
export function applyCellStyles(ws: ExcelJS.Worksheet, styles: CellStylePlan[]): void {
  const shared = new Map<string, WeakMap<object, Style>>();
  for (const style of styles) {
    const range = parseRangeAddress(style.range);
    if (!range) continue;
    const key = JSON.stringify([style.font ?? null, style.fill ?? null]);
    let byBase = shared.get(key);
    if (!byBase) shared.set(key, (byBase = new WeakMap()));
    for (let r = range.firstRow; r <= range.lastRow; r += 1) {
      for (let c = range.firstCol; c <= range.lastCol; c += 1) {
        const cell = ws.getCell(r, c);
        const base = cell.style as Style;
        let next = byBase.get(base);
        if (!next) byBase.set(base, (next = overlayStyle(base, style)));
        cell.style = next as ExcelJS.Style;
      }
    }
    if (style.note) ws.getCell(range.firstRow, range.firstCol).note = style.note;
  }
}
