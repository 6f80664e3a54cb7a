import type { Registry, RegistryUnit } from '../registry.model';

function unit(name: string, extra: Partial<RegistryUnit> = {}): RegistryUnit {
  return { name, aliases: [], abbreviations: [], kind: 'department', years: [2023], renamedFrom: [], ...extra };
}

/** A small hand-made registry for matcher tests (not the seeds' answers). */
export function makeRegistry(): Registry {
  return {
    version: 1,
    city: '太仓市',
    leaders: [
      { name: '吴敬宇', years: [2021, 2023], oversees: ['发改委', '财政局'], aliases: [] },
      { name: '郑丙华', years: [2021, 2023], oversees: ['住建局'], aliases: [] },
      { name: '张顺', years: [2021], oversees: ['资源规划局'], aliases: [] },
      { name: '张展', years: [2023], oversees: ['教育局'], aliases: [] },
      { name: '陈磊', years: [2023], oversees: ['卫健委'], aliases: [] },
      { name: '周强', years: [2021], oversees: ['公安局'], aliases: [] },
      { name: '欧阳·明', years: [2023], oversees: [], aliases: [] },
    ],
    units: [
      unit('发改委', { fullName: '太仓市发展和改革委员会' }),
      unit('财政局', { fullName: '太仓市财政局' }),
      unit('住建局', { fullName: '太仓市住房和城乡建设局' }),
      unit('资源规划局', { fullName: '太仓市自然资源和规划局', aliases: [], renamedFrom: ['资规局'] }),
      unit('教育局', { fullName: '太仓市教育局' }),
      unit('卫健委', { fullName: '太仓市卫生健康委员会' }),
      unit('公安局', { fullName: '太仓市公安局' }),
      unit('退役军人事务局', { fullName: '太仓市退役军人事务局' }),
      unit('农业农村局', { fullName: '太仓市农业农村局' }),
      unit('海关', { fullName: '', kind: 'other' }),
      unit('残联', { fullName: '太仓市残疾人联合会', kind: 'other' }),
      unit('各镇（区）有关部门', { kind: 'generic' }),
    ],
  };
}
