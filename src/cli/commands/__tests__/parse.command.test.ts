import * as fs from 'fs';
import * as os from 'os';
import { join } from 'path';
import { main } from '../../main';
import { command } from '../parse.command';
import { captureIO } from './capture-io';

const SEED_2021 = join(__dirname, '../../../../seeds/002_9a155e4ec979336d.txt');

describe('fenjie parse', () => {
  it('prints the ParseResult as JSON with --json', async () => {
    const io = captureIO();
    expect(await command.run([SEED_2021, '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join(''));
    expect(Object.keys(json)).toEqual(['source', 'notice', 'tables', 'fixes', 'warnings']);
    expect(json.source).toBe('002_9a155e4ec979336d.txt');
    expect(json.notice).toMatchObject({ number: '太政发〔2021〕9号', date: '2021-02-07' });
    expect(json.tables.map((t: { kind: string; rows: unknown[] }) => [t.kind, t.rows.length])).toEqual([['tasks', 131], ['projects', 26]]);
    expect(Object.keys(json.fixes[0])).toEqual(['table', 'row', 'field', 'from', 'to', 'rule']);
  });

  it('indents --json for a terminal and writes it compact when the console says stdout is a pipe or a file', async () => {
    const pretty = captureIO();
    const piped = captureIO('zh', { pretty: false });
    await command.run([SEED_2021, '--json'], pretty);
    await command.run([SEED_2021, '--json'], piped);
    expect(pretty.stdout.join('')).toContain('\n  "notice": {');
    expect(piped.stdout.join('')).not.toContain('\n');
    expect(JSON.parse(piped.stdout.join(''))).toEqual(JSON.parse(pretty.stdout.join('')));
  });

  it('prints a Chinese summary with tables, fixes by rule and warnings', async () => {
    const io = captureIO('zh');
    expect(await command.run([SEED_2021], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('2021年政府各项主要工作分解落实表［主要工作，2021］131 行');
    expect(text).toMatch(/strip-stray-prefix\s+13/);
    expect(text).toContain('[row-incomplete]');
  });

  it('prints an English summary with --lang en', async () => {
    const io = captureIO('en');
    await command.run([SEED_2021, '--lang', 'en'], io);
    expect(io.stdout.join('\n')).toContain('[projects, 2021] 26 rows');
  });

  it('fails with a coded message and exit status 1, no stack, for a missing file or no argument', async () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['parse', join(os.tmpdir(), 'fenjie-no-such-file.txt')])).toBe(1);
      expect(await main(['parse'])).toBe(1);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('[input-unreadable]');
      expect(printed).toContain('[usage]');
      expect(printed).not.toMatch(/\n\s+at /);
    } finally {
      write.mockRestore();
    }
  });

  it('prints the result and exits 1 with a coded message when no table is recognisable', async () => {
    const file = join(fs.mkdtempSync(join(os.tmpdir(), 'fenjie-')), 'plain.txt');
    fs.writeFileSync(file, '只有一段正文。\n');
    const io = captureIO();
    expect(await command.run([file, '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('')).warnings.map((w: { code: string }) => w.code)).toEqual(['no-table']);
    expect(io.stderr.join('\n')).toContain('错误 [no-table]');
  });

  it.each([
    ['unknown-header.docx', ['table-unknown', 'no-table']],
    ['wrong-columns.docx', ['row-cell-count', 'row-cell-count']],
  ])('exits 1 for the bad input %s with its finding codes', async (name, codes) => {
    const io = captureIO();
    expect(await command.run([join(__dirname, '../../../../test/fixtures/bad', name)], io)).toBe(1);
    for (const code of codes) expect(io.stdout.join('\n')).toContain(`[${code}]`);
    expect(io.stderr.join('\n')).toMatch(/错误 \[(no-table|row-cell-count)\]/);
  });
});
