/** File and console plumbing shared by the CLI commands. The core never sees paths. */
import * as fs from 'fs';
import * as path from 'path';
import { FenjieError, isFenjieError } from '../core/index';

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

/**
 * Writes an output file. An existing file is first kept as `<name>.bak<ext>` so that nothing
 * a user had there is lost.
 */
export function writeOutputFile(filePath: string, data: Uint8Array | string): { backup: string | null } {
  let backup: string | null = null;
  try {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    if (fs.existsSync(filePath)) {
      const ext = path.extname(filePath);
      backup = `${filePath.slice(0, filePath.length - ext.length)}.bak${ext}`;
      fs.copyFileSync(filePath, backup);
    }
    fs.writeFileSync(filePath, data);
    return { backup };
  } catch (error) {
    throw new FenjieError('output-unwritable', `无法写入文件：${filePath}`, `Cannot write file: ${filePath}`, { cause: error });
  }
}

export function baseName(filePath: string): string {
  return path.basename(filePath);
}
