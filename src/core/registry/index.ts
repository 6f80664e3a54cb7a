/** Public API of the registry, matcher, validation, cross-check and diff (re-exported by src/core/index.ts). */
export * from './registry.model';
export { parseRegistryJson, readRegistry, serialiseRegistry } from './registry.json';
export { createRegistryIndex, findCertain, type RegistryIndex, type RegistryIndexOptions, type IndexEntry } from './registry.index';
export { matchName, matchSimilar, type MatchContext } from './name.matcher';
export { normaliseName, isPadded } from './name.normalise';
export { loadPinyin, type PinyinFn } from './pinyin.keys';
export { splitRunTogether } from './segment';
export { guessUnitKind, isGenericUnitName } from './unit-kind';
export { inferOversight, type OversightEvidence } from './oversight';
export { initRegistry, type InitOptions } from './registry.init';
export { loadDefaultRegistry } from './default.registry';
export { validateTables, summariseFindings, registryYearSpan, type ValidateOptions, type FindingSummary } from '../validate/validate';
export { groupFindings, applyDecision, applyRegistryNames, groupKey, type FindingGroup, type FindingPosition } from '../validate/finding-groups';
export { checkLeaderUnits, resolveOverseers } from '../crosscheck/leader-unit.check';
export { buildRegistrySheets, registryFromSheetRows, registryFromSheetRows as readRegistryFromRows, readRegistryFromUsedRanges, REGISTRY_SHEETS, REGISTRY_TABLES, UNIT_KIND_LABELS } from './registry.sheet';
export { buildFindingSheet, readFindingDecisions, FINDINGS_SHEET, DECISIONS, SEVERITY_LABELS, REASON_LABELS, type FindingDecision } from '../validate/findings.sheet';
export { buildAssignments, buildLeaderUnitMatrix, type Assignment, type AssignmentReport, type UnitLoad, type AssignmentRole } from '../crosscheck/assignments';
export { buildAssignmentSheets, ASSIGNMENT_SHEETS, type AssignmentSheetOptions } from '../crosscheck/assignments.sheet';
