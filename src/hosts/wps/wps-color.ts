/**
 * ET colours are VBA `Long`s in BGR order (0xBBGGRR), while plans speak '#RRGGBB'.
 * Getting this wrong paints red cells blue, so both directions live here and are tested.
 */
import { FenjieError } from '../../core/index';

const HEX = /^#?([0-9a-fA-F]{6})$/;

export function toBgr(color: string): number {
  const m = HEX.exec(color.trim());
  if (!m) throw new FenjieError('host-bad-color', `无效的颜色：${color}`, `Invalid colour: ${color}`, { details: { color } });
  const rgb = parseInt(m[1], 16);
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return (b << 16) | (g << 8) | r;
}

export function fromBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

export function isColor(color: string): boolean {
  return HEX.test(color.trim());
}
