/** Collects per-cell styles (inherited marks, finding highlights), merging notes on the same cell. */
import type { CellStylePlan } from './plan.model';

export type CellStyleMap = Map<string, Map<string, CellStylePlan>>;

export function createCellStyleMap(): CellStyleMap {
  return new Map();
}

/** Adds a style for one cell; a later fill or font wins, notes are kept one per line. */
export function addCellStyle(map: CellStyleMap, sheet: string, style: CellStylePlan): void {
  let cells = map.get(sheet);
  if (!cells) {
    cells = new Map();
    map.set(sheet, cells);
  }
  const old = cells.get(style.range);
  if (!old) {
    cells.set(style.range, { ...style });
    return;
  }
  const note = [old.note, style.note].filter((n): n is string => !!n && n.length > 0);
  cells.set(style.range, {
    range: style.range,
    font: style.font ?? old.font,
    fill: style.fill ?? old.fill,
    note: note.length > 0 ? [...new Set(note)].join('\n') : undefined,
  });
}

export function cellStylesFor(map: CellStyleMap, sheet: string): CellStylePlan[] {
  return [...(map.get(sheet)?.values() ?? [])].map((s) => {
    const out: CellStylePlan = { range: s.range };
    if (s.font) out.font = s.font;
    if (s.fill) out.fill = s.fill;
    if (s.note) out.note = s.note;
    return out;
  });
}
