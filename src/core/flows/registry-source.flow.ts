/**
 * Which 名录 applies, decided one way for every command and the pane: the one the user names
 * (a JSON file, a workbook with 名录 sheets, or "default"), else the 名录 sheets of the workbook at
 * hand, else the bundled default. The caller prints `describeRegistry` so the choice is never silent.
 */
import { FenjieError } from '../errors';
import { loadDefaultRegistry } from '../registry/default-registry.loader';
import { loadPinyin, type PinyinFn } from '../registry/pinyin-keys.builder';
import { parseRegistryJson } from '../registry/registry-json.codec';
import { createRegistryIndex, type RegistryIndex } from '../registry/registry-index.builder';
import type { Registry } from '../registry/registry.model';
import { buildRegistrySheets } from '../registry/registry-sheet.planner';
import { openXlsxBook } from '../readers/xlsx.reader';
import { isZip } from '../readers/zip.reader';
import type { WorkbookPlan } from '../workbook/plan.model';
import { readBookRegistry } from './read-input.flow';

/** `document`: bootstrapped from the document itself (another city's document against the default 名录). */
export type RegistryOrigin = 'file' | 'workbook' | 'default' | 'document';

export interface RegistryChoice {
  registry: Registry;
  origin: RegistryOrigin;
  /** File name for 'file', workbook name for 'workbook', '' for the default. */
  name: string;
}

/** A registry file: JSON, or a workbook whose 名录 / 单位名录 sheets hold one (told apart by content). */
export function readRegistryFile(bytes: Uint8Array, fileName: string): Registry {
  if (isZip(bytes)) {
    const registry = readBookRegistry(openXlsxBook(bytes));
    if (!registry) throw new FenjieError('registry-missing', `工作簿中没有名录表（名录、单位名录）：${fileName}`, `The workbook has no registry sheets (名录, 单位名录): ${fileName}`, { details: { file: fileName } });
    return registry;
  }
  return parseRegistryJson(new TextDecoder('utf-8').decode(bytes));
}

export interface RegistryRequest {
  /** What the user named: a registry file, or 'default'. */
  explicit?: { bytes: Uint8Array; fileName: string } | 'default' | { registry: Registry; name: string };
  /** The 名录 sheets of the workbook at hand (an input workbook, or the open one in the pane). */
  workbook?: { registry: Registry | null; name: string } | null;
}

/** The one rule: explicit, else the workbook's 名录, else the default. */
export function chooseRegistry(request: RegistryRequest = {}): RegistryChoice {
  const { explicit, workbook } = request;
  if (explicit === 'default') return { registry: loadDefaultRegistry(), origin: 'default', name: '' };
  if (explicit && 'registry' in explicit) return { registry: explicit.registry, origin: 'file', name: explicit.name };
  if (explicit) return { registry: readRegistryFile(explicit.bytes, explicit.fileName), origin: 'file', name: explicit.fileName };
  if (workbook?.registry) return { registry: workbook.registry, origin: 'workbook', name: workbook.name };
  return { registry: loadDefaultRegistry(), origin: 'default', name: '' };
}

/** One line for people: 默认名录（太仓市）：17 位领导、82 个单位. */
export function describeRegistry(choice: RegistryChoice, lang: 'zh' | 'en'): string {
  const { registry, origin, name } = choice;
  const city = registry.city ? (lang === 'zh' ? `（${registry.city}）` : ` (${registry.city})`) : '';
  const labels: Record<RegistryOrigin, string> = lang === 'zh'
    ? { default: `默认名录${city}`, workbook: `${name} 中的名录`, document: `由文件自建的名录${city}`, file: name }
    : { default: `default registry${city}`, workbook: `the registry sheets of ${name}`, document: `registry built from the document${city}`, file: name };
  const label = labels[origin];
  return lang === 'zh' ? `${label}：${registry.leaders.length} 位领导、${registry.units.length} 个单位` : `${label}: ${registry.leaders.length} leaders, ${registry.units.length} units`;
}

/** The state's record of the choice (informational: the rule above decides). */
export function registryChoiceLabel(choice: RegistryChoice): string {
  return choice.origin === 'default' ? 'default' : choice.origin === 'workbook' ? 'sheet' : choice.origin === 'document' ? 'document' : choice.name;
}

const indexes = new WeakMap<Registry, Promise<RegistryIndex>>();

/**
 * The matcher's index with homophone keys (pinyin loaded once), built once per registry. The CLI
 * passes its own `pinyin`, one that loads pinyin-pro on its first call (most runs never make one).
 */
export function indexRegistry(registry: Registry, options: { pinyin?: PinyinFn } = {}): Promise<RegistryIndex> {
  let hit = indexes.get(registry);
  if (!hit) {
    const pinyin = options.pinyin ? Promise.resolve(options.pinyin) : loadPinyin();
    hit = pinyin.then((fn) => createRegistryIndex(registry, { pinyin: fn }));
    indexes.set(registry, hit);
  }
  return hit;
}

/** The 名录 / 单位名录 sheets of a registry, to write into a workbook. */
export function planRegistryWorkbook(registry: Registry): WorkbookPlan {
  return { version: 1, sheets: buildRegistrySheets(registry) };
}
