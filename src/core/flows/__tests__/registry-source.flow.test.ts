import { loadDefaultRegistry } from '../../registry/default-registry.loader';
import { serialiseRegistry } from '../../registry/registry-json.codec';
import { createEmptyRegistry } from '../../registry/registry.model';
import { chooseRegistry, describeRegistry, indexRegistry, planRegistryWorkbook, readRegistryFile } from '../registry-source.flow';
import { createMemoryHost } from '../../host/memory.host';
import { planToOps } from '../../host/plan-to-ops';
import { readHostRegistry } from '../host-records.flow';
import { writeXlsx } from '../../../writers/xlsx/xlsx.writer';

function small() {
  const registry = createEmptyRegistry('某县');
  registry.leaders.push({ name: '张三', years: [], oversees: ['县发改局'], aliases: [] });
  registry.units.push({ name: '县发改局', aliases: [], abbreviations: [], kind: 'department', years: [], renamedFrom: [] });
  return registry;
}

describe('registry source flow: one rule for every command and the pane', () => {
  it('explicit, else the workbook 名录, else the default', () => {
    const own = small();
    expect(chooseRegistry({}).origin).toBe('default');
    expect(chooseRegistry({ workbook: { registry: own, name: 'book.xlsx' } })).toMatchObject({ origin: 'workbook', name: 'book.xlsx', registry: own });
    expect(chooseRegistry({ explicit: 'default', workbook: { registry: own, name: 'book.xlsx' } }).origin).toBe('default');
    const file = chooseRegistry({ explicit: { bytes: new TextEncoder().encode(serialiseRegistry(own)), fileName: 'r.json' }, workbook: null });
    expect(file).toMatchObject({ origin: 'file', name: 'r.json' });
    expect(file.registry.units.map((u) => u.name)).toEqual(['县发改局']);
  });

  it('regression (--registry took a workbook in convert/validate only): a workbook with 名录 sheets is a registry file everywhere', async () => {
    const bytes = await writeXlsx(planRegistryWorkbook(small()));
    const registry = readRegistryFile(bytes, 'r.xlsx');
    expect(registry.leaders.map((l) => l.name)).toEqual(['张三']);
    expect(registry.leaders[0].oversees).toEqual(['县发改局']);
  });

  it('refuses a workbook without 名录 sheets with a code', async () => {
    const bytes = await writeXlsx({ version: 1, sheets: [{ name: 'x', role: 'other', columns: [{ key: 'a', header: 'a', width: 5, kind: 'text' }], rows: [['1']] }] });
    expect(() => readRegistryFile(bytes, 'x.xlsx')).toThrow(expect.objectContaining({ code: 'registry-missing' }));
  });

  it('the pane reads the open workbook’s 名录 through the host, as the CLI reads a file’s', async () => {
    const host = createMemoryHost();
    expect(await readHostRegistry(host)).toBeNull();
    await host.apply(planToOps(planRegistryWorkbook(small()), { existingSheets: [] }));
    const registry = await readHostRegistry(host);
    expect(chooseRegistry({ workbook: { registry, name: '' } }).registry.units.map((u) => u.name)).toEqual(['县发改局']);
  });

  it('says which registry applies and indexes it once', async () => {
    const choice = chooseRegistry({});
    expect(describeRegistry(choice, 'zh')).toMatch(/^默认名录（太仓市）：\d+ 位领导、\d+ 个单位$/);
    expect(describeRegistry(choice, 'en')).toMatch(/^default registry \(太仓市\): \d+ leaders/);
    const registry = loadDefaultRegistry();
    const [a, b] = await Promise.all([indexRegistry(registry), indexRegistry(registry)]);
    expect(a).toBe(b);
    expect(a.pinyin).not.toBeNull();
  });
});
