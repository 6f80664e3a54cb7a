/**
 * The console side of the CLI: where text goes and how an error is shown. It imports nothing of
 * the core, so `fenjie --help` and `fenjie <cmd> --help` start without loading it (issue 15's
 * start-up budget); a FenjieError is recognised by its shape, as `isFenjieError` does.
 */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** 'zh' (default) or 'en', from --lang or FENJIE_LANG. */
  lang: 'zh' | 'en';
  /**
   * Indent `--json` output (default true). The console sets it only when stdout is a terminal:
   * piped or redirected JSON is for programs, and indenting a 10,000-row parse doubles its bytes.
   */
  pretty?: boolean;
}

/** A command's `--json` result: indented for a person at a terminal, compact for a pipe or a file. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(io.pretty === false ? JSON.stringify(value) : JSON.stringify(value, null, 2));
}

/** `fenjie … | head` closes stdout early: stop quietly instead of printing Node's EPIPE stack. */
function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export function createNodeIO(lang: 'zh' | 'en'): CliIO {
  exitOnClosedPipe(process.stdout);
  exitOnClosedPipe(process.stderr);
  return {
    // The line break written on its own: `${text}\n` of a 4.6 MB --json result is a cons string
    // that write() flattens into one more copy.
    out: (text) => {
      process.stdout.write(text);
      if (!text.endsWith('\n')) process.stdout.write('\n');
    },
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    lang,
    pretty: process.stdout.isTTY === true,
  };
}

interface CodedError {
  code: string;
  messageZh: string;
  messageEn: string;
}

function isCodedError(error: unknown): error is CodedError {
  const e = error as Partial<CodedError> & { name?: unknown } | null;
  return typeof e === 'object' && e !== null && e.name === 'FenjieError' && typeof e.code === 'string';
}

/** Prints an error the way a user should see it: message and code, never a stack trace. */
export function reportError(io: CliIO, error: unknown): number {
  if (isCodedError(error)) {
    io.err(io.lang === 'en' ? `Error [${error.code}]: ${error.messageEn}` : `错误 [${error.code}]：${error.messageZh}\nError: ${error.messageEn}`);
  } else {
    const text = error instanceof Error ? error.message : String(error);
    io.err(io.lang === 'en' ? `Error [internal]: ${text}` : `错误 [internal]：内部错误（${text}）`);
  }
  if (process.env.FENJIE_DEBUG && error instanceof Error) io.err(error.stack ?? '');
  return 1;
}
