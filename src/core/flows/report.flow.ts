/**
 * 生成通报 / 催办单 / 汇总表 (fenjie report bulletin|summary|reminders): the office's outputs of a
 * round, computed from the workbook alone. The date the 序时进度 is measured at defaults to the
 * current round's period end (or today, when that is earlier or there is no round).
 */
import { FenjieError } from '../errors';
import { writeBulletinDocx } from '../supervision/bulletin.writer';
import { addDays, isIsoDate } from '../supervision/calendar.rules';
import { parsePeriod } from '../supervision/period.parser';
import type { ProgressReport } from '../supervision/progress-report.builder';
import { writeRemindersDocx, type ReminderUnit } from '../supervision/reminders.writer';
import { planProgressSummarySheet } from '../supervision/supervision-sheets.planner';
import { planYearEndSheet, writeLeadersDocx, type LeaderExtract } from '../supervision/leaders-yearend.planner';
import { currentRound, readSupervision } from '../supervision/supervision.model';
import type { WorkbookPlan } from '../workbook/plan.model';
import { roundStatus, type MasterWorkbook } from './round.flow';

export interface ReportOptions {
  /** ISO date the schedule is measured at. */
  date?: string;
  /** Today (ISO), from the caller: the core reads no clock. */
  today: string;
}

/** The measuring date: the option, else the round's period end if already past, else today. */
export function reportDate(master: MasterWorkbook, options: ReportOptions): string {
  if (options.date) {
    if (!isIsoDate(options.date)) throw new FenjieError('round-bad-date', `日期应写作 yyyy-mm-dd：${options.date}`, `The date must be yyyy-mm-dd: ${options.date}`);
    return options.date;
  }
  const round = currentRound(readSupervision(master.state));
  const end = round ? parsePeriod(round.period)?.end : undefined;
  return end && end < options.today ? end : options.today;
}

export function planProgressReport(master: MasterWorkbook, options: ReportOptions): ProgressReport {
  return roundStatus(master, reportDate(master, options));
}

export function reportBulletin(master: MasterWorkbook, options: ReportOptions & { issue?: number; issuedOn?: string }): { bytes: Uint8Array; report: ProgressReport } {
  const report = planProgressReport(master, options);
  const settings = readSupervision(master.state).settings;
  return { bytes: writeBulletinDocx(report, { settings, issue: options.issue, date: options.issuedOn ?? options.today }), report };
}

export function reportSummary(master: MasterWorkbook, options: ReportOptions): { plan: WorkbookPlan; report: ProgressReport } {
  const report = planProgressReport(master, options);
  return { plan: { version: 1, sheets: [planProgressSummarySheet(report)] }, report };
}

export function reportReminders(master: MasterWorkbook, options: ReportOptions & { replyBy?: string }): { bytes: Uint8Array; units: ReminderUnit[]; report: ProgressReport } {
  const report = planProgressReport(master, options);
  const settings = readSupervision(master.state).settings;
  const replyBy = options.replyBy ?? addDays(options.today, 5);
  return { ...writeRemindersDocx(report, settings, replyBy), report };
}

/** 领导清单: one page per 分管领导 with their tasks and status. */
export function reportLeaders(master: MasterWorkbook, options: ReportOptions): { bytes: Uint8Array; leaders: LeaderExtract[]; report: ProgressReport } {
  const report = planProgressReport(master, options);
  return { ...writeLeadersDocx(report), report };
}

/** 年终对账: per unit, what was assigned, reported and finished. */
export function reportYearEnd(master: MasterWorkbook, options: ReportOptions): { plan: WorkbookPlan; report: ProgressReport } {
  const report = planProgressReport(master, options);
  const supervision = readSupervision(master.state);
  return { plan: { version: 1, sheets: [planYearEndSheet(report, supervision.history, supervision.rounds.length)] }, report };
}
