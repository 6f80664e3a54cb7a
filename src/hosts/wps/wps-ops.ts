/**
 * One WriteOp in ET calls. Sheets are found by name through `Worksheets.Item(name)`; new and
 * copied sheets go to the end; freezing goes through ActiveWindow, so it activates the sheet
 * (the host puts the user's sheet back after the batch).
 */
import { FenjieError, type WriteOp, parseRange, type RangeRect } from '../../core/index';
import { resolveEtEnum, type EtApplicationLike, type EtWorkbookLike, type EtWorksheetLike } from './wps-api';
import { addConditionalFormat, applyFormat, createTable, setListValidation, setNote, type FormatContext } from './wps-format';
import { addChart } from './wps-chart';
import { writeValueBlock } from './wps-values';

export interface OpContext extends FormatContext {
  /** Set by an `activate` op, so the host does not put the old sheet back. */
  activated?: string;
}

export function workbookOf(app: EtApplicationLike): EtWorkbookLike {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new FenjieError('host-no-workbook', '请先在 WPS 表格中打开或新建一个工作簿', 'Open or create a workbook in WPS Spreadsheets first');
  return wb;
}

export function sheetNamed(app: EtApplicationLike, name: string): EtWorksheetLike {
  return workbookOf(app).Worksheets.Item(name);
}

export function lastSheet(app: EtApplicationLike): EtWorksheetLike {
  const sheets = workbookOf(app).Worksheets;
  return sheets.Item(sheets.Count);
}

export function visibilityValue(app: EtApplicationLike, visibility: 'visible' | 'hidden' | 'veryHidden'): number {
  return resolveEtEnum(app, visibility === 'visible' ? 'xlSheetVisible' : visibility === 'hidden' ? 'xlSheetHidden' : 'xlSheetVeryHidden');
}

/** Adds a sheet at the end and names it; returns it. */
export function addSheetAtEnd(app: EtApplicationLike, name: string): EtWorksheetLike {
  const sheet = workbookOf(app).Worksheets.Add(undefined, lastSheet(app));
  sheet.Name = name;
  return sheet;
}

function copySheet(app: EtApplicationLike, from: string, to: string): void {
  // Right after its source (as Excel places it), so a sheet restored from its copy keeps its place.
  const source = sheetNamed(app, from);
  source.Copy(undefined, source);
  const copy = workbookOf(app).Worksheets.Item(source.Index + 1);
  copy.Name = to;
  // A copy of a hidden sheet stays hidden in Excel; a backup the user cannot see is no backup.
  if (copy.Visible !== resolveEtEnum(app, 'xlSheetVisible') && copy.Visible !== true) copy.Visible = resolveEtEnum(app, 'xlSheetVisible');
}

function freeze(ctx: OpContext, ws: EtWorksheetLike, op: Extract<WriteOp, { op: 'freeze' }>): void {
  const { app } = ctx;
  if (ws.Visible !== resolveEtEnum(app, 'xlSheetVisible') && ws.Visible !== true) {
    ctx.degrade({ op: 'freeze', sheet: op.sheet, message: '隐藏的工作表无法冻结窗格，已跳过', messageEn: 'Cannot freeze panes on a hidden sheet; skipped' });
    return;
  }
  ws.Activate();
  const win = app.ActiveWindow;
  if (!win) throw new Error('WPS: no active window');
  win.FreezePanes = false;
  if (op.rows === 0 && op.cols === 0) return;
  if (win.ScrollRow !== undefined) win.ScrollRow = 1;
  if (win.ScrollColumn !== undefined) win.ScrollColumn = 1;
  win.SplitRow = op.rows;
  win.SplitColumn = op.cols;
  win.FreezePanes = true;
}

/** Applies one op; returns the cells whose values it changed (undefined: whole sheet or none). */
export function applyOp(ctx: OpContext, op: WriteOp): RangeRect | undefined {
  const { app } = ctx;
  switch (op.op) {
    case 'addSheet':
      addSheetAtEnd(app, op.sheet);
      return undefined;
    case 'deleteSheet':
      sheetNamed(app, op.sheet).Delete();
      return undefined;
    case 'renameSheet':
      sheetNamed(app, op.sheet).Name = op.to;
      return undefined;
    case 'copySheet':
      copySheet(app, op.sheet, op.to);
      return undefined;
    case 'setSheetVisibility':
      sheetNamed(app, op.sheet).Visible = visibilityValue(app, op.visibility);
      return undefined;
    case 'activate':
      sheetNamed(app, op.sheet).Activate();
      ctx.activated = op.sheet;
      return undefined;
    default:
      return applyRangeOp(ctx, sheetNamed(app, op.sheet), op);
  }
}

function applyRangeOp(ctx: OpContext, ws: EtWorksheetLike, op: WriteOp): RangeRect | undefined {
  switch (op.op) {
    case 'writeValues':
      return writeValueBlock(ws, parseRange(op.start), op.values);
    case 'clearRange':
      ws.Range(op.range).Clear();
      return parseRange(op.range);
    case 'createTable':
      createTable(ctx, ws, op);
      return undefined;
    case 'setListValidation':
      setListValidation(ctx, ws, op);
      return undefined;
    case 'addConditionalFormat':
      addConditionalFormat(ctx, ws, op.sheet, op.rule);
      return undefined;
    case 'clearConditionalFormats':
      ws.Range(op.range).FormatConditions.Delete();
      return undefined;
    case 'setFormat':
      applyFormat(ctx, ws.Range(op.range), op.format);
      return undefined;
    case 'setNote':
      setNote(ws, op.cell, op.text);
      return undefined;
    case 'merge':
      ws.Range(op.range).Merge();
      return parseRange(op.range);
    case 'unmerge':
      ws.Range(op.range).UnMerge();
      return undefined;
    case 'freeze':
      freeze(ctx, ws, op);
      return undefined;
    case 'addChart':
      addChart(ctx, ws, op);
      return undefined;
    default:
      throw new Error(`WPS: unknown write op ${(op as { op: string }).op}`);
  }
}
