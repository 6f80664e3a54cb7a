/** Hand-made records for the export tests (independent of the readers). */
import type { Notice, ProjectsTable, TasksTable } from '../../model/records.model';

const base = { inherited: [] as string[] };

export function makeTasksTable(): TasksTable {
  return {
    kind: 'tasks',
    title: '2023年政府各项主要工作分解落实表',
    year: 2023,
    rows: [
      { ...base, category: '综合指标', item: '地区生产总值', content: '增长5%左右', leaders: ['吴敬宇'], leadUnits: ['发改委'], relatedUnits: ['各镇（区）有关部门'] },
      { ...base, category: '综合指标', item: '一般公共预算收入', content: '增长6%左右', leaders: ['胡卫江', '吴敬宇'], leadUnits: ['财政局'], relatedUnits: [] },
      { ...base, category: '致力推动量质齐升，共谋产业升级新突破', item: '狠抓项目建设', content: '深化重大项目指挥部、挂钩联系、协调会办等制度，办好现场推进会。', leaders: ['吴敬宇'], leadUnits: ['发改委'], relatedUnits: ['各有关镇（区）有关部门'] },
      { ...base, category: '致力推动量质齐升，共谋产业升级新突破', item: '狠抓项目建设', content: '全力推动利洁时一期等项目快投产 <A&B> "引号"', leaders: ['张展', '郑丙华'], leadUnits: ['商务局', '资规局'], relatedUnits: ['退役军人事务局'] },
      { ...base, category: '致力推动量质齐升，共谋产业升级新突破', item: '优化营商环境', content: '第一段\n第二段', leaders: ['陈磊'], leadUnits: ['政府办'], relatedUnits: ['高新区', '城厢镇'] },
    ],
  };
}

export function makeProjectsTable(): ProjectsTable {
  return {
    kind: 'projects',
    title: '2023年民生实事项目情况表',
    year: 2023,
    rows: [
      { ...base, no: 1, category: '教育文体', name: '城区学前教育普惠资源优质提升项目', content: '城南幼儿园新建项目', task: '竣工投用。', leaders: ['倪嘉臻'], leadUnits: ['教育局'], relatedUnits: ['高新区'] },
      { ...base, no: 1, category: '教育文体', name: '城区学前教育普惠资源优质提升项目', content: '城北幼儿园新建项目', task: '装修完成50%。', leaders: ['倪嘉臻'], leadUnits: ['教育局'], relatedUnits: ['城厢镇'] },
      { ...base, no: 2, category: '教育文体', name: '娄江新城高中新建项目', content: '新建一所24轨72班高中', task: '土建完成30%。', leaders: ['倪嘉臻'], leadUnits: ['教育局'], relatedUnits: ['太訸集团'] },
      { ...base, no: 3, category: '医疗卫生', name: '重点医院门急诊楼建设项目', content: '1.急诊科技楼；2.门急诊楼', task: '主体结构封顶。', leaders: ['倪嘉臻'], leadUnits: ['卫健委'], relatedUnits: ['人民医院', '太訸集团'] },
    ],
  };
}

export function makeNotice(): Notice {
  return {
    number: '太政发〔2023〕9号',
    title: '关于分解落实2023年政府各项主要工作\n任务和民生实事项目的通知',
    date: '2023-02-07',
    body: ['各镇人民政府，市各委办局，各直属单位：', '根据市委全会精神，现将分解落实表印发给相关单位，请认真贯彻执行。', '市政府将加强动态跟踪管理，严格开展督查考核。'],
  };
}
