/** What every `fenjie` command is: argument parsing and file I/O around a core flow. */
import type { CliIO } from './cli-io';

export interface Command {
  run(argv: string[], io: CliIO): Promise<number>;
}
