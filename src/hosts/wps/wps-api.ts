/**
 * Our own narrow view of the WPS ET (表格) JS API: only what the adapter touches.
 *
 * The ET object model is the VBA one, exposed synchronously to JavaScript (`window.Application`).
 * `et-jsapi-declare` (npm) is the reference we read these shapes from; we do not import it, because
 * its globals would leak into every file and it describes far more than we may rely on.
 *
 * Arrays: a multi-cell `Range.Value2` reads as a JS 2-D array (`rows[r][c]`, 0-based JS arrays; the
 * 1-based VBA SAFEARRAY is converted by the WPS JSA bridge) and is written the same way. A single
 * cell reads as a scalar. Empty cells read as `undefined` (some builds give `null` or ''), so
 * readers accept all three.
 */

/** A VBA collection: 1-based `.Item(i)`, or by name. Throws when the item does not exist. */
export interface EtCollection<T> {
  readonly Count: number;
  Item(index: number | string): T;
}

export interface EtFontLike {
  Color: number;
  Bold: boolean;
  Italic: boolean;
}

export interface EtInteriorLike {
  Color: number;
}

export interface EtValidationLike {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
  IgnoreBlank?: boolean;
  InCellDropdown?: boolean;
  ShowError?: boolean;
}

export interface EtFormatConditionLike {
  readonly Interior: EtInteriorLike;
  readonly Font: EtFontLike;
  StopIfTrue?: boolean;
}

export interface EtConditionValueLike {
  Modify(Type: number, Value?: number): void;
}

export interface EtDatabarLike {
  readonly BarColor: { Color: number };
  readonly MinPoint: EtConditionValueLike;
  readonly MaxPoint: EtConditionValueLike;
}

export interface EtColorScaleCriterionLike {
  Type: number;
  Value?: number;
  readonly FormatColor: { Color: number };
}

export interface EtColorScaleLike {
  readonly ColorScaleCriteria: EtCollection<EtColorScaleCriterionLike>;
}

export interface EtFormatConditionsLike extends EtCollection<EtFormatConditionLike> {
  Add(Type: number, Operator?: number, Formula1?: string, Formula2?: string): EtFormatConditionLike;
  /** Missing in some WPS builds; the adapter reports data bars as unsupported then. */
  AddDatabar?(): EtDatabarLike;
  AddColorScale?(ColorScaleType: number): EtColorScaleLike;
  Delete(): void;
}

export interface EtCommentLike {
  Delete(): void;
  Text(Text?: string): string;
}

export interface EtRangeLike {
  Value2: unknown;
  Formula: unknown;
  readonly Text: unknown;
  NumberFormat: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** true, false, or null when the range is partly merged. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRangeLike;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  readonly Interior: EtInteriorLike;
  readonly Font: EtFontLike;
  WrapText: unknown;
  ColumnWidth: unknown;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  readonly Validation: EtValidationLike;
  readonly FormatConditions: EtFormatConditionsLike;
  readonly Comment: EtCommentLike | null | undefined;
  AddComment(Text?: string): EtCommentLike;
  AutoFilter(...args: unknown[]): unknown;
  Clear(): unknown;
  ClearContents(): unknown;
  Select(): unknown;
  /** Position in points from the sheet's top-left corner (used to place charts). */
  readonly Left?: number;
  readonly Top?: number;
}

export interface EtChartLike {
  SetSourceData(Source: EtRangeLike, PlotBy?: number): void;
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
}

export interface EtChartObjectLike {
  readonly Chart: EtChartLike;
}

export interface EtChartObjectsLike extends EtCollection<EtChartObjectLike> {
  Add(Left: number, Top: number, Width: number, Height: number): EtChartObjectLike;
}

export interface EtListObjectLike {
  Name: string;
  TableStyle: unknown;
}

export interface EtListObjectsLike extends EtCollection<EtListObjectLike> {
  Add(SourceType?: number, Source?: EtRangeLike | string, LinkSource?: unknown, XlListObjectHasHeaders?: number): EtListObjectLike;
}

