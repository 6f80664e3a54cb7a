/** The `fenjie` command: wiring only. Each command lives in commands/<name>.command.ts, listed in command-table.ts. */
import { createNodeIO, reportError, type CliIO } from './cli-console';
import { COMMANDS } from './command-table';

function printHelp(io: CliIO): void {
  io.out('fenjie — 分解落实表工具 / tools for the yearly 分解落实表\n');
  io.out('用法 Usage: fenjie <command> [options]（fenjie <command> --help 查看单个命令）\n');
  for (const entry of Object.values(COMMANDS)) io.out(`  ${entry.usage}\n      ${io.lang === 'en' ? entry.summaryEn : entry.summaryZh}`);
  io.out('\n选项 Options: --lang zh|en, --json (where supported), --help. 详见 README.md。');
}

/** `--lang en` may come anywhere, also before the command name; it is removed before dispatch. */
function takeLangFlag(argv: string[]): { lang: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i].startsWith('--lang=')) lang = argv[i].slice(7);
    else if (argv[i] === '--lang') lang = argv[++i];
    else rest.push(argv[i]);
  }
  return { lang, rest };
}

const HELP = new Set(['help', '--help', '-h']);

export async function main(argv: string[]): Promise<number> {
  const { lang: langFlag, rest: args } = takeLangFlag(argv);
  const lang = (langFlag ?? process.env.FENJIE_LANG) === 'en' ? 'en' : 'zh';
  const io = createNodeIO(lang);
  const [name, ...rest] = args;
  try {
    if (!name || HELP.has(name)) {
      printHelp(io);
      return name ? 0 : 1;
    }
    const entry = COMMANDS[name];
    if (!entry) {
      io.err(lang === 'en' ? `Unknown command: ${name}. Run fenjie help.` : `未知命令：${name}。运行 fenjie help 查看用法。`);
      return 1;
    }
    if (rest.some((arg) => HELP.has(arg) && arg !== 'help')) {
      io.out(`${lang === 'en' ? 'Usage' : '用法'}: fenjie ${entry.usage}\n  ${lang === 'en' ? entry.summaryEn : entry.summaryZh}`);
      return 0;
    }
    const { command } = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    return reportError(io, error);
  }
}
