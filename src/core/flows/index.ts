/** The use cases: each user action once, called by the task pane, the CLI and the standalone page. */
export { readInput, readFenjieInput, readPastedSheet, readBookRegistry, summariseRead, type ReadInput, type InputKind, type ReadSummary } from './read-input.flow';
export { chooseRegistry, describeRegistry, indexRegistry, readRegistryFile, registryChoiceLabel, planRegistryWorkbook, type RegistryChoice, type RegistryOrigin, type RegistryRequest } from './registry-source.flow';
export { planImport, assertHasTables, findEmptyColumns, mergeStoredLayouts, type ImportPlan, type ImportRequest } from './import.flow';
export { validateRecords, sortGroups, planCrossCheckSheets, type Validation, type ValidationInput } from './validate.flow';
export { planDecision, dismissGroup } from './decision.flow';
export { planRollover, defaultRolloverYear, type RolloverPlan, type RolloverRequest } from './rollover.flow';
export { planSplit, splitYear, countSplitUnits, type UnitWorkbookPlan } from './split.flow';
export { readReturns, mergeReturns, planCollect, planCollectOps, trackingCell, type CollectPlan, type ReturnedFile } from './collect.flow';
export { exportNotice, noticeYear, type ExportRequest, type ExportResult } from './export.flow';
export { writePlan, listConflicts, makeBackupName, makeBackupSuffix, buildBackupOps, type WritePlanOptions, type WritePlanResult } from './write-plan.flow';
export { readHostRecords, readHostRegistry, type SheetTables } from './host-records.flow';
export { readHostMaster, readHostRound, readHostSheets, planHostDecision, decideHostRound, planHostCollect, collectHostRound, startHostRound, type HostMaster, type HostRound, type HostDecision, type HostCollect } from './host-round.flow';
export { planHostSchedule, type HostSchedule, type HostScheduleOptions } from './host-schedule.flow';
export { summariseTracking, todayIso, type TrackingSummary } from './track.flow';
export { startRound, decideRound, openRound, recordCollectInState, openRoundState, planRoundCollect, planRoundWorkbook, recordReturns, roundStatus, planYear, type MasterWorkbook } from './round.flow';
export { planProgressReport, reportBulletin, reportSummary, reportReminders, reportLeaders, reportYearEnd, reportDate, type ReportOptions } from './report.flow';
export { readMapping, describeMapping, formatMappingText, type MappingSource } from './mapping.flow';
export { checkDocumentCity, type CityCheck } from './other-city.flow';
