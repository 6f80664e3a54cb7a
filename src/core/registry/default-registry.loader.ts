/**
 * The default registry for the seeds' city (太仓市): the 2021 and 2023 leaders and every unit in
 * the seeds, full official names only where sure. Drafted by `registry init`, curated by hand.
 */
import type { Registry } from './registry.model';
import { readRegistry } from './registry-json.codec';
import defaultRegistryJson from './default-registry.json';

/** A fresh copy of the default registry (callers may change it). */
export function loadDefaultRegistry(): Registry {
  return readRegistry(JSON.parse(JSON.stringify(defaultRegistryJson)));
}
