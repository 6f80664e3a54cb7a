/**
 * Formats, conditional formats, dropdowns, tables and notes in ET terms: numeric enums through
 * `resolveEtEnum`, colours in BGR. Anything WPS cannot do is done another way and reported as
 * `degraded` instead of failing the batch.
 */
import { formatRange, parseRange } from '../../core/index';
import type { ConditionalFormatPlan, FormatSpec, WriteOp } from '../../core/index';
import type { ApplyReport } from '../../core/index';
import { resolveEtEnum, type EtApplicationLike, type EtFormatConditionLike, type EtRangeLike, type EtWorksheetLike } from './wps-api';
import { toBgr } from './wps-color';

export type Degraded = ApplyReport['degraded'][number];

export interface FormatContext {
  app: EtApplicationLike;
  degrade(entry: Degraded): void;
  /** Set once ListObjects.Add has failed, so later tables go straight to the fallback. */
  tablesBroken: boolean;
}

/** Excel's list validation source is limited to 255 characters and cannot hold commas. */
export const MAX_LIST_FORMULA = 255;
const TABLE_HEADER_FILL = '#DDEBF7';

export function applyFormat(ctx: FormatContext, range: EtRangeLike, format: FormatSpec): void {
  const { app } = ctx;
  if (format.numberFormat !== undefined) range.NumberFormat = format.numberFormat;
  if (format.font?.color !== undefined) range.Font.Color = toBgr(format.font.color);
  if (format.font?.bold !== undefined) range.Font.Bold = format.font.bold;
  if (format.font?.italic !== undefined) range.Font.Italic = format.font.italic;
  if (format.fill) range.Interior.Color = toBgr(format.fill.color);
  if (format.wrap !== undefined) range.WrapText = format.wrap;
  if (format.columnWidth !== undefined) range.ColumnWidth = format.columnWidth;
  if (format.horizontalAlignment) {
    const name = ({ left: 'xlHAlignLeft', center: 'xlHAlignCenter', right: 'xlHAlignRight' } as const)[format.horizontalAlignment];
    range.HorizontalAlignment = resolveEtEnum(app, name);
  }
  if (format.verticalAlignment) {
    const name = ({ top: 'xlVAlignTop', center: 'xlVAlignCenter', bottom: 'xlVAlignBottom' } as const)[format.verticalAlignment];
    range.VerticalAlignment = resolveEtEnum(app, name);
  }
}

function styleCondition(condition: EtFormatConditionLike, rule: { fill?: { color: string }; font?: { color?: string; bold?: boolean } }): void {
  if (rule.fill) condition.Interior.Color = toBgr(rule.fill.color);
  if (rule.font?.color !== undefined) condition.Font.Color = toBgr(rule.font.color);
  if (rule.font?.bold !== undefined) condition.Font.Bold = rule.font.bold;
}

function quoteFormulaText(value: string): string {
  return `="${value.replace(/"/g, '""')}"`;
}

