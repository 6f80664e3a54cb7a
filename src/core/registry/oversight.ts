/**
 * 分管 inferred from the tables: a leader oversees a unit when the unit's lead tasks name that
 * leader more than any other (each task's weight shared among its leaders).
 */
import type { ParsedTable } from '../model/records.model';

export interface OversightEvidence {
  leader: string;
  unit: string;
  /** Tasks where the unit leads and the leader is named. */
  tasks: number;
  /** Share of the unit's lead-task weight that falls on this leader (0..1). */
  share: number;
}

/** Evidence per (unit, best leader); the unit is left out when no leader stands out. */
export function inferOversight(tables: ParsedTable[], minShare = 0.4, minTasks = 1): OversightEvidence[] {
  const weights = new Map<string, Map<string, { w: number; n: number }>>();
  const totals = new Map<string, number>();
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.leaders.length === 0) continue;
      const w = 1 / row.leaders.length;
      for (const unit of new Set(row.leadUnits)) {
        totals.set(unit, (totals.get(unit) ?? 0) + 1);
        let byLeader = weights.get(unit);
        if (!byLeader) weights.set(unit, (byLeader = new Map()));
        for (const leader of new Set(row.leaders)) {
          const cur = byLeader.get(leader) ?? { w: 0, n: 0 };
          byLeader.set(leader, { w: cur.w + w, n: cur.n + 1 });
        }
      }
    }
  }
  const out: OversightEvidence[] = [];
  for (const [unit, byLeader] of weights) {
    const ranked = [...byLeader].sort((a, b) => b[1].w - a[1].w || b[1].n - a[1].n || a[0].localeCompare(b[0], 'zh'));
    const [leader, best] = ranked[0];
    const share = best.w / (totals.get(unit) ?? 1);
    const tie = ranked.length > 1 && ranked[1][1].w === best.w;
    if (!tie && share >= minShare && best.n >= minTasks) out.push({ leader, unit, tasks: best.n, share: Math.round(share * 100) / 100 });
  }
  return out.sort((a, b) => a.leader.localeCompare(b.leader, 'zh') || a.unit.localeCompare(b.unit, 'zh'));
}
