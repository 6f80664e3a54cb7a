/** Bundle boundary: the record-sheet reader, loaded on first read so the pane's first render stays small. */
export { readHostRecords, summariseTracking, todayIso } from '../../core';
