/** Shared by validate, registry and diff: the registry a command uses (file, workbook 名录 or default). */
import * as fs from 'fs';
import {
  FenjieError, createRegistryIndex, loadDefaultRegistry, loadPinyin, parseRegistryJson, readRegistryFromUsedRanges, readXlsxSheets, REGISTRY_SHEETS,
  type PinyinFn, type Registry, type RegistryIndex,
} from '../../core/index';
import { baseName, readInputFile } from '../cli-io';

export interface LoadedRegistry {
  registry: Registry;
  /** Where it came from, for the summary: a file name, '<workbook> 名录' or 'default'. */
  origin: string;
}

const REGISTRY_SHEET_NAMES: string[] = [REGISTRY_SHEETS.leaders, REGISTRY_SHEETS.units];

/** The 名录 sheets of an .xlsx, or null when it has none. */
export function readWorkbookRegistry(bytes: Uint8Array): Registry | null {
  const sheets = readXlsxSheets(bytes, { sheetFilter: (name) => REGISTRY_SHEET_NAMES.includes(name) });
  return readRegistryFromUsedRanges(sheets);
}

/** --registry FILE (.json or a workbook with 名录 sheets); else the input workbook's 名录; else the default. */
export function loadRegistry(registryPath: string | undefined, inputFiles: string[] = []): LoadedRegistry {
  if (registryPath) {
    const bytes = readInputFile(registryPath);
    if (/\.xlsx$/i.test(registryPath)) {
      const registry = readWorkbookRegistry(bytes);
      if (!registry) throw new FenjieError('registry-missing', `工作簿中没有名录表：${registryPath}`, `The workbook has no registry sheets: ${registryPath}`);
      return { registry, origin: `${baseName(registryPath)} 名录` };
    }
    return { registry: parseRegistryJson(new TextDecoder('utf-8').decode(bytes)), origin: baseName(registryPath) };
  }
  for (const file of inputFiles.filter((f) => /\.xlsx$/i.test(f) && fs.existsSync(f))) {
    const registry = readWorkbookRegistry(readInputFile(file));
    if (registry && registry.leaders.length + registry.units.length > 0) return { registry, origin: `${baseName(file)} 名录` };
  }
  return { registry: loadDefaultRegistry(), origin: 'default' };
}

let pinyinPromise: Promise<PinyinFn> | null = null;

export function getPinyin(): Promise<PinyinFn> {
  pinyinPromise ??= loadPinyin();
  return pinyinPromise;
}

export async function buildIndex(registry: Registry): Promise<RegistryIndex> {
  return createRegistryIndex(registry, { pinyin: await getPinyin() });
}

export function describeRegistry(loaded: LoadedRegistry, lang: 'zh' | 'en'): string {
  const { registry, origin } = loaded;
  const name = origin === 'default' ? (lang === 'zh' ? `默认名录${registry.city ? `（${registry.city}）` : ''}` : `default registry${registry.city ? ` (${registry.city})` : ''}`) : origin;
  return lang === 'zh' ? `${name}：${registry.leaders.length} 位领导、${registry.units.length} 个单位` : `${name}: ${registry.leaders.length} leaders, ${registry.units.length} units`;
}
