/** The `fenjie` command: wiring only. Each command lives in commands/<name>.command.ts. */
import { createNodeIO, reportError, type CliIO } from './cli-io';

export interface Command {
  summaryZh: string;
  summaryEn: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

type CommandLoader = () => Promise<{ command: Command }>;

/** Loaded on demand so that `fenjie parse` never pays for the .docx writer. */
const COMMANDS: Record<string, CommandLoader> = {
  parse: () => import('./commands/parse.command'),
  convert: () => import('./commands/convert.command'),
  demo: () => import('./commands/demo.command'),
  export: () => import('./commands/export.command'),
  rollover: () => import('./commands/rollover.command'),
  split: () => import('./commands/split.command'),
  collect: () => import('./commands/collect.command'),
  validate: () => import('./commands/validate.command'),
  registry: () => import('./commands/registry.command'),
  diff: () => import('./commands/diff.command'),
};

function printHelp(io: CliIO, loaded: [string, Command][]): void {
  io.out('fenjie — 分解落实表工具 / tools for the yearly 分解落实表\n');
  io.out('用法 Usage: fenjie <command> [options]\n');
  for (const [, command] of loaded) {
    io.out(`  ${command.usage.padEnd(58)} ${io.lang === 'en' ? command.summaryEn : command.summaryZh}`);
  }
  io.out('\n选项 Options: --lang zh|en, --json (where supported). 详见 README.md。');
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

export async function main(argv: string[]): Promise<number> {
  const { lang: langFlag, rest: args } = takeLangFlag(argv);
  const lang = (langFlag ?? process.env.FENJIE_LANG) === 'en' ? 'en' : 'zh';
  const io = createNodeIO(lang);
  const [name, ...rest] = args;
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      const loaded = await Promise.all(Object.entries(COMMANDS).map(async ([n, load]) => [n, (await load()).command] as [string, Command]));
      printHelp(io, loaded);
      return name ? 0 : 1;
    }
    const load = COMMANDS[name];
    if (!load) {
      io.err(lang === 'en' ? `Unknown command: ${name}. Run fenjie help.` : `未知命令：${name}。运行 fenjie help 查看用法。`);
      return 1;
    }
    const { command } = await load();
    return await command.run(rest, io);
  } catch (error) {
    return reportError(io, error);
  }
}
