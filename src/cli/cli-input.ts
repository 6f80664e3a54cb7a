/**
 * What the commands share on the input side: reading an input file through the core's one reader,
 * the registry option (one rule, from the core), years and output names.
 */
import * as fs from 'fs';
import { chooseRegistry, describeRegistry, FenjieError, readFenjieInput, type ErrorCode, readInput, readMapping, type ParseOptions, type ReadInput, type ReadInputOptions, type RegistryChoice } from '../core/index';
import { usageError, type ParsedArgs } from './cli-args';
import { assertNotAnInput } from './atomic-file.writer';
import { nativeInflater } from './cli-inflate';
import { baseName, readInputFile, type CliIO } from './cli-io';

export interface NamedInput extends ReadInput {
  /** The path as given on the command line. */
  path: string;
}

/** A document, a pasted sheet or a fenjie workbook, read by the core's one reader (with the --map the user gave). */
export async function readInputArg(file: string, options: ReadInputOptions = {}): Promise<NamedInput> {
  return { ...(await readInput(readInputFile(file), baseName(file), { ...options, inflater: nativeInflater })), path: file };
}

/** `--map TEXT|mapping.json|workbook.xlsx` → parse options; a value naming an existing file is read as that file. */
export async function readMapArg(flags: ParsedArgs['flags']): Promise<ParseOptions> {
  const value = flags.map;
  if (value === undefined) return {};
  if (typeof value !== 'string') throw usageError('--map 需要列映射（如 "工作任务=content,责任单位=units-first-leads"）或映射文件', '--map needs a mapping ("工作任务=content,责任单位=units-first-leads") or a mapping file');
  if (/\.(json|xlsx)$/i.test(value) || (!value.includes('=') && fs.existsSync(value))) return readMapping({ file: { bytes: readInputFile(value), fileName: baseName(value) } });
  return readMapping({ text: value });
}

/** A workbook fenjie wrote (split, collect, rounds need its ids and tracking). */
export async function readFenjieInputArg(file: string, skip?: { registry?: boolean }): Promise<NamedInput> {
  return { ...(await readFenjieInput(readInputFile(file), baseName(file), { inflater: nativeInflater, skip })), path: file };
}

/** `--registry FILE|default`, else the 名录 of an input workbook, else the default registry. */
export function chooseRegistryArg(flags: ParsedArgs['flags'], inputs: readonly NamedInput[] = []): RegistryChoice {
  const value = flags.registry;
  if (value === true) throw usageError('--registry 需要一个文件名或 default', '--registry needs a file name or "default"');
  const withRegistry = inputs.find((i) => i.registry);
  const workbook = withRegistry ? { registry: withRegistry.registry, name: baseName(withRegistry.path) } : null;
  if (value === 'default') return chooseRegistry({ explicit: 'default' });
  if (typeof value === 'string') return chooseRegistry({ explicit: { bytes: readInputFile(value), fileName: baseName(value) } });
  return chooseRegistry({ workbook });
}

export function printRegistry(io: CliIO, choice: RegistryChoice): void {
  io.out(io.lang === 'en' ? `Registry: ${describeRegistry(choice, 'en')}` : `名录：${describeRegistry(choice, 'zh')}`);
}

export function parseYearOption(value: string | boolean | undefined): number | null {
  if (value === undefined) return null;
  const year = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(year) || year < 1949 || year > 2200) {
    throw usageError(`年份无效：${String(value)}`, `Invalid year: ${String(value)}`);
  }
  return year;
}

export function outputArg(flags: ParsedArgs['flags']): string | null {
  return typeof flags.o === 'string' ? flags.o : null;
}

/** Refuses to write over an input (same path, real path or file): the original stays untouched. Checked again at write time. */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  assertNotAnInput(output, inputs);
}

/** The files a command reads: its positional inputs plus a `--registry FILE`. */
export function inputPaths(positional: readonly string[], flags: ParsedArgs['flags']): string[] {
  return typeof flags.registry === 'string' && flags.registry !== 'default' ? [...positional, flags.registry] : [...positional];
}

export function requireTables(input: NamedInput, code: ErrorCode): void {
  if (input.result.tables.length === 0) throw new FenjieError(code, `${input.result.source} 中没有表格`, `No table in ${input.result.source}`);
}
