/**
 * Command-line options, declared per command. An option a command does not know is an error with
 * a suggestion (你是不是想输入 --no-cover？), never silently ignored or taken for a file name.
 */
import { FenjieError } from '../core/index';

export interface OptionSpec {
  /** Long name without dashes ('registry'); one letter for a short option ('o'). */
  name: string;
  /** Takes a value (`--registry R`, `--registry=R`). */
  value?: boolean;
  /** Other spellings of the same option ('output' for 'o'). */
  aliases?: string[];
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | boolean>;
}

export function usageError(messageZh: string, messageEn: string): FenjieError {
  return new FenjieError('usage', messageZh, messageEn);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

function dashed(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** The closest declared option, when it is close enough to be a typo. */
export function suggestOption(unknown: string, spec: readonly OptionSpec[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const option of spec) {
    for (const name of [option.name, ...(option.aliases ?? [])]) {
      const d = distance(unknown, name);
      if (!best || d < best.d) best = { name: option.name, d };
    }
  }
  return best && best.d <= Math.max(2, Math.floor(unknown.length / 3)) ? dashed(best.name) : null;
}

function unknownOption(arg: string, key: string, spec: readonly OptionSpec[]): FenjieError {
  const hint = suggestOption(key, spec);
  const known = spec.map((o) => dashed(o.name)).join(' ');
  return new FenjieError(
    'usage',
    `未知选项：${arg}。${hint ? `你是不是想输入 ${hint}？` : ''}可用选项：${known || '（无）'}`,
    `Unknown option: ${arg}.${hint ? ` Did you mean ${hint}?` : ''} Options: ${known || '(none)'}`,
    { details: { option: arg, suggestion: hint } },
  );
}

/** --flag, --key value, --key=value, -o value; unknown options and missing values are usage errors. */
export function parseArgs(argv: string[], declared: readonly OptionSpec[]): ParsedArgs {
  // --lang is global (main takes it out before dispatch; a command run directly still accepts it).
  const spec = [...declared, LANG_OPTION];
  const byName = new Map<string, OptionSpec>();
  for (const option of spec) for (const name of [option.name, ...(option.aliases ?? [])]) byName.set(name, option);
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const match = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match || arg === '-' || /^-\d/.test(arg)) {
      positional.push(arg);
      continue;
    }
    const [, key, inline] = match;
    const option = byName.get(key);
    if (!option) throw unknownOption(arg, key, spec);
    if (!option.value) {
      if (inline !== undefined) throw usageError(`选项 ${dashed(option.name)} 不带值：${arg}`, `Option ${dashed(option.name)} takes no value: ${arg}`);
      flags[option.name] = true;
    } else if (inline !== undefined) flags[option.name] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('-')) flags[option.name] = argv[++i];
    else throw usageError(`选项 ${dashed(option.name)} 需要一个值`, `Option ${dashed(option.name)} needs a value`);
  }
  return { positional, flags };
}

const LANG_OPTION: OptionSpec = { name: 'lang', value: true };

/** `-o FILE` / `--output FILE`, the one output option every writing command declares. */
export const OUTPUT_OPTION: OptionSpec = { name: 'o', value: true, aliases: ['output'] };
export const REGISTRY_OPTION: OptionSpec = { name: 'registry', value: true };
export const JSON_OPTION: OptionSpec = { name: 'json' };
/** `--map "工作任务=content,责任单位=units-first-leads"`, `--map mapping.json` or `--map earlier.xlsx` (its confirmed mappings). */
export const MAP_OPTION: OptionSpec = { name: 'map', value: true, aliases: ['mapping'] };

export function stringFlag(flags: ParsedArgs['flags'], name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}
