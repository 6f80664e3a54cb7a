import { useCallback } from 'react';
import type { Registry } from '../../core';
import { loadRegistryModule } from '../lazy/load';
import { usePane } from '../pane-context';

/**
 * The registry in use, by the core's one rule: the one chosen in 名录 this session; else the
 * workbook's 名录 sheets; else the default registry. Loaded on first need (it is heavy).
 */
export function useRegistry(): () => Promise<Registry> {
  const { host, registry, setRegistry } = usePane();
  return useCallback(async () => {
    if (registry) return registry.registry;
    const mod = await loadRegistryModule();
    const choice = mod.chooseRegistry({ workbook: { registry: await mod.readHostRegistry(host), name: '' } });
    setRegistry({ name: choice.origin === 'workbook' ? 'sheet' : 'default', registry: choice.registry, leaders: choice.registry.leaders.length, units: choice.registry.units.length });
    return choice.registry;
  }, [host, registry, setRegistry]);
}
