import { useCallback } from 'react';
import type { Registry, SpreadsheetHost } from '../../core';
import { loadRegistryModule } from '../lazy/load';
import { usePane, type RegistryChoice } from '../pane-context';

/**
 * The registry in use: the one chosen in 名录; else the choice remembered in the workbook state
 * ('sheet': the 名录 sheets); else the default registry. Loaded on first need (it is heavy).
 */
export function useRegistry(): () => Promise<Registry> {
  const { host, registry, setRegistry } = usePane();
  return useCallback(async () => {
    if (registry) return registry.registry;
    const choice = await resolveRegistry(host);
    setRegistry(choice);
    return choice.registry;
  }, [host, registry, setRegistry]);
}

async function resolveRegistry(host: SpreadsheetHost): Promise<RegistryChoice> {
  const mod = await loadRegistryModule();
  const state = await host.readState();
  if (state.registryChoice === 'sheet') {
    const fromSheet = await readRegistrySheets(host, mod);
    if (fromSheet) return { name: 'sheet', registry: fromSheet, ...mod.countRegistry(fromSheet) };
  }
  const loaded = mod.getDefaultRegistry();
  return { name: 'default', registry: loaded, ...mod.countRegistry(loaded) };
}

/** The registry in the workbook's 名录 sheets, or null when there are none. */
export async function readRegistrySheets(host: SpreadsheetHost, mod: Awaited<ReturnType<typeof loadRegistryModule>>): Promise<Registry | null> {
  const present = new Set((await host.listSheets()).map((sheet) => sheet.name));
  const names = mod.registrySheetNames().filter((name) => present.has(name));
  return names.length ? mod.registryFromRanges(await Promise.all(names.map((name) => host.readUsedRange(name)))) : null;
}
