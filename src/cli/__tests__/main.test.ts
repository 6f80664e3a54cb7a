import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../main';

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
}

describe('fenjie main', () => {
  it('lists every command in help', async () => {
    const { code, out } = await runCli(['help']);
    expect(code).toBe(0);
    for (const name of ['parse', 'convert', 'demo', 'validate', 'registry', 'diff', 'export', 'rollover', 'split', 'collect']) {
      expect(out).toContain(`  ${name} `);
    }
  });

  it('refuses an unknown command in Chinese with exit 1', async () => {
    const { code, err } = await runCli(['frobnicate']);
    expect(code).toBe(1);
    expect(err).toContain('未知命令');
  });

  it('regression: --lang before the command name was taken as the command', async () => {
    const { code, err } = await runCli(['--lang', 'en', 'frobnicate']);
    expect(code).toBe(1);
    expect(err).toContain('Unknown command: frobnicate');
  });

  it('reports garbage input with a code and no stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-main-'));
    const file = path.join(dir, 'garbage.docx');
    fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 1, 2, 3]));
    const { code, err } = await runCli(['parse', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/错误 \[[a-z-]+\]/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
