import { useCallback } from 'react';
import type { Registry } from '../../core';
import { loadRegistryModule } from '../lazy/load';
import { usePane } from '../pane-context';

/** The registry in use: the one chosen in 名录, else the default registry (loaded on first need). */
export function useRegistry(): () => Promise<Registry> {
  const { registry, setRegistry } = usePane();
  return useCallback(async () => {
    if (registry) return registry.registry;
    const mod = await loadRegistryModule();
    const loaded = mod.getDefaultRegistry();
    setRegistry({ name: 'default', registry: loaded, ...mod.countRegistry(loaded) });
    return loaded;
  }, [registry, setRegistry]);
}
