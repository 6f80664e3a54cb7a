import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs, suggestOption } from '../cli-args';
import { COMMANDS } from '../command-table';
import { main } from '../main';

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
}

const SEED = path.join(__dirname, '../../../seeds/000_8040c5413e4a8407.txt');

describe('command-line options', () => {
  it('regression (mistyped options were ignored with exit 0): an unknown option is a usage error with a suggestion', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-args-'));
    const cases: [string[], string][] = [
      [['export', SEED, '--docx', path.join(dir, 'a.docx'), '--no-covr'], '--no-cover'],
      [['parse', SEED, '--jsno'], '--json'],
      [['convert', SEED, '-o', path.join(dir, 'a.xlsx'), '--registy', 'x.json'], '--registry'],
    ];
    for (const [argv, hint] of cases) {
      const { code, err } = await runCli(argv);
      expect(code).toBe(1);
      expect(err).toContain('[usage]');
      expect(err).toContain(`你是不是想输入 ${hint}？`);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    const { code, err } = await runCli(['parse', SEED, '--foo']);
    expect(code).toBe(1);
    expect(err).toContain('未知选项：--foo');
  });

  it('regression (--registy X took X as an input file): the value is not a positional argument', () => {
    expect(() => parseArgs(['a.txt', '--registy', 'x.json'], [{ name: 'registry', value: true }])).toThrow(expect.objectContaining({ code: 'usage' }));
    expect(parseArgs(['a.txt', '--registry', 'x.json'], [{ name: 'registry', value: true }])).toEqual({ positional: ['a.txt'], flags: { registry: 'x.json' } });
    expect(() => parseArgs(['--registry'], [{ name: 'registry', value: true }])).toThrow(/需要一个值/);
    expect(parseArgs(['-o', 'x', '--output=y'], [{ name: 'o', value: true, aliases: ['output'] }]).flags).toEqual({ o: 'y' });
  });

  it('suggests only what is close', () => {
    expect(suggestOption('no-covr', [{ name: 'no-cover' }, { name: 'json' }])).toBe('--no-cover');
    expect(suggestOption('zzzzzz', [{ name: 'no-cover' }, { name: 'json' }])).toBeNull();
  });

  it('--help on every command prints its usage and exits 0', async () => {
    for (const name of Object.keys(COMMANDS)) {
      for (const flag of ['--help', '-h']) {
        const { code, out } = await runCli([name, flag]);
        expect(code).toBe(0);
        expect(out).toContain(`fenjie ${COMMANDS[name].usage}`);
      }
    }
  });
});