export function addConditionalFormat(ctx: FormatContext, ws: EtWorksheetLike, sheet: string, rule: ConditionalFormatPlan): void {
  const { app } = ctx;
  const conditions = ws.Range(rule.range).FormatConditions;
  if (rule.kind === 'equals') {
    const added = conditions.Add(resolveEtEnum(app, 'xlCellValue'), resolveEtEnum(app, 'xlEqual'), quoteFormulaText(rule.value));
    styleCondition(added, rule);
    return;
  }
  if (rule.kind === 'expression') {
    const formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
    styleCondition(conditions.Add(resolveEtEnum(app, 'xlExpression'), undefined, formula), rule);
    return;
  }
  if (rule.kind === 'dataBar') {
    if (typeof conditions.AddDatabar !== 'function') {
      ctx.degrade({ op: 'addConditionalFormat', sheet, message: `此版本 WPS 不支持数据条，${rule.range} 未加数据条`, messageEn: `This WPS has no data bars; none added to ${rule.range}` });
      return;
    }
    const bar = conditions.AddDatabar();
    bar.BarColor.Color = toBgr(rule.color);
    if (rule.min !== undefined) bar.MinPoint.Modify(resolveEtEnum(app, 'xlConditionValueNumber'), rule.min);
    if (rule.max !== undefined) bar.MaxPoint.Modify(resolveEtEnum(app, 'xlConditionValueNumber'), rule.max);
    return;
  }
  if (typeof conditions.AddColorScale !== 'function') {
    ctx.degrade({ op: 'addConditionalFormat', sheet, message: `此版本 WPS 不支持色阶，${rule.range} 未加色阶`, messageEn: `This WPS has no colour scales; none added to ${rule.range}` });
    return;
  }
  const colors = [rule.minColor, ...(rule.midColor ? [rule.midColor] : []), rule.maxColor];
  const scale = conditions.AddColorScale(colors.length);
  colors.forEach((color, i) => {
    scale.ColorScaleCriteria.Item(i + 1).FormatColor.Color = toBgr(color);
  });
}

export function setListValidation(ctx: FormatContext, ws: EtWorksheetLike, op: Extract<WriteOp, { op: 'setListValidation' }>): void {
  const { app } = ctx;
  const formula = op.list.join(',');
  if (formula.length > MAX_LIST_FORMULA || op.list.some((item) => item.includes(','))) {
    ctx.degrade({
      op: 'setListValidation',
      sheet: op.sheet,
      message: `下拉列表过长或含逗号，${op.range} 未加下拉`,
      messageEn: `Dropdown list too long or has commas; none added to ${op.range}`,
    });
    return;
  }
  const validation = ws.Range(op.range).Validation;
  validation.Delete();
  const alert = resolveEtEnum(app, op.strict ? 'xlValidAlertStop' : 'xlValidAlertWarning');
  validation.Add(resolveEtEnum(app, 'xlValidateList'), alert, resolveEtEnum(app, 'xlBetween'), formula);
}

/** A ListObject where WPS can make one; else a bold, filled header row with AutoFilter. */
export function createTable(ctx: FormatContext, ws: EtWorksheetLike, op: Extract<WriteOp, { op: 'createTable' }>): void {
  const { app } = ctx;
  const range = ws.Range(op.range);
  let reason: string | undefined;
  if (!ctx.tablesBroken && ws.ListObjects && typeof ws.ListObjects.Add === 'function') {
    try {
      const table = ws.ListObjects.Add(resolveEtEnum(app, 'xlSrcRange'), range, undefined, resolveEtEnum(app, 'xlYes'));
      table.Name = op.name;
      if (op.style) table.TableStyle = op.style;
      return;
    } catch (error) {
      ctx.tablesBroken = true;
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  const rect = parseRange(op.range);
  const headerRange = ws.Range(formatRange({ ...rect, rows: 1 }));
  headerRange.Font.Bold = true;
  headerRange.Interior.Color = toBgr(TABLE_HEADER_FILL);
  // A sheet has one AutoFilter; calling AutoFilter() again would switch the first one off.
  const filtered = ws.AutoFilterMode !== true;
  if (filtered) range.AutoFilter();
  const why = reason === undefined ? '' : `WPS 无法创建表格对象（${reason}）：`;
  const whyEn = reason === undefined ? '' : `WPS could not create a table object (${reason}): `;
  ctx.degrade({
    op: 'createTable',
    sheet: op.sheet,
    message: `${why}「${op.sheet}」的表格改为${filtered ? '带筛选的' : '加粗的'}表头`,
    messageEn: `${whyEn}the table on "${op.sheet}" became a ${filtered ? 'filtered' : 'bold'} header row`,
  });
}

export function setNote(ws: EtWorksheetLike, cell: string, text: string): void {
  const range = ws.Range(cell);
  range.Comment?.Delete();
  range.AddComment(text);
}
