/** Guessing a unit's kind from its name (the registry can always say otherwise). */
import type { UnitKind } from './registry.model';

const GENERIC = /^(各|有关|相关)|有关部门$|相关部门$|成员单位$|经营企业$|^全市/;
const TOWN = /(镇|街道|乡)$|^(高新区|港区|开发区)$|(开发区|园区|新区)$/;
const COMPANY = /(集团|公司|企业|银行|支行)$/;
const DEPARTMENT = /(局|委|办|部|中心|委员会|办公室|院|所|队|站|会|联|关|处|组|指挥部)$/;

export function guessUnitKind(name: string): UnitKind {
  if (GENERIC.test(name)) return 'generic';
  if (TOWN.test(name)) return 'town';
  if (COMPANY.test(name)) return 'company';
  if (DEPARTMENT.test(name)) return 'department';
  return 'other';
}

/** True for a generic "unit" such as 各有关镇（区）有关部门 that no registry entry needs to hold. */
export function isGenericUnitName(name: string): boolean {
  return guessUnitKind(name) === 'generic';
}
