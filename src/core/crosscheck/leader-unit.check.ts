/**
 * Leader–unit cross-check: a task led by a unit whose overseeing leader (registry 分管, or inferred
 * from the tables when the registry records none) is not among the task's leaders.
 */
import type { Finding, ParsedTable } from '../model/records.model';
import { findCertain, type RegistryIndex } from '../registry/registry-index.builder';
import { inferOversight } from '../registry/oversight';

/** Canonical unit → canonical leaders overseeing it. */
export function resolveOverseers(index: RegistryIndex, tables: ParsedTable[]): Map<string, string[]> {
  if (index.overseers.size > 0) return index.overseers;
  const inferred = new Map<string, string[]>();
  for (const e of inferOversight(tables, 0.5, 2)) {
    const unit = findCertain(index, e.unit, 'unit')?.name ?? e.unit;
    const leader = findCertain(index, e.leader, 'leader')?.name ?? e.leader;
    inferred.set(unit, [...(inferred.get(unit) ?? []), leader]);
  }
  return inferred;
}

const memo = new WeakMap<ParsedTable[], Map<RegistryIndex, Map<string, string[]>>>();

function overseersFor(index: RegistryIndex, tables: ParsedTable[]): Map<string, string[]> {
  let byIndex = memo.get(tables);
  if (!byIndex) memo.set(tables, (byIndex = new Map()));
  let map = byIndex.get(index);
  if (!map) byIndex.set(index, (map = resolveOverseers(index, tables)));
  return map;
}

/** Leaders of the list who serve in the year (a leader without recorded years always counts). */
function activeIn(index: RegistryIndex, leaders: string[], year: number | null): string[] {
  if (!year) return leaders;
  return leaders.filter((name) => {
    const years = index.leaders.exact.get(name)?.leader?.years ?? [];
    return years.length === 0 || years.includes(year);
  });
}

export function checkLeaderUnits(table: ParsedTable, t: number, index: RegistryIndex, allTables: ParsedTable[]): Finding[] {
  const overseers = overseersFor(index, allTables);
  if (overseers.size === 0) return [];
  const out: Finding[] = [];
  const expectedByUnit = new Map<string, string[]>();
  const expectedFor = (raw: string): string[] => {
    let hit = expectedByUnit.get(raw);
    if (!hit) {
      const unit = findCertain(index, raw, 'unit')?.name ?? raw;
      hit = activeIn(index, overseers.get(unit) ?? [], table.year);
      expectedByUnit.set(raw, hit);
    }
    return hit;
  };
  table.rows.forEach((row, r) => {
    if (row.leaders.length === 0) return;
    let leaders: Set<string> | null = null;
    for (const raw of row.leadUnits) {
      const expected = expectedFor(raw);
      if (expected.length === 0 || expected.some((l) => row.leaders.includes(l))) continue;
      // Only now map the row's leaders to their registry form (张  顺 → 张顺).
      leaders ??= new Set(row.leaders.map((l) => findCertain(index, l, 'leader')?.name ?? l));
      const known = leaders;
      if (expected.some((l) => known.has(l))) continue;
      out.push({
        code: 'leader-unit-mismatch',
        severity: 'warning',
        message: `牵头单位“${raw}”由 ${expected.join('、')} 分管，但负责人为 ${row.leaders.join('、')}`,
        messageEn: `Lead unit ${raw} is overseen by ${expected.join(', ')}, not by the task's leaders ${row.leaders.join(', ')}`,
        table: t,
        row: r,
        field: 'leaders',
        value: row.leaders.join('、'),
      });
    }
  });
  return out;
}
