import fc from 'fast-check';
import { createRegistryIndex } from '../registry-index.builder';
import { matchName } from '../name.matcher';
import { normaliseName } from '../name.normaliser';
import type { Registry } from '../registry.model';

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const name = (min: number, max: number) => fc.array(han, { minLength: min, maxLength: max }).map((a) => a.join(''));

const registryArb = fc
  .record({ leaders: fc.uniqueArray(name(2, 3), { minLength: 1, maxLength: 20 }), units: fc.uniqueArray(name(2, 5).map((s) => `${s}局`), { minLength: 1, maxLength: 20 }) })
  .map(({ leaders, units }): Registry => ({
    version: 1,
    leaders: leaders.map((n) => ({ name: n, years: [], oversees: [], aliases: [] })),
    units: units.map((n) => ({ name: n, aliases: [], abbreviations: [], kind: 'department', years: [], renamedFrom: [] })),
  }));

describe('matcher properties', () => {
  it('normaliseName is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseName(normaliseName(s)) === normaliseName(s)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normaliseName(normaliseName(s)) === normaliseName(s)));
  });

  it('every registry name matches itself exactly and its padded form certainly', () => {
    fc.assert(
      fc.property(registryArb, fc.nat(), (registry, seed) => {
        const index = createRegistryIndex(registry);
        for (const l of registry.leaders) {
          const exact = matchName(index, l.name, 'leader')[0];
          if (exact.value !== l.name || exact.reason !== 'exact') return false;
          const padded = [...l.name].join(seed % 2 ? '  ' : '\u3000');
          const top = matchName(index, ` ${padded} `, 'leader')[0];
          if (top.value !== l.name || !top.certain) return false;
        }
        return registry.units.every((u) => matchName(index, u.name, 'unit')[0]?.value === u.name);
      }),
      { numRuns: 60 },
    );
  });

  it('never marks a non-certain reason as certain, and ranks by score', () => {
    fc.assert(
      fc.property(registryArb, name(1, 8), (registry, raw) => {
        const list = matchName(createRegistryIndex(registry), raw, 'leader');
        const certainOk = list.every((s) => !s.certain || ['exact', 'normalised', 'alias'].includes(s.reason));
        const sorted = list.every((s, i) => i === 0 || list[i - 1].certain || list[i - 1].score >= s.score);
        return certainOk && sorted;
      }),
      { numRuns: 100 },
    );
  });
});
