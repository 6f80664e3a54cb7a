/**
 * The supervision cycle (督查): reporting rounds (期次), the progress history, the 序时/三色 status
 * scheme and its settings. All of it lives in the workbook state under `supervision`, so the file
 * alone carries the year's history to WPS or another PC. See docs/MODEL.md, "Supervision".
 */
import type { WorkbookState } from '../sheet/workbook-state';

/** One reporting round: 第N期, its period (2023Q3, 2023-10) and the day units report by. */
export interface Round {
  no: number;
  /** Normalised period key: `2023Q3`, `2023-10` or `2023H1`/`2023` (see period.parser.ts). */
  period: string;
  /** The period as a clerk writes it: 2023年第三季度, 2023年10月. */
  label: string;
  /** ISO date units report by. */
  due: string;
  /** ISO date the office opened the round. */
  opened: string;
}

/** What one unit reported for one task in one round (进展记录: never overwritten). */
export interface ProgressEntry {
  round: number;
  id: string;
  unit: string;
  status: string;
  /** 0..100, or null when not reported. */
  progress: number | null;
  latest: string;
  /** ISO date the value was recorded. */
  recorded: string;
  /** The file it came from (collect), or '' when typed in the workbook. */
  file: string;
  problems?: string;
  nextSteps?: string;
}

/** A unit's request in a round: move the deadline (延期) or close the task (办结); it changes nothing until accepted. */
export interface RoundRequest {
  /** R{round}-{n}, stable within the workbook. */
  id: string;
  round: number;
  task: string;
  unit: string;
  kind: 'delay' | 'done';
  /** 延期: the ISO date asked for. */
  to?: string;
  /** 延期理由 or 办结说明. */
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  /** ISO date decided. */
  decided?: string;
}

/** Colours of the 三色预警 scheme. */
export type WarningColour = '红' | '黄' | '绿' | '蓝';

/** The status scheme's labels: done, ahead of, on, behind schedule, not started. */
export const SCHEDULE_STATUSES = ['已完成', '超序时', '按序时', '慢于序时', '未启动'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** The thresholds of the status scheme (one settings sheet, 督查设置, and the state). */
export interface SupervisionSettings {
  /** Red when the task is at least this many percentage points behind schedule (or overdue). */
  redGapPp: number;
  /** Yellow when behind schedule, or when the deadline is within this many days and not done. */
  yellowDays: number;
  /** Behind schedule only beyond this many points (small gaps count as 按序时). */
  tolerancePp: number;
  /** Ahead of schedule from this many points above it. */
  aheadPp: number;
  /** The body of the 工作要求 paragraph of the 通报 (a template the office edits). */
  requirements: string;
  /** The issuing office named in the 通报 header. */
  office: string;
  /** 序时 by months (linear to the deadline) or, where a task has 时间节点 (一季度…四季度), by its milestones. */
  scheduleBy: 'months' | 'milestones';
}

export const DEFAULT_SETTINGS: SupervisionSettings = {
  redGapPp: 20,
  yellowDays: 15,
  tolerancePp: 5,
  aheadPp: 10,
  requirements:
    '各牵头单位要对照年度目标和序时进度，认真梳理滞后事项，明确责任人和完成时限，加快推进；配合单位要主动对接、密切配合，确保各项任务按期完成。',
  office: '政府办公室督查室',
  scheduleBy: 'months',
};

export interface SupervisionState {
  rounds: Round[];
  history: ProgressEntry[];
  requests: RoundRequest[];
  settings: SupervisionSettings;
}

export const SUPERVISION_STATE_KEY = 'supervision';

/** The supervision part of the workbook state; an empty one when the workbook has none yet. */
export function readSupervision(state: WorkbookState | null | undefined): SupervisionState {
  const raw = (state?.[SUPERVISION_STATE_KEY] ?? {}) as Partial<SupervisionState>;
  return {
    rounds: Array.isArray(raw.rounds) ? raw.rounds : [],
    history: Array.isArray(raw.history) ? raw.history : [],
    requests: Array.isArray(raw.requests) ? raw.requests : [],
    settings: { ...DEFAULT_SETTINGS, ...(raw.settings ?? {}) },
  };
}

export function writeSupervision(state: WorkbookState | null | undefined, supervision: SupervisionState): WorkbookState {
  return { ...(state ?? {}), [SUPERVISION_STATE_KEY]: supervision };
}

/** The round open now: the one with the highest number. */
export function currentRound(supervision: SupervisionState): Round | null {
  return supervision.rounds.reduce<Round | null>((best, r) => (best === null || r.no > best.no ? r : best), null);
}
