/**
 * The one way the CLI writes a file. The bytes go to a temporary file in the same folder, are
 * flushed to disk, and the temporary file is renamed onto the final name, so the final name holds
 * either the old file or the whole new one — never half of it, whatever happens (a crash, kill -9,
 * a full disk). A file already there is kept as a backup that never replaces an earlier backup
 * (`台账.bak.xlsx`, then `台账.bak-2.xlsx`, …). Symlinks are not written through, and an input of
 * the run is never an output.
 */
import * as nodeFs from 'fs';
import * as path from 'path';
import { FenjieError, isFenjieError } from '../core/index';

/** The file-system calls the writer makes (tests inject failures through this). */
export type OutputFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'lstatSync' | 'statSync' | 'mkdirSync' | 'linkSync' | 'copyFileSync' | 'readdirSync' | 'existsSync'
>;

export interface AtomicWriteOptions {
  /** Files this run reads: the output may not be any of them (compared by path, real path and inode). */
  inputs?: readonly string[];
  /** Keep an existing file as a backup first (default true). */
  backup?: boolean;
  fs?: OutputFs;
  /**
   * A command writing many files into a folder (split) passes one set for the run: the folder's
   * stale temporaries are swept once, and the folder is flushed once by `syncFolders` after the
   * last file instead of after each rename. Each file is still written whole before its rename.
   */
  folders?: Set<string>;
}

export interface AtomicWriteResult {
  /** The backup of the file that was there, or null. */
  backup: string | null;
}

/** Bytes per write call: large files go out in pieces, as a full disk may stop them part-way. */
const CHUNK = 1 << 20;
/** Temporary names: `.NAME.fenjie-PID-RANDOM.tmp`, hidden, in the output's folder. */
const TEMP_PATTERN = /^\..+\.fenjie-(\d+)-[0-9a-z]+\.tmp$/;
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EINVAL', 'EMLINK']);
const MAX_BACKUPS = 999;

function errno(error: unknown): string {
  return typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
}

function statOrNull(fs: OutputFs, file: string, follow: boolean): nodeFs.Stats | null {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
}

function outputIsInput(output: string): FenjieError {
  return new FenjieError('output-is-input', `输出文件不能与输入文件相同：${output}（原文件保持不变，请另选文件名）`, `The output must not be the input file: ${output} (the original is left untouched; choose another name)`);
}

/** Refuses an output that is one of the inputs: same path, same real path or same file (hard link). */
export function assertNotAnInput(output: string, inputs: readonly string[], fs: OutputFs = nodeFs): void {
  const out = path.resolve(output);
  const outStat = statOrNull(fs, out, true);
  for (const input of inputs) {
    if (path.resolve(input) === out) throw outputIsInput(output);
    const inStat = outStat ? statOrNull(fs, input, true) : null;
    if (outStat && inStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino) throw outputIsInput(output);
  }
}

/** Refuses a symlink or a folder at the output's name; returns whether a file is there. */
function checkTarget(fs: OutputFs, file: string): boolean {
  const stat = statOrNull(fs, file, false);
  if (!stat) return false;
  if (stat.isSymbolicLink()) {
    throw new FenjieError('output-symlink', `输出位置是一个符号链接，不通过它写入：${file}（请直接指定真实文件）`, `The output is a symbolic link; fenjie does not write through links: ${file} (name the real file instead)`);
  }
  if (stat.isDirectory()) throw new FenjieError('output-is-directory', `输出位置是一个文件夹：${file}`, `The output is a folder: ${file}`);
  return true;
}

/** `台账.xlsx` → `台账.bak.xlsx`, then `台账.bak-2.xlsx`, `台账.bak-3.xlsx`, … */
export function backupName(file: string, n: number): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  return n <= 1 ? `${stem}.bak${ext}` : `${stem}.bak-${n}${ext}`;
}

