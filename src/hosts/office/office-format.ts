/** Formats and conditional formats on Excel ranges, from the port's FormatSpec and plan rules. */
import type { ConditionalFormatPlan, FormatSpec } from '../../core';

/** Column width in characters → points (Excel: 8.43 characters = 64 px = 48 pt). */
export function charsToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

/** Style properties, for a single range or a multi-area RangeAreas alike. */
export function applyStyle(target: Excel.RangeFormat, format: FormatSpec): void {
  if (format.wrap !== undefined) target.wrapText = format.wrap;
  if (format.columnWidth !== undefined) target.columnWidth = charsToPoints(format.columnWidth);
  if (format.horizontalAlignment) target.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[format.horizontalAlignment];
  if (format.verticalAlignment) target.verticalAlignment = ({ top: 'Top', center: 'Center', bottom: 'Bottom' } as const)[format.verticalAlignment];
  if (format.font?.bold !== undefined) target.font.bold = format.font.bold;
  if (format.font?.italic !== undefined) target.font.italic = format.font.italic;
  if (format.font?.color) target.font.color = format.font.color;
  if (format.fill?.color) target.fill.color = format.fill.color;
}

/** One plan rule as an Excel conditional format (ExcelApi 1.6). */
export function addConditionalFormat(range: Excel.Range, rule: ConditionalFormatPlan): void {
  switch (rule.kind) {
    case 'equals': {
      const cf = range.conditionalFormats.add('CellValue');
      if (rule.fill) cf.cellValue.format.fill.color = rule.fill.color;
      if (rule.font?.color) cf.cellValue.format.font.color = rule.font.color;
      if (rule.font?.bold !== undefined) cf.cellValue.format.font.bold = rule.font.bold;
      cf.cellValue.rule = { formula1: `="${rule.value.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      return;
    }
    case 'expression': {
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
      if (rule.fill) cf.custom.format.fill.color = rule.fill.color;
      if (rule.font?.color) cf.custom.format.font.color = rule.font.color;
      if (rule.font?.bold !== undefined) cf.custom.format.font.bold = rule.font.bold;
      return;
    }
    case 'dataBar': {
      const cf = range.conditionalFormats.add('DataBar');
      cf.dataBar.barDirection = 'LeftToRight';
      cf.dataBar.positiveFormat.fillColor = rule.color;
      cf.dataBar.lowerBoundRule = rule.min === undefined ? { type: 'LowestValue' } : { type: 'Number', formula: String(rule.min) };
      cf.dataBar.upperBoundRule = rule.max === undefined ? { type: 'HighestValue' } : { type: 'Number', formula: String(rule.max) };
      return;
    }
    case 'colorScale': {
      const cf = range.conditionalFormats.add('ColorScale');
      cf.colorScale.criteria = {
        minimum: { formula: undefined, type: 'LowestValue', color: rule.minColor },
        ...(rule.midColor ? { midpoint: { formula: '50', type: 'Percentile', color: rule.midColor } } : {}),
        maximum: { formula: undefined, type: 'HighestValue', color: rule.maxColor },
      };
      return;
    }
  }
}
