/** Options of the official-format .docx export, with the GB/T 9704-2012 defaults. */
import { FenjieError } from '../errors';
import { HAO_PT, type HaoName } from './docx-xml';

export interface MarginsMm {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DocxFonts {
  /** Title (标题): 方正小标宋简体 per GB/T 9704; fontTable gives 宋体 as the alternate name. */
  title: string;
  /** Body and table text: 仿宋_GB2312; fontTable gives 仿宋 (what Windows 7+ ships) as the alternate. */
  body: string;
  /** 附件 label and table header: 黑体. */
  heading: string;
  /** Page numbers: 宋体. */
  pageNumber: string;
}

export interface DocxExportOptions {
  /** Size of the table text, a 号 name or points. Default 小四 (12 pt). */
  tableSize?: HaoName | number;
  /**
   * Margins of the landscape attachment pages in mm. Default: the portrait version turned so that the
   * table head lies on the binding edge of odd pages: top 28 (binding), bottom 26, left 35, right 37,
   * i.e. the same 225 × 156 mm text block.
   */
  landscapeMarginsMm?: Partial<MarginsMm>;
  /** Write the 通知 cover page when the notice is known. Default true. */
  cover?: boolean;
  /** Issuing organ line for the cover (发文机关标志, red), e.g. 太仓市人民政府文件. Optional. */
  issuer?: string;
  fonts?: Partial<DocxFonts>;
}

export interface ResolvedDocxOptions {
  tablePt: number;
  portrait: MarginsMm;
  landscape: MarginsMm;
  cover: boolean;
  issuer: string | null;
  fonts: DocxFonts;
}

/** GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm on A4 (210 × 297 mm). */
export const PORTRAIT_MARGINS_MM: MarginsMm = { top: 37, bottom: 297 - 37 - 225, left: 28, right: 210 - 28 - 156 };
export const LANDSCAPE_MARGINS_MM: MarginsMm = { top: 28, bottom: 210 - 28 - 156, left: 297 - 37 - 225, right: 37 };

export const DEFAULT_FONTS: DocxFonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', pageNumber: '宋体' };

/** Alternate names written to fontTable.xml (w:altName) so Word finds a font where the GB one is missing. */
export const FONT_ALTERNATES: Record<string, string> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  黑体: 'SimHei',
  宋体: 'SimSun',
};

export function resolveDocxOptions(options: DocxExportOptions = {}): ResolvedDocxOptions {
  const size = options.tableSize ?? '小四';
  const tablePt = typeof size === 'number' ? size : HAO_PT[size];
  if (!Number.isFinite(tablePt) || tablePt < 6 || tablePt > 42) {
    throw new FenjieError('export-table-size', `表格字号超出范围：${String(size)}`, `Table font size out of range: ${String(size)}`);
  }
  return {
    tablePt,
    portrait: { ...PORTRAIT_MARGINS_MM },
    landscape: { ...LANDSCAPE_MARGINS_MM, ...options.landscapeMarginsMm },
    cover: options.cover ?? true,
    issuer: options.issuer ?? null,
    fonts: { ...DEFAULT_FONTS, ...options.fonts },
  };
}

/** Reads a 号 name or a number in points from user text (CLI). Undefined when not recognised. */
export function parseTableSize(text: string): HaoName | number | undefined {
  const name = text.replace(/号$/, '号').replace(/^4号$/, '四号').replace(/^3号$/, '三号').replace(/^5号$/, '五号');
  if (name in HAO_PT) return name as HaoName;
  const pt = Number(text.replace(/pt$/i, ''));
  return Number.isFinite(pt) && pt >= 6 && pt <= 42 ? pt : undefined;
}