/** A backup name no file has yet; the backup is made by a hard link (instant, never half a file) or a copy. */
function keepBackup(fs: OutputFs, file: string, copy: (target: string) => void): string {
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const candidate = backupName(file, n);
    if (statOrNull(fs, candidate, false)) continue;
    try {
      fs.linkSync(file, candidate);
      return candidate;
    } catch (error) {
      if (errno(error) === 'EEXIST') continue;
      if (!NO_LINKS.has(errno(error))) throw error;
    }
    copy(candidate);
    return candidate;
  }
  throw new FenjieError('output-backup-full', `备份过多（已有 ${MAX_BACKUPS} 个）：${file}，请清理旧备份`, `Too many backups (${MAX_BACKUPS}) of ${file}; remove old ones`);
}

function tempName(file: string): string {
  const random = Math.random().toString(36).slice(2, 10) || '0';
  return path.join(path.dirname(file), `.${path.basename(file)}.fenjie-${process.pid}-${random}.tmp`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === 'EPERM';
  }
}

/** Removes temporary files left in `dir` by a fenjie process that was killed while writing. */
export function sweepStaleTemps(dir: string, fs: OutputFs = nodeFs): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir) as string[];
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {
      // Another process may have removed it first.
    }
  }
  return removed;
}

/** Writes `data` to a new file `temp` and flushes it to disk. */
function writeTemp(fs: OutputFs, temp: string, data: Uint8Array): void {
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, Math.min(CHUNK, data.length - at));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function unwritable(file: string, error: unknown): FenjieError {
  const code = errno(error);
  if (DISK_FULL.has(code)) {
    return new FenjieError('output-disk-full', `磁盘已满，无法写入：${file}（原文件未改动）`, `The disk is full; cannot write ${file} (the existing file is unchanged)`, { cause: error, details: { errno: code } });
  }
  const hint = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' ? '（文件可能正在 Excel/WPS 中打开，或没有写入权限）' : '';
  const hintEn = hint ? ' (the file may be open in Excel/WPS, or not writable)' : '';
  return new FenjieError('output-unwritable', `无法写入文件：${file}${hint}（原文件未改动）`, `Cannot write file: ${file}${hintEn} (the existing file is unchanged)`, { cause: error, details: { errno: code } });
}

/**
 * Writes `data` onto `filePath` atomically (temporary file, fsync, rename), keeping any file that
 * was there as a new backup. On any error the temporary file is removed, the old file is left as
 * it was, and a coded FenjieError is thrown.
 */
export function writeFileAtomic(filePath: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): AtomicWriteResult {
  const fs = options.fs ?? nodeFs;
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  assertNotAnInput(filePath, options.inputs ?? [], fs);
  const exists = checkTarget(fs, filePath);
  const dir = path.dirname(path.resolve(filePath));
  let temp: string | null = null;
  try {
    const seen = options.folders?.has(dir) ?? false;
    if (!seen) {
      fs.mkdirSync(dir, { recursive: true });
      sweepStaleTemps(dir, fs);
      options.folders?.add(dir);
    }
    temp = tempName(filePath);
    writeTemp(fs, temp, bytes);
    const copy = (target: string) => {
      const copyTemp = tempName(filePath);
      try {
        fs.copyFileSync(filePath, copyTemp, nodeFs.constants.COPYFILE_EXCL);
        fs.renameSync(copyTemp, target);
      } catch (error) {
        removeQuietly(fs, copyTemp);
        throw error;
      }
    };
    const backup = exists && options.backup !== false ? keepBackup(fs, filePath, copy) : null;
    fs.renameSync(temp, filePath);
    temp = null;
    if (!options.folders) syncFolder(fs, dir);
    return { backup };
  } catch (error) {
    if (temp) removeQuietly(fs, temp);
    if (isFenjieError(error)) throw error;
    throw unwritable(filePath, error);
  }
}

/** Flushes the folders of a run's deferred renames (see AtomicWriteOptions.folders). */
export function syncFolders(folders: Iterable<string>, fs: OutputFs = nodeFs): void {
  for (const dir of folders) syncFolder(fs, dir);
}

/** Makes the rename itself durable (POSIX); folders cannot be opened this way on Windows. */
function syncFolder(fs: OutputFs, dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here; the data itself was flushed before the rename.
  } finally {
    if (fd !== null) closeQuietly(fs, fd);
  }
}

function closeQuietly(fs: OutputFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Nothing more to do for a folder handle.
  }
}

function removeQuietly(fs: OutputFs, file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or never created.
  }
}
