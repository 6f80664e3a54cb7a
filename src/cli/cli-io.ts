/** File and console plumbing shared by the CLI commands. The core never sees paths. */
import * as fs from 'fs';
import * as path from 'path';
import { FenjieError, isFenjieError } from '../core/index';
import { syncFolders, writeFileAtomic, type AtomicWriteResult, type OutputFs } from './atomic-file.writer';

export type { CliIO } from './cli-console';

/** Reads a whole input file, turning file-system errors into coded, readable errors. */
export function readInputFile(filePath: string): Uint8Array {
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) {
      throw new FenjieError('input-is-directory', `输入是文件夹，不是文件：${filePath}`, `Input is a directory, not a file: ${filePath}`);
    }
    return new Uint8Array(fs.readFileSync(filePath));
  } catch (error) {
    if (isFenjieError(error)) throw error;
    throw new FenjieError('input-unreadable', `无法读取文件：${filePath}`, `Cannot read file: ${filePath}`, { cause: error });
  }
}

let outputFs: OutputFs | undefined;

/** Tests only: the file system writes go through (e.g. one that fails with ENOSPC part-way). Returns the restore function. */
export function useOutputFs(fs: OutputFs): () => void {
  const previous = outputFs;
  outputFs = fs;
  return () => {
    outputFs = previous;
  };
}

/** The files one command writes, so that none is written twice (two units whose file names meet). */
export type OutputSession = Map<string, string>;

export function createOutputSession(): OutputSession {
  return new Map();
}

/** Case- and width-insensitive key of a path, as Windows and macOS compare names. */
export function pathKey(file: string): string {
  return path.resolve(file).normalize('NFKC').toLowerCase();
}

export interface OutputOptions {
  /** Every file the command reads: the output may not be one of them (`output-is-input`). */
  inputs?: readonly string[];
  session?: OutputSession;
  /** Folders flushed once at the end of the run (`finishOutputFolders`), not after each file. */
  folders?: Set<string>;
}

/**
 * Writes an output file atomically (src/cli/atomic-file.writer.ts). An existing file is first kept
 * as a new backup (`NAME.bak.EXT`, `NAME.bak-2.EXT`, …), never replacing an older backup.
 */
export function writeOutputFile(filePath: string, data: Uint8Array | string, options: OutputOptions = {}): AtomicWriteResult {
  const key = pathKey(filePath);
  const earlier = options.session?.get(key);
  if (earlier !== undefined) {
    throw new FenjieError('output-collision', `同一次运行中已写入同名文件 ${earlier}，不会用 ${filePath} 覆盖它`, `This run already wrote ${earlier}; it is not overwritten by ${filePath}`, { details: { file: filePath, earlier } });
  }
  const result = writeFileAtomic(filePath, data, { inputs: options.inputs, fs: outputFs, folders: options.folders });
  options.session?.set(key, filePath);
  return result;
}

/** Makes the renames of a run that deferred them (OutputOptions.folders) durable: one flush per folder. */
export function finishOutputFolders(folders: Set<string>): void {
  syncFolders(folders, outputFs);
}

export function baseName(filePath: string): string {
  return path.basename(filePath);
}
