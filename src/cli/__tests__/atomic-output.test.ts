/**
 * Issue 16: never lose or half-write a file. Regression tests named after the items, the
 * full-disk test (an injected fs that fails with ENOSPC part-way) and the writer's refusals.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readFenjieWorkbook } from '../../core/testing';
import { backupName, sweepStaleTemps, syncFolders, writeFileAtomic, type OutputFs } from '../atomic-file.writer';
import { useOutputFs } from '../cli-io';
import { main } from '../main';

const SEED = path.join(__dirname, '../../../seeds/000_8040c5413e4a8407.txt');

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

const tempFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('issue 16 item 1: every output was written straight onto its final name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-atomic-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes through a temporary file in the same folder, flushed, then renamed', () => {
    const target = path.join(dir, 'a.txt');
    const calls: string[] = [];
    const spy: OutputFs = {
      ...fs,
      openSync: ((file: fs.PathLike, flags: string, mode?: number) => (calls.push(`open ${path.basename(String(file))}`), fs.openSync(file, flags, mode))) as typeof fs.openSync,
      fsyncSync: (fd: number) => (calls.push('fsync'), fs.fsyncSync(fd)),
      renameSync: (from: fs.PathLike, to: fs.PathLike) => (calls.push(`rename ${path.basename(String(to))}`), fs.renameSync(from, to)),
    };
    writeFileAtomic(target, 'new', { fs: spy });
    expect(calls[0]).toMatch(/^open \.a\.txt\.fenjie-\d+-[0-9a-z]+\.tmp$/);
    expect(calls.indexOf('fsync')).toBeGreaterThan(0);
    expect(calls).toContain('rename a.txt');
    expect(calls.indexOf('fsync')).toBeLessThan(calls.indexOf('rename a.txt'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('split speed (issue 15): many files into one folder flush each file before its rename and the folder once, at the end', () => {
    const sub = path.join(dir, 'many');
    const calls: string[] = [];
    const spy: OutputFs = {
      ...fs,
      openSync: ((file: fs.PathLike, flags: string, mode?: number) => {
        const fd = fs.openSync(file, flags, mode);
        calls.push(`open ${String(file) === sub ? 'folder' : 'file'} ${fd}`);
        return fd;
      }) as typeof fs.openSync,
      fsyncSync: (fd: number) => (calls.push(`fsync ${fd}`), fs.fsyncSync(fd)),
      renameSync: (from: fs.PathLike, to: fs.PathLike) => (calls.push(`rename ${path.basename(String(to))}`), fs.renameSync(from, to)),
      readdirSync: ((p: fs.PathLike) => (calls.push('sweep'), fs.readdirSync(p))) as typeof fs.readdirSync,
    };
    const folders = new Set<string>();
    for (const name of ['1.txt', '2.txt', '3.txt']) writeFileAtomic(path.join(sub, name), name, { fs: spy, folders });
    expect(calls.filter((c) => c.startsWith('open folder'))).toEqual([]);
    expect(calls.filter((c) => c === 'sweep')).toHaveLength(1);
    // Each file's data is flushed before it is renamed into place.
    for (const name of ['1.txt', '2.txt', '3.txt']) expect(calls[calls.indexOf(`rename ${name}`) - 1]).toMatch(/^fsync \d+$/);
    syncFolders(folders, spy);
    expect(calls.filter((c) => c.startsWith('open folder'))).toHaveLength(1);
    const folderFd = calls.find((c) => c.startsWith('open folder'))!.split(' ')[2];
    expect(calls[calls.length - 1]).toBe(`fsync ${folderFd}`);
    expect(fs.readdirSync(sub).sort()).toEqual(['1.txt', '2.txt', '3.txt']);
  });

  it('full disk: ENOSPC part-way leaves the old file intact, no temporary file, exit 1 with output-disk-full', async () => {
    const out = path.join(dir, '台账.xlsx');
    fs.writeFileSync(out, 'the clerk’s original');
    let written = 0;
    const restore = useOutputFs({
      ...fs,
      writeSync: ((fd: number, data: Uint8Array, offset?: number, length?: number) => {
        if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        written += 1;
        return fs.writeSync(fd, data, offset ?? 0, Math.min(length ?? data.length, 1000));
      }) as typeof fs.writeSync,
    });
    try {
      const { code, err } = await runCli(['convert', SEED, '-o', out, '--no-registry']);
      expect(code).toBe(1);
      expect(err).toContain('[output-disk-full]');
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      restore();
    }
    expect(written).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toBe('the clerk’s original');
    expect(tempFiles(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, '台账.bak.xlsx'))).toBe(false);
  });

  it('a failing rename (file locked) leaves the old file and no temporary file', () => {
    const target = path.join(dir, 'locked.txt');
    fs.writeFileSync(target, 'old');
    const locked: OutputFs = { ...fs, renameSync: () => { throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' }); } };
    expect(() => writeFileAtomic(target, 'new', { fs: locked, backup: false })).toThrow(expect.objectContaining({ code: 'output-unwritable' }));
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('refuses to write through a symlink', () => {
    const real = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(real, 'real');
    fs.symlinkSync(real, link);
    expect(() => writeFileAtomic(link, 'new')).toThrow(expect.objectContaining({ code: 'output-symlink' }));
    expect(fs.readFileSync(real, 'utf8')).toBe('real');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses an output that is an input, also through a symlink or a hard link', () => {
    const input = path.join(dir, 'in.txt');
    fs.writeFileSync(input, 'input');
    const hard = path.join(dir, 'hard.txt');
    fs.linkSync(input, hard);
    const soft = path.join(dir, 'soft.txt');
    fs.symlinkSync(input, soft);
    for (const output of [input, path.join(dir, '.', 'in.txt'), hard]) expect(() => writeFileAtomic(output, 'x', { inputs: [input] })).toThrow(expect.objectContaining({ code: 'output-is-input' }));
    expect(() => writeFileAtomic(input, 'x', { inputs: [soft] })).toThrow(expect.objectContaining({ code: 'output-is-input' }));
    expect(fs.readFileSync(input, 'utf8')).toBe('input');
  });

  it('removes temporary files left by a killed fenjie, keeps those of a running one and other files', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'sweep-'));
    fs.writeFileSync(path.join(sub, '.a.xlsx.fenjie-999999999-abc.tmp'), 'x');
    fs.writeFileSync(path.join(sub, `.b.xlsx.fenjie-${process.pid}-abc.tmp`), 'x');
    fs.writeFileSync(path.join(sub, 'c.tmp'), 'x');
    expect(sweepStaleTemps(sub)).toEqual(['.a.xlsx.fenjie-999999999-abc.tmp']);
    expect(fs.readdirSync(sub).sort()).toEqual([`.b.xlsx.fenjie-${process.pid}-abc.tmp`, 'c.tmp'].sort());
  });
});

describe('issue 16 item 2: the backup was overwritten', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-backup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names backups 台账.bak.xlsx, 台账.bak-2.xlsx, …', () => {
    expect(backupName('/d/台账.xlsx', 1)).toBe('/d/台账.bak.xlsx');
    expect(backupName('/d/台账.xlsx', 2)).toBe('/d/台账.bak-2.xlsx');
    expect(backupName('/d/notes', 3)).toBe('/d/notes.bak-3');
  });

  it('convert run twice over an existing 台账 keeps the original and every earlier output, and names the backup written', async () => {
    const out = path.join(dir, '台账.xlsx');
    fs.writeFileSync(out, 'original with the clerk’s edits');
    const first = await runCli(['convert', SEED, '-o', out, '--no-registry']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(path.join(dir, '台账.bak.xlsx'));
    const firstOutput = fs.readFileSync(out);
    const second = await runCli(['convert', SEED, '-o', out, '--no-registry']);
    expect(second.code).toBe(0);
    expect(second.out).toContain(path.join(dir, '台账.bak-2.xlsx'));
    expect(fs.readFileSync(path.join(dir, '台账.bak.xlsx'), 'utf8')).toBe('original with the clerk’s edits');
    expect(fs.readFileSync(path.join(dir, '台账.bak-2.xlsx')).equals(firstOutput)).toBe(true);
    const json = await runCli(['convert', SEED, '-o', out, '--no-registry', '--json']);
    expect(JSON.parse(json.out).backup).toBe(path.join(dir, '台账.bak-3.xlsx'));
    expect((await readFenjieWorkbook(new Uint8Array(fs.readFileSync(out)))).result.tables.length).toBeGreaterThan(0);
  });
});

describe('issue 16 item 3: unit files collided', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-collide-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('城管局/执法, 城管局_执法 and 城管局／执法 each get their own file, listed in 分发清单, and collect credits each by the unit inside the file', async () => {
    const txt = fs.readFileSync(SEED, 'utf8');
    const lines = txt.split('\n');
    // Three units whose names sanitise alike, as lead units of three different tasks.
    let swapped = 0;
    const names = ['城管局/执法', '城管局_执法', '城管局／执法'];
    const edited = lines.map((line) => (swapped < 3 && line.includes('\t') && /住建局/.test(line) ? line.replace('住建局', names[swapped++]) : line));
    expect(swapped).toBe(3);
    const source = path.join(dir, 'notice.txt');
    fs.writeFileSync(source, edited.join('\n'));
    const master = path.join(dir, 'master.xlsx');
    expect((await runCli(['convert', source, '-o', master, '--no-registry'])).code).toBe(0);
    const units = path.join(dir, 'units');
    const split = await runCli(['split', master, '--by', 'unit', '-o', units]);
    expect(split.code).toBe(0);
    expect(split.out).toContain('[split-name-clash]');
    const files = fs.readdirSync(units);
    const clashing = files.filter((f) => /城管局.执法/.test(f));
    expect(clashing).toHaveLength(3);
    expect(new Set(clashing.map((f) => f.normalize('NFKC').toLowerCase())).size).toBe(3);
    const manifest = JSON.parse(fs.readFileSync(path.join(units, '分发清单.json'), 'utf8'));
    const byUnit = new Map<string, string>(manifest.entries.map((e: { unit: string; fileName: string }) => [e.unit, e.fileName]));
    for (const unit of names) expect(clashing).toContain(byUnit.get(unit));
    expect(fs.readFileSync(path.join(units, '分发清单.csv'), 'utf8')).toContain('城管局/执法');
    for (const unit of names) {
      const book = await readFenjieWorkbook(new Uint8Array(fs.readFileSync(path.join(units, byUnit.get(unit) as string))));
      expect((book.state.split as { unit: string; file: string }).unit).toBe(unit);
    }
    // Renamed by the clerk: collect goes by the unit inside each file.
    const renamed = path.join(dir, 'returns');
    fs.mkdirSync(renamed);
    names.forEach((unit, i) => fs.copyFileSync(path.join(units, byUnit.get(unit) as string), path.join(renamed, `return-${i}.xlsx`)));
    const merged = path.join(dir, 'merged.xlsx');
    const collect = await runCli(['collect', master, renamed, '-o', merged, '--json']);
    expect(collect.code).toBe(0);
    const report = JSON.parse(collect.out);
    expect(report.files.map((f: { unit: string }) => f.unit).sort()).toEqual([...names].sort());
    expect(report.files.every((f: { accepted: boolean }) => f.accepted)).toBe(true);
  });

  it('split run twice keeps the earlier unit files as backups, never replaced', async () => {
    const master = path.join(dir, 'master.xlsx');
    const units = path.join(dir, 'units');
    const before = fs.readdirSync(units).filter((f) => f.endsWith('.xlsx') && !f.includes('.bak'));
    expect((await runCli(['split', master, '--by', 'unit', '-o', units])).code).toBe(0);
    const after = fs.readdirSync(units);
    for (const f of before) expect(after).toContain(f.replace(/\.xlsx$/, '.bak.xlsx'));
  });
});
