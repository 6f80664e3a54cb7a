/**
 * Segmentation guided by the registry: names run together (吴敬宇郑丙华) split into known names.
 */
import type { NameKind } from './registry.model';
import { findCertain, type RegistryIndex } from './registry-index.builder';

const MAX_PARTS = 4;

function splitFrom(index: RegistryIndex, chars: string[], start: number, kind: NameKind, depth: number): string[] | null {
  if (start === chars.length) return [];
  if (depth >= MAX_PARTS) return null;
  const minLen = 2;
  // Longest known prefix first: 发改委住建局 should not stop at a shorter unit.
  for (let end = chars.length; end - start >= minLen; end -= 1) {
    if (start === 0 && end === chars.length) continue;
    const hit = findCertain(index, chars.slice(start, end).join(''), kind);
    if (!hit) continue;
    const rest = splitFrom(index, chars, end, kind, depth + 1);
    if (rest) return [hit.name, ...rest];
  }
  return null;
}

/** The known names a run-together value consists of, or null when it does not split into known names. */
export function splitRunTogether(index: RegistryIndex, norm: string, kind: NameKind): string[] | null {
  const chars = [...norm];
  if (chars.length < 4) return null;
  const parts = splitFrom(index, chars, 0, kind, 0);
  return parts && parts.length >= 2 ? parts : null;
}
