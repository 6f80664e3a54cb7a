/**
 * Bundle boundary, loaded with import() when the user first imports or tidies: the readers (zip,
 * XML, .doc) and the planner stay out of the task pane's initial JavaScript.
 */
export { readInput, readPastedSheet, planImport, writePlan, listConflicts } from '../../core';