export interface EtWorksheetLike {
  Name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden (some builds answer true/false). */
  Visible: number | boolean;
  readonly Index: number;
  Range(address: string): EtRangeLike;
  readonly UsedRange: EtRangeLike;
  readonly ListObjects?: EtListObjectsLike;
  /** Embedded charts; a method in the VBA model (ChartObjects() gives the collection). */
  ChartObjects?(): EtChartObjectsLike;
  /** True when the sheet already has its one AutoFilter (Range.AutoFilter() would toggle it off). */
  readonly AutoFilterMode?: boolean;
  Activate(): unknown;
  Delete(): unknown;
  Copy(Before?: EtWorksheetLike, After?: EtWorksheetLike): void;
}

export interface EtWorksheetsLike extends EtCollection<EtWorksheetLike> {
  Add(Before?: EtWorksheetLike, After?: EtWorksheetLike, Count?: number, Type?: number): EtWorksheetLike;
}

export interface EtWorkbookLike {
  readonly Name?: string;
  readonly Worksheets: EtWorksheetsLike;
}

export interface EtWindowLike {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow?: number;
  ScrollColumn?: number;
}

export interface EtCustomTaskpaneLike {
  readonly ID: number;
  Visible: boolean;
  DockPosition?: number;
  Width?: number;
  Delete?(): void;
  Navigate?(url: string): void;
}

export type EtEventHandler = (...args: unknown[]) => void;

export interface EtApiEventLike {
  AddApiEventListener(name: string, handler: EtEventHandler | string): void;
  RemoveApiEventListener(name: string, handler?: EtEventHandler | string): void;
}

export interface EtApplicationLike {
  readonly Workbooks?: { readonly Count: number };
  readonly ActiveWorkbook: EtWorkbookLike | null | undefined;
  readonly ActiveSheet: EtWorksheetLike | null | undefined;
  readonly ActiveWindow: EtWindowLike | null | undefined;
  ScreenUpdating?: boolean;
  EnableEvents?: boolean;
  DisplayAlerts?: boolean;
  readonly Build?: string | number;
  readonly Version?: string | number;
  /** WPS's own enum table; missing in older builds, hence our fallback table. */
  Enum?: Record<string, number>;
  ApiEvent?: EtApiEventLike;
  CreateTaskPane?(url: string, title?: string): EtCustomTaskpaneLike;
  /** Older spelling found in some builds and samples. */
  CreateTaskpane?(url: string, title?: string): EtCustomTaskpaneLike;
  GetTaskPane?(id: number): EtCustomTaskpaneLike;
  PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

/**
 * Numeric enum values from the VBA object model. WPS exposes `Application.Enum` in newer builds
 * only; where it exists we prefer it, else these values (they match Excel's and et-jsapi-declare's).
 */
export const ET_ENUM_FALLBACK = {
  xlSheetVisible: -1,
  xlSheetHidden: 0,
  xlSheetVeryHidden: 2,
  xlCellValue: 1,
  xlExpression: 2,
  xlColorScale: 3,
  xlDatabar: 4,
  xlBetween: 1,
  xlEqual: 3,
  xlValidateList: 3,
  xlValidAlertStop: 1,
  xlValidAlertWarning: 2,
  xlValidAlertInformation: 3,
  xlSrcRange: 1,
  xlYes: 1,
  xlHAlignLeft: -4131,
  xlHAlignCenter: -4108,
  xlHAlignRight: -4152,
  xlVAlignTop: -4160,
  xlVAlignCenter: -4108,
  xlVAlignBottom: -4107,
  xlConditionValueNumber: 0,
  xlConditionValueLowestValue: 1,
  xlConditionValueHighestValue: 2,
  xlConditionValuePercentile: 5,
  xlColumnClustered: 51,
  xlBarClustered: 57,
  xlPie: 5,
  xlColumns: 2,
  msoCTPDockPositionLeft: 0,
  msoCTPDockPositionRight: 2,
} as const;

export type EtEnumName = keyof typeof ET_ENUM_FALLBACK;

/** The numeric value of an ET enum member: the host's own table first, our fallback second. */
export function resolveEtEnum(app: Pick<EtApplicationLike, 'Enum'>, name: EtEnumName): number {
  const own = app.Enum?.[name];
  return typeof own === 'number' ? own : ET_ENUM_FALLBACK[name];
}
