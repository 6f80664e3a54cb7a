/** The core's record-sheet reader, loaded on first read so the pane's first render stays small. */
export { readRecordsFromUsedRanges } from '../../core';
