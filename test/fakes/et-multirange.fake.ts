/**
 * A union range of the fake ET sheet, `Range('A1,C3:C9')` as VBA allows: format setters reach
 * every area; everything else behaves as the first area (which is all the adapter relies on).
 */
import { accessors, FakeRange } from './et-range.fake';

export class FakeMultiRange extends FakeRange {
  constructor(readonly areas: FakeRange[], private readonly address: string) {
    super(areas[0].ctx, areas[0].rect);
  }

  /** One logged call for the union, then each area silently. */
  private fan(method: string, apply: (area: FakeRange) => void): void {
    const core = this.ctx.core;
    core.record({ method, sheet: this.ctx.data.name, address: this.address });
    core.muted++;
    try {
      this.areas.forEach(apply);
    } finally {
      core.muted--;
    }
  }

  override get NumberFormat(): unknown {
    return this.areas[0].NumberFormat;
  }
  override set NumberFormat(v: unknown) {
    this.fan('Range.NumberFormat', (a) => (a.NumberFormat = v));
  }
  override get WrapText(): unknown {
    return this.areas[0].WrapText;
  }
  override set WrapText(v: unknown) {
    this.fan('Range.WrapText', (a) => (a.WrapText = v));
  }
  override get ColumnWidth(): unknown {
    return this.areas[0].ColumnWidth;
  }
  override set ColumnWidth(v: unknown) {
    this.fan('Range.ColumnWidth', (a) => (a.ColumnWidth = v));
  }
  override get HorizontalAlignment(): unknown {
    return this.areas[0].HorizontalAlignment;
  }
  override set HorizontalAlignment(v: unknown) {
    this.fan('Range.HorizontalAlignment', (a) => (a.HorizontalAlignment = v));
  }
  override get VerticalAlignment(): unknown {
    return this.areas[0].VerticalAlignment;
  }
  override set VerticalAlignment(v: unknown) {
    this.fan('Range.VerticalAlignment', (a) => (a.VerticalAlignment = v));
  }
  override get Interior(): { Color: number } {
    return accessors({
      Color: [() => this.areas[0].Interior.Color, (v) => this.fan('Interior.Color', (a) => (a.Interior.Color = Number(v)))],
    }) as { Color: number };
  }
  override get Font(): { Color: number; Bold: boolean; Italic: boolean } {
    return accessors({
      Color: [() => this.areas[0].Font.Color, (v) => this.fan('Font.Color', (a) => (a.Font.Color = Number(v)))],
      Bold: [() => this.areas[0].Font.Bold, (v) => this.fan('Font.Bold', (a) => (a.Font.Bold = Boolean(v)))],
      Italic: [() => this.areas[0].Font.Italic, (v) => this.fan('Font.Italic', (a) => (a.Font.Italic = Boolean(v)))],
    }) as { Color: number; Bold: boolean; Italic: boolean };
  }
}
