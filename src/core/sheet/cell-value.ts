/**
 * How a plan's CellValue becomes a spreadsheet cell, shared by every host adapter so the memory
 * host, Excel and WPS agree: strings are text (never formulas, never auto-converted numbers or
 * dates), dates are date serials shown as yyyy-mm-dd, formulas are formulas.
 */
import { FenjieError } from '../errors';

/** A formula cell. Never produced from user text: user text is always a plain string. */
export interface FormulaValue {
  formula: string;
  /** The value the planner computed, cached in the file so that readers that do not calculate see it. */
  result?: number | string;
}

/** A date cell, ISO yyyy-mm-dd. */
export interface DateValue {
  date: string;
}

export type CellValue = string | number | boolean | null | FormulaValue | DateValue;

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const GENERAL_FORMAT = 'General';

export function isFormulaValue(value: CellValue): value is FormulaValue {
  return typeof value === 'object' && value !== null && typeof (value as FormulaValue).formula === 'string';
}

export function isDateValue(value: CellValue): value is DateValue {
  return typeof value === 'object' && value !== null && typeof (value as DateValue).date === 'string';
}

/** Text a spreadsheet would read as a formula (or a sign) when typed. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** The number format a cell needs before its value is written. */
export function numberFormatFor(value: CellValue): string {
  if (typeof value === 'string') return TEXT_FORMAT;
  if (isDateValue(value)) return DATE_FORMAT;
  return GENERAL_FORMAT;
}

const EPOCH_1899 = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** '2023-03-01' → 44986 (the 1900 date system). */
export function isoDateToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new FenjieError('host-invalid-op', `日期无效：${iso}`, `Invalid date: ${iso}`, { details: { date: iso } });
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH_1899) / DAY_MS);
}

/** 44986 → '2023-03-01'. */
export function serialToIsoDate(serial: number): string {
  return new Date(EPOCH_1899 + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** The formula text a host is given ('=' prefixed). */
export function formulaText(value: FormulaValue): string {
  return value.formula.startsWith('=') ? value.formula : `=${value.formula}`;
}

/** Display text of a number under the few formats plans use. */
export function formatNumber(value: number, numberFormat = GENERAL_FORMAT): string {
  const fmt = numberFormat.trim();
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(fmt);
  if (fixed) return value.toFixed(fixed[1]?.length ?? 0);
  if (/^yyyy-mm-dd$/i.test(fmt)) return serialToIsoDate(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(11)));
}

/** Display text of a plan value (formulas are not evaluated here: ''). */
export function displayText(value: CellValue, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return formatNumber(value, numberFormat);
  if (isDateValue(value)) return value.date.slice(0, 10);
  return '';
}

/** Rough UTF-8 size of a value as JSON, for keeping requests under a payload limit. */
export function estimateJsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (typeof value === 'string') {
    let bytes = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      bytes += c < 0x20 || c === 0x22 || c === 0x5c ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + estimateJsonBytes(v) + 1, 2);
  return JSON.stringify(value).length;
}
