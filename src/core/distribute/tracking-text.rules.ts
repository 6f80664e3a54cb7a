/** The five tracking fields a unit fills in, their headers, and their values as comparable and readable text. */
import type { Tracking } from '../model/records.model';

export const TRACKING_FIELDS = ['status', 'progress', 'deadline', 'latest', 'updated'] as const;
export type TrackingField = (typeof TRACKING_FIELDS)[number];
export const TRACKING_HEADERS: Record<TrackingField, string> = { status: '进展状态', progress: '完成进度', deadline: '完成时限', latest: '最新进展', updated: '更新日期' };

/** A tracking value as comparable text. */
export function trackingText(tracking: Tracking | undefined, field: TrackingField): string {
  const v = tracking?.[field];
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v).trim();
}

/** A tracking value as people read it: progress with its %. */
export function showTracking(field: string, text: string): string {
  if (!text) return '（空）';
  return field === 'progress' && /^-?\d+(?:\.\d+)?$/.test(text) ? `${text}%` : text;
}
