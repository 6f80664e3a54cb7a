/**
 * The public face of the core, listed name by name. Everything outside src/core imports the core
 * through this file (tests and benchmarks may also use ./testing). The core is pure: plain data in
 * and out, no Office.js, WPS, React, DOM, fs or path. Use cases are the flows (./flows); the lower
 * pieces stay inside so that no caller rebuilds a flow from them.
 */
export { formatDiffSummary } from './diff/diff-summary.formatter';
export { type DiffReport, diffResults } from './diff/diff';
export { type AppliedChange, type CollectFinding, type CollectResult, countRefused } from './distribute/collect.merger';
export { FenjieError, isFenjieError, toFenjieError, type ErrorCode } from './errors';
export { ERROR_CODES } from './error-codes';
export { type DocxExportOptions, type MarginsMm, parseTableSize } from './export/docx-options';
export { type HaoName } from './export/docx-xml';
export { type CollectPlan, fileDigest, mergeReturns, type MergeOptions, planCollect, planCollectOps, readReturns, type ReturnedFile, sentRecordsOf, trackingCell } from './flows/collect.flow';
export { dismissGroup, planDecision } from './flows/decision.flow';
export { exportNotice, type ExportRequest, type ExportResult, noticeYear } from './flows/export.flow';
export { readHostRecords, readHostRegistry, type SheetFrame, type SheetTables } from './flows/host-records.flow';
export { collectHostRound, decideHostRound, type HostCollect, type HostDecision, type HostMaster, type HostRound, planHostCollect, planHostDecision, readHostMaster, readHostRound, readHostSheets, startHostRound } from './flows/host-round.flow';
export { type HostSchedule, type HostScheduleOptions, planHostSchedule } from './flows/host-schedule.flow';
export { assertHasTables, findEmptyColumns, type ImportPlan, type ImportRequest, mergeStoredLayouts, planImport } from './flows/import.flow';
export { describeMapping, formatMappingText, type MappingSource, planRemap, readMapping, type TableRemap } from './flows/mapping.flow';
export { checkDocumentCity, type CityCheck } from './flows/other-city.flow';
export { type InputKind, readFenjieInput, type ReadInput, readInput, type ReadInputOptions, readPastedSheet, type ReadSummary, summariseRead } from './flows/read-input.flow';
export { chooseRegistry, describeRegistry, indexRegistry, planRegistryWorkbook, readRegistryFile, type RegistryChoice, type RegistryOrigin, type RegistryRequest } from './flows/registry-source.flow';
export { planProgressReport, reportBulletin, reportDate, reportLeaders, reportReminders, reportSummary, reportYearEnd, type ReportOptions } from './flows/report.flow';
export { type LeaderExtract, type UnitAccount } from './supervision/leaders-yearend.planner';
export { defaultRolloverYear, planRollover, type RolloverPlan, type RolloverRequest } from './flows/rollover.flow';
export { decideRound, type MasterWorkbook, openRound, recordCollectInState, openRoundState, planRoundCollect, planRoundWorkbook, planYear, recordReturns, roundStatus, startRound } from './flows/round.flow';
export { countSplitUnits, planSplit, planSplitFiles, planSplitRecord, sentRecordFile, type SplitFiles, splitYear, type UnitWorkbookPlan } from './flows/split.flow';
export { recordFileDigest } from './distribute/sent-record.builder';
export { parseSentRecordJson, readSentRecords, SENT_RECORD_JSON, type SentRecord, type SentTask, type SentUnit, withSentRecord } from './distribute/sent-record.codec';
export { DEFAULT_SETTINGS, SCHEDULE_STATUSES, currentRound, readSupervision, type ProgressEntry, type Round, type RoundRequest, type ScheduleStatus, type SupervisionSettings, type SupervisionState, type WarningColour } from './supervision/supervision.model';
export { parsePeriod, type Period } from './supervision/period.parser';
export { type ProgressReport, type ReportRow, type StatusCounts, type MissingUnit } from './supervision/progress-report.builder';
export { type ScheduleVerdict } from './supervision/schedule.rules';
export { type ReminderUnit } from './supervision/reminders.writer';
export { type OverdueItem, reviewTracking, summariseTracking, todayIso, type TrackingReview, type TrackingSummary } from './flows/track.flow';
export { MAX_GROUPS_SHOWN, pickShownGroups, planCrossCheckSheets, type ShownGroups, validateRecords, type Validation, type ValidationInput } from './flows/validate.flow';
export { listConflicts, makeBackupName, makeBackupSuffix, writePlan, type WritePlanOptions, type WritePlanResult } from './flows/write-plan.flow';
export { checkBatch } from './host/batch-check';
export { applyAllOrNothing, type GuardedBatch, type GuardedHost, planRollback, runCleanup, planUndoGuard, UNDO_SHEET_PREFIX, type UndoGuard } from './host/rollback.planner';
export { type ApplyOptions, type ApplyReport, type ChangeEvent, type HostCapabilities, type SheetInfo, type SpreadsheetHost } from './host/host.port';
export { codeLabel, fieldLabel, type LabelLang, ruleLabel } from './model/code-labels.formatter';
export { COLUMN_ROLES, type ColumnRole, type Deadline, type Finding, type Fix, type MatchReason, type Milestone, NAME_FIELDS, type NameField, type Notice, type ParsedTable, type ParseResult, type ProjectRecord, type ProjectsTable, type Severity, type Status, STATUSES, type Suggestion, type TableKind, type TableMapping, type TaskRecord, type TasksTable, type Tracking } from './model/records.model';
export { mappingFromRoles, type MappingOverride, parseMappingJson, parseMappingText, readStoredLayouts, type StoredLayout } from './parse/mapping.codec';
export { type ParseOptions } from './parse/parse-document';
export { type RawInflater } from './readers/zip.reader';
export { ROLE_LABELS } from './parse/role-labels';
export { loadDefaultRegistry } from './registry/default-registry.loader';
export { loadPinyin, type PinyinFn } from './registry/pinyin-keys.builder';
export { initRegistry } from './registry/registry-init.builder';
export { serialiseRegistry } from './registry/registry-json.codec';
export { type Registry, type RegistryLeader, type RegistryProposal, type RegistryUnit, type UnitKind } from './registry/registry.model';
export { type RolloverChange, type RolloverResult } from './rollover/rollover';
export { cellAddress, type CellRef, columnLetter, columnNumber, formatCell, formatRange, isValidSheetName, MAX_COLS, MAX_ROWS, parseCell, parseRange, parseRangeAddress, quoteSheetName, rangeAddress, type RangeRect, rangesIntersect, stripSheetPrefix, tryParseRange, workbookAddress } from './sheet/a1';
export { type CellValue, DATE_FORMAT, type DateValue, estimateJsonBytes, formatNumber, formulaText, type FormulaValue, isDateValue, isFormulaValue, isoDateToSerial, numberFormatFor, serialToIsoDate, TEXT_FORMAT } from './sheet/cell-value';
export { SHEET_NAMES } from './sheet/sheet-names';
export { type ChartPlan, type ConditionalFormatPlan, type Fill, type FontStyle } from './sheet/sheet-style';
export { type A1, type MergedArea, type UsedRange } from './sheet/used-range';
export { cellsToState, planStateOps, STATE_SHEET, type WorkbookState } from './sheet/workbook-state';
export { type FormatSpec, type WriteOp } from './sheet/write-op';
export { type FindingGroup } from './validate/finding-groups';
export { REASON_LABELS, SEVERITY_LABELS } from './validate/findings-sheet.planner';
export { type CheckScope } from './validate/validate';
export { type CellStylePlan, type ColumnKind, type ColumnPlan, type ListValidationPlan, type RecordTableLayout, type SheetPlan, type SheetRole, type WorkbookLayout, type WorkbookPlan } from './workbook/plan.model';
export { assertCellLengths, findLongCells, MAX_CELL_CHARS } from './workbook/cell-length.check';
export { planPrint, type PrintPlan, READABLE_PAGE_WIDTH, sheetWidth } from './workbook/print-layout.planner';
export { locateSheetCell } from './workbook/workbook-layout';
export { layoutWorkbook } from './workbook/workbook.planner';
