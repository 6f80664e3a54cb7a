import * as fs from 'fs';
import * as os from 'os';
import { join } from 'path';
import { command as validate } from '../validate.command';
import { command as registry } from '../registry.command';
import { command as diff } from '../diff.command';
import { serialiseRegistry } from '../../../core/index';
import { parseRegistryJson } from '../../../core/testing';
import { captureIO } from './capture-io';

const SEEDS = join(__dirname, '../../../../seeds');
const SEED_2023 = join(SEEDS, '000_8040c5413e4a8407.txt');
const SEED_2021 = join(SEEDS, '002_9a155e4ec979336d.txt');

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'fenjie-reg-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('fenjie validate', () => {
  it('exits 0 on a seed with the default registry and prints the stable JSON', async () => {
    const io = captureIO();
    expect(await validate.run([SEED_2021, '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join(''));
    expect(Object.keys(json).slice(0, 2)).toEqual(['findings', 'summary']);
    expect(json).toMatchObject({ valid: true, registry: 'default' });
    expect(json.summary).toMatchObject({ errors: 0 });
    const alias = json.findings.find((f: { value: string }) => f.value === '资规局');
    expect(Object.keys(alias).slice(0, 7)).toEqual(['code', 'severity', 'table', 'row', 'field', 'value', 'suggestions']);
    expect(alias).toMatchObject({ code: 'unit-alias', severity: 'info', field: 'leadUnits', suggestions: [{ value: '资源规划局', reason: 'alias' }] });
    expect(alias.cell).toMatch(/^'主要工作'!G\d+$/);
  });

  it('exits 1 when there are errors (a registry that does not know the leaders)', async () => {
    const file = join(tmp, 'tiny.json');
    fs.writeFileSync(file, serialiseRegistry({ version: 1, leaders: [{ name: '张三', years: [], oversees: [], aliases: [] }], units: [] }));
    const io = captureIO();
    expect(await validate.run([SEED_2023, '--registry', file], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/错误 \d+ 条/);
    expect(text).toContain('leader-unknown');
  });

  it('refuses a broken registry file with a coded error', async () => {
    const file = join(tmp, 'broken.json');
    fs.writeFileSync(file, '{"leaders": 3}');
    await expect(validate.run([SEED_2023, '--registry', file], captureIO())).rejects.toMatchObject({ code: 'registry-invalid' });
  });
});

describe('fenjie registry', () => {
  it('init writes a registry built from the documents, with proposals', async () => {
    const out = join(tmp, 'r.json');
    const io = captureIO();
    expect(await registry.run(['init', SEED_2021, SEED_2023, '-o', out, '--city', '太仓市'], io)).toBe(0);
    const built = parseRegistryJson(fs.readFileSync(out, 'utf8'));
    expect(built.city).toBe('太仓市');
    expect(built.leaders.length).toBe(17);
    expect(built.proposals?.some((p) => p.kind === 'merge' && p.names.includes('资规局'))).toBe(true);
    expect(io.stdout.join('\n')).toContain('待核实的建议');
  });

  it('a seed validates without errors against the registry built from it', async () => {
    const out = join(tmp, 'r2023.json');
    await registry.run(['init', SEED_2023, '-o', out], captureIO());
    expect(await validate.run([SEED_2023, '--registry', out], captureIO())).toBe(0);
  });

  it('default prints the default registry JSON', async () => {
    const io = captureIO();
    expect(await registry.run(['default'], io)).toBe(0);
    expect(parseRegistryJson(io.stdout.join('')).city).toBe('太仓市');
  });

  it('rejects a missing subcommand with a usage error', async () => {
    await expect(registry.run([], captureIO())).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('fenjie diff', () => {
  it('prints the clerk summary and JSON', async () => {
    const io = captureIO();
    expect(await diff.run([SEED_2021, SEED_2023], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/资规局 → 资源规划局/);
    const jio = captureIO();
    await diff.run([SEED_2021, SEED_2023, '--json'], jio);
    const json = JSON.parse(jio.stdout.join(''));
    expect(json.leaders.kept.sort()).toEqual(['吴敬宇', '郑丙华']);
  });
});
