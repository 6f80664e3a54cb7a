/** Test helper: a CliIO that keeps what a command prints, for the command tests to read. */
import type { CliIO } from '../../cli-io';

export interface CapturedIO extends CliIO {
  stdout: string[];
  stderr: string[];
}

/** Output and errors kept apart, as a script piping stdout sees them. */
export function captureIO(lang: 'zh' | 'en' = 'zh', options: Pick<CliIO, 'pretty'> = {}): CapturedIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => stdout.push(t), err: (t) => stderr.push(t), lang, ...options, stdout, stderr };
}

/** Output and errors in one list, in order, as a terminal shows them (stderr stays empty). */
export function captureMergedIO(options: Pick<CliIO, 'pretty'> = {}): CapturedIO {
  const io = captureIO('zh', options);
  return { ...io, err: (t) => io.stdout.push(t) };
}
