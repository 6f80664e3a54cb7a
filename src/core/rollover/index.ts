/** Year rollover: next year's tables from this year's. */
export { rolloverTables, rolloverChangesAsFixes, idFor, type RolloverOptions, type RolloverResult, type RolloverChange, type RolloverChangeKind, type NameChange } from './rollover';
export { createOversightView, updateLeaders, type LeaderDecision, type OversightView } from './leader-update';
