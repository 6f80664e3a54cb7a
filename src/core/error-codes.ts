/**
 * Every code a FenjieError can carry. Codes are stable: scripts and the pane's messages key on
 * them, and docs/MODEL.md documents each one (a test checks that it does).
 */
export const ERROR_CODES = [
  'internal',
  'usage',
  // CLI files and inputs
  'input-is-directory', 'input-unreadable', 'output-is-input', 'output-unwritable', 'demo-no-seeds',
  'output-symlink', 'output-is-directory', 'output-backup-full', 'output-disk-full', 'output-collision',
  // reading and flows
  'text-undecodable', 'xlsx-no-workbook', 'xlsx-too-large', 'not-fenjie-workbook', 'tidy-empty', 'tidy-fenjie-sheet',
  'convert-no-table', 'validate-no-table', 'export-no-table', 'export-table-size', 'rollover-no-table', 'rollover-year-not-later',
  'split-no-rows', 'collect-no-table', 'sent-record-invalid',
  // supervision rounds
  'round-no-year', 'round-bad-period', 'round-bad-date', 'round-exists', 'round-request-unknown',
  // writing .xlsx (Excel's limits, checked before anything is written)
  'cell-too-long', 'sheet-too-many-rows', 'sheet-too-many-columns', 'sheet-name-invalid',
  // registry
  'registry-invalid', 'registry-missing',
  // column mappings (--map)
  'mapping-invalid',
  // hosts
  'host-invalid-op', 'host-no-workbook', 'host-state-corrupt', 'host-state-too-large', 'host-bad-color', 'host-failed',
  'host-apply-partial', 'host-access-denied', 'host-busy', 'host-cell-edit-mode', 'host-conflict', 'host-not-found',
  'host-payload-too-large', 'host-unsupported', 'host-apply-rolled-back', 'host-rollback-failed',
] as const;

/** The binary readers' codes; their messages are in readers/read-errors.ts (READ_ERRORS). */
export const READ_ERROR_CODES = [
  'file-empty', 'file-truncated', 'zip-invalid', 'zip-unsupported', 'zip-bomb', 'zip-too-large', 'xml-doctype', 'xml-invalid',
  'docx-encrypted', 'doc-encrypted', 'xls-unsupported', 'docx-no-document', 'doc-unsupported', 'doc-invalid',
  'cfb-unknown', 'read-failed', 'format-unknown',
  // read budgets (issue 17; readers/read-budgets.rules.ts)
  'budget-grid-columns', 'budget-rows', 'budget-cells', 'budget-cell-chars', 'budget-input-bytes', 'budget-nesting',
] as const;

export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number] | ReadErrorCode;
