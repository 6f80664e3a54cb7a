/**
 * Leaders for next year's tasks, from the registry's 分管: when none of a task's leaders oversees any
 * of its lead units any more and the registry names who does, that leader is replaced (a change for
 * review). A leader the registry does not know or no longer lists for the year is flagged, not guessed.
 */
import type { Registry, RegistryLeader } from '../registry/registry.model';

export interface LeaderDecision {
  leaders: string[];
  replaced: { from: string; to: string[]; unit: string }[];
  /** Leaders kept but worth a look (departed, unknown). */
  review: { leader: string; reason: 'leader-departed' | 'leader-unknown' }[];
}

export interface OversightView {
  overseersOf(unit: string, year: number): string[];
  leader(name: string): RegistryLeader | undefined;
  isActive(leader: RegistryLeader, year: number): boolean;
}

/**
 * A leader counts as active in `year` unless the registry knows a later year than the leader's last
 * one (he or she no longer appears): a registry built from this year's tables keeps everyone.
 */
function isActive(leader: RegistryLeader, year: number, latest: number): boolean {
  if (leader.years.length === 0 || leader.years.includes(year)) return true;
  return Math.max(...leader.years) >= Math.min(year, latest);
}

export function createOversightView(registry: Registry): OversightView {
  const byName = new Map<string, RegistryLeader>();
  const byUnit = new Map<string, RegistryLeader[]>();
  const latest = Math.max(0, ...registry.leaders.flatMap((l) => l.years));
  const activeIn = (l: RegistryLeader, year: number): boolean => isActive(l, year, latest);
  for (const leader of registry.leaders) {
    byName.set(leader.name, leader);
    for (const alias of leader.aliases) if (!byName.has(alias)) byName.set(alias, leader);
    for (const unit of leader.oversees) byUnit.set(unit, [...(byUnit.get(unit) ?? []), leader]);
  }
  return {
    overseersOf: (unit, year) => (byUnit.get(unit) ?? []).filter((l) => activeIn(l, year)).map((l) => l.name),
    leader: (name) => byName.get(name),
    isActive: activeIn,
  };
}

/**
 * Decides a task's leaders for `year`. Leaders are expected in registry form already.
 * `previously(leader, unit)` tells whether the leader led tasks of the unit in the old tables: an
 * overseer who already did is no news, so the task's own leaders stay (a task may name others).
 */
export function updateLeaders(
  leaders: string[],
  leadUnits: string[],
  view: OversightView,
  year: number,
  previously: (leader: string, unit: string) => boolean = () => false,
): LeaderDecision {
  const review: LeaderDecision['review'] = [];
  for (const name of leaders) {
    const known = view.leader(name);
    if (!known) review.push({ leader: name, reason: 'leader-unknown' });
    else if (!view.isActive(known, year)) review.push({ leader: name, reason: 'leader-departed' });
  }
  const unit = leadUnits.find((u) => view.overseersOf(u, year).length > 0);
  if (!unit) return { leaders: [...leaders], replaced: [], review };
  const overseers = view.overseersOf(unit, year);
  const oversesAnyUnit = (name: string): boolean => leadUnits.some((u) => view.overseersOf(u, year).includes(name));
  if (leaders.some(oversesAnyUnit) || overseers.some((o) => previously(o, unit))) return { leaders: [...leaders], replaced: [], review };
  // Replace the leaders whose portfolio the registry knows (it lists other units) or who left;
  // a leader without listed 分管 (the mayor, say) stays beside the new overseer.
  const replaceable = leaders.filter((name) => {
    const known = view.leader(name);
    return !known || !view.isActive(known, year) || known.oversees.length > 0;
  });
  if (leaders.length > 0 && replaceable.length === 0) {
    return { leaders: [...leaders], replaced: [], review };
  }
  const next: string[] = [];
  const replaced: LeaderDecision['replaced'] = [];
  let inserted = false;
  for (const name of leaders) {
    if (!replaceable.includes(name)) next.push(name);
    else {
      replaced.push({ from: name, to: overseers, unit });
      if (!inserted) next.push(...overseers.filter((o) => !leaders.includes(o)));
      inserted = true;
    }
  }
  if (leaders.length === 0) {
    next.push(...overseers);
    replaced.push({ from: '', to: overseers, unit });
  }
  const unique = [...new Set(next)];
  return { leaders: unique, replaced, review: review.filter((r) => !replaced.some((x) => x.from === r.leader)) };
}
