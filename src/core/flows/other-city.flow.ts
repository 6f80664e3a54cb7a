/**
 * A document from another city than the registry's (the default 名录 is 太仓市's): said as a
 * finding, and — when the registry is the default — names are checked against a registry
 * bootstrapped from the document itself (consistency: padded names, variants of one name,
 * leader–unit pattern), with an invitation to build the city's own (`fenjie registry init`).
 */
import type { Finding, ParseResult } from '../model/records.model';
import { initRegistry } from '../registry/registry-init.builder';
import type { RegistryChoice } from './registry-source.flow';

export interface CityCheck {
  choice: RegistryChoice;
  /** `registry-other-city` when the document is another city's; else empty. */
  findings: Finding[];
  /** The document's city, when the notice names it. */
  city: string | null;
}

function sameCity(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

export function checkDocumentCity(choice: RegistryChoice, results: ParseResult[]): CityCheck {
  const city = results.map((r) => r.notice.city).find((c): c is string => Boolean(c)) ?? null;
  const registryCity = choice.registry.city;
  if (!city || !registryCity || sameCity(city, registryCity)) return { choice, findings: [], city };
  const own = choice.origin === 'default';
  const finding: Finding = {
    code: 'registry-other-city',
    severity: 'warning',
    message: own
      ? `文件来自${city}，默认名录是${registryCity}的：已改用由本文件自建的名录校验（名称补空格、同一名称的不同写法、领导与单位搭配）。建议建立本地名录：fenjie registry init 文件 -o 名录.json --city ${city}，核实后用 --registry 名录.json`
      : `文件来自${city}，所用名录是${registryCity}的：名称可能被误报，请换用${city}的名录`,
    messageEn: own
      ? `The document is from ${city}; the default registry is ${registryCity}'s: names are checked against a registry built from the document itself (padding, variants of one name, leader–unit pattern). Build your own: fenjie registry init FILE -o registry.json --city ${city}, review it, then use --registry registry.json`
      : `The document is from ${city}; the registry is ${registryCity}'s: names may be flagged wrongly; use a registry of ${city}`,
    value: city,
  };
  if (!own) return { choice, findings: [finding], city };
  const registry = initRegistry(results, { city });
  return { choice: { registry, origin: 'document', name: '' }, findings: [finding], city };
}
