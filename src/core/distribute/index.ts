/** Distribution to units (split) and collection of what they filled in (collect). */
export { assignUnits, namedUnits, unitFileName, ROLE_LEAD, ROLE_COOPERATE, type UnitRole, type UnitAssignment, type AssignedRow } from './unit-assign';
export { planUnitWorkbook, ROLE_COLUMN, type SplitMeta } from './split.planner';
export { readSplitInfo, fingerprint, SPLIT_STATE_KEY, type SplitInfo, type SplitBaseline } from './split-state';
export { collectTracking, trackingText, TRACKING_FIELDS, TRACKING_HEADERS, type UnitReturn, type CollectFinding, type CollectResult, type CollectOptions, type AppliedChange } from './collect.merger';
export { planCollectSheet, COLLECT_SHEET } from './collect-report.planner';
