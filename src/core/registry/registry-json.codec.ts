/** Registry JSON: strict reading (coded errors for a bad file) and stable, diff-friendly writing. */
import { FenjieError } from '../errors';
import { UNIT_KINDS, type ProposalKind, type Registry, type RegistryProposal, type RegistryLeader, type RegistryUnit, type UnitKind } from './registry.model';

function fail(detail: string): never {
  throw new FenjieError('registry-invalid', `名录文件格式不正确：${detail}`, `Invalid registry file: ${detail}`, { details: { detail } });
}

function asStrings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(`${where} 应为字符串数组 / must be an array of strings`);
  return [...new Set((value as string[]).map((v) => v.trim()).filter(Boolean))];
}

function asYears(value: unknown, where: string): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => !Number.isInteger(v))) fail(`${where} 应为年份数组 / must be an array of years`);
  return [...new Set(value as number[])].sort((a, b) => a - b);
}

function asName(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value.trim()) fail(`${where}.name 不能为空 / must be a non-empty string`);
  return (value as string).trim();
}

function readLeader(value: unknown, i: number): RegistryLeader {
  if (!value || typeof value !== 'object') fail(`leaders[${i}] 应为对象 / must be an object`);
  const v = value as Record<string, unknown>;
  const where = `leaders[${i}]`;
  const leader: RegistryLeader = {
    name: asName(v.name, where),
    years: asYears(v.years, `${where}.years`),
    oversees: asStrings(v.oversees, `${where}.oversees`),
    aliases: asStrings(v.aliases, `${where}.aliases`),
  };
  if (typeof v.title === 'string' && v.title.trim()) leader.title = v.title.trim();
  return leader;
}

function readUnit(value: unknown, i: number): RegistryUnit {
  if (!value || typeof value !== 'object') fail(`units[${i}] 应为对象 / must be an object`);
  const v = value as Record<string, unknown>;
  const where = `units[${i}]`;
  const kind = (v.kind ?? 'department') as UnitKind;
  if (!UNIT_KINDS.includes(kind)) fail(`${where}.kind 应为 ${UNIT_KINDS.join('/')} / must be one of ${UNIT_KINDS.join(', ')}`);
  const unit: RegistryUnit = {
    name: asName(v.name, where),
    aliases: asStrings(v.aliases, `${where}.aliases`),
    abbreviations: asStrings(v.abbreviations, `${where}.abbreviations`),
    kind,
    years: asYears(v.years, `${where}.years`),
    renamedFrom: asStrings(v.renamedFrom, `${where}.renamedFrom`),
  };
  if (typeof v.fullName === 'string') unit.fullName = v.fullName.trim();
  return unit;
}

function readProposal(value: unknown, i: number): RegistryProposal {
  const v = (value ?? {}) as Record<string, unknown>;
  const kind = v.kind as ProposalKind;
  if (!['merge', 'split', 'oversees'].includes(kind)) fail(`proposals[${i}].kind 无效 / invalid`);
  return {
    kind,
    nameKind: v.nameKind === 'unit' ? 'unit' : 'leader',
    names: asStrings(v.names, `proposals[${i}].names`),
    reason: typeof v.reason === 'string' ? v.reason : '',
    score: typeof v.score === 'number' ? v.score : 0,
    note: typeof v.note === 'string' ? v.note : '',
  };
}

/** Reads a registry from a parsed JSON value, checking every field. */
export function readRegistry(value: unknown): Registry {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail('顶层应为对象 / top level must be an object');
  const v = value as Record<string, unknown>;
  if (v.version !== undefined && v.version !== 1) fail(`不支持的版本 ${String(v.version)} / unsupported version`);
  if (!Array.isArray(v.leaders) || !Array.isArray(v.units)) fail('缺少 leaders 或 units 数组 / leaders and units arrays are required');
  const registry: Registry = { version: 1, leaders: (v.leaders as unknown[]).map(readLeader), units: (v.units as unknown[]).map(readUnit) };
  if (typeof v.city === 'string' && v.city.trim()) registry.city = v.city.trim();
  if (Array.isArray(v.proposals) && v.proposals.length) registry.proposals = (v.proposals as unknown[]).map(readProposal);
  checkDuplicates(registry);
  return registry;
}

function checkDuplicates(registry: Registry): void {
  const seen = new Set<string>();
  for (const leader of registry.leaders) {
    if (seen.has(`l:${leader.name}`)) fail(`领导重复：${leader.name} / duplicate leader`);
    seen.add(`l:${leader.name}`);
  }
  for (const unit of registry.units) {
    if (seen.has(`u:${unit.name}`)) fail(`单位重复：${unit.name} / duplicate unit`);
    seen.add(`u:${unit.name}`);
  }
}

/** Parses registry JSON text. */
export function parseRegistryJson(text: string): Registry {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new FenjieError('registry-invalid', '名录文件不是有效的 JSON', 'The registry file is not valid JSON', { cause: error });
  }
  return readRegistry(value);
}

/** Writes registry JSON with a fixed key order, so files diff well under version control. */
export function serialiseRegistry(registry: Registry): string {
  const out = {
    version: 1,
    ...(registry.city ? { city: registry.city } : {}),
    leaders: registry.leaders.map((l) => ({
      name: l.name,
      ...(l.title ? { title: l.title } : {}),
      years: l.years,
      oversees: l.oversees,
      aliases: l.aliases,
    })),
    units: registry.units.map((u) => ({
      name: u.name,
      fullName: u.fullName ?? '',
      kind: u.kind,
      aliases: u.aliases,
      abbreviations: u.abbreviations,
      years: u.years,
      renamedFrom: u.renamedFrom,
    })),
    ...(registry.proposals?.length ? { proposals: registry.proposals } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
