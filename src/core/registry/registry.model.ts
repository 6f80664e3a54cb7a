/**
 * The registry (名录) of leaders and units one city uses in its 分解落实表.
 * Stored as JSON (docs/MODEL.md, "Registry") and as the 名录 sheets of a workbook.
 */

export type UnitKind = 'department' | 'town' | 'company' | 'generic' | 'other';
export const UNIT_KINDS: readonly UnitKind[] = ['department', 'town', 'company', 'generic', 'other'];

export interface RegistryLeader {
  name: string;
  /** 职务, e.g. 副市长. */
  title?: string;
  /** Years in which the leader appears in the tables. */
  years: number[];
  /** Canonical names of the units the leader oversees (分管). */
  oversees: string[];
  aliases: string[];
}

export interface RegistryUnit {
  /** 规范简称: the short name the tables use. */
  name: string;
  /** Full official name, empty when not known for sure. */
  fullName?: string;
  /** Other spellings that mean this unit for certain (older names, full forms, spacing variants). */
  aliases: string[];
  /** Short forms a clerk writes (资规局, 发改委). */
  abbreviations: string[];
  kind: UnitKind;
  years: number[];
  /** Names the unit had before a rename (also matched as aliases). */
  renamedFrom: string[];
}

export interface Registry {
  /** Format version of the JSON. */
  version: 1;
  /** The city the tables belong to (used to strip the 太仓市 prefix of full names). */
  city?: string;
  leaders: RegistryLeader[];
  units: RegistryUnit[];
  /** Changes `registry init` proposes for a person to review (never applied unasked). */
  proposals?: RegistryProposal[];
}

export type ProposalKind = 'merge' | 'split' | 'oversees';

/** A proposed change: merge names that may be one, split a run-together name, 分管 evidence. */
export interface RegistryProposal {
  kind: ProposalKind;
  nameKind: NameKind;
  /** merge: [proposed canonical, other]; split: [raw, part1, part2…]; oversees: [leader, unit]. */
  names: string[];
  /** abbreviation | homophone | near-form | renamed | split | co-occurrence */
  reason: string;
  score: number;
  /** zh-CN explanation for the reviewer. */
  note: string;
}

export type NameKind = 'leader' | 'unit';

export function createEmptyRegistry(city?: string): Registry {
  return city ? { version: 1, city, leaders: [], units: [] } : { version: 1, leaders: [], units: [] };
}
