/** What each column role is called in messages and in the pane's mapping dropdown. */
import type { ColumnRole } from '../model/records.model';

export const ROLE_LABELS: Record<ColumnRole, { zh: string; en: string }> = {
  no: { zh: '序号', en: 'number' },
  category: { zh: '门类（分类）', en: 'category' },
  item: { zh: '项目（名称）', en: 'item / name' },
  content: { zh: '内容和要求（工作任务）', en: 'content' },
  task: { zh: '年度工作任务', en: "the year's task" },
  leaders: { zh: '负责人（责任领导）', en: 'leaders' },
  leadUnits: { zh: '牵头单位', en: 'lead units' },
  relatedUnits: { zh: '配合单位', en: 'related units' },
  'units-first-leads': { zh: '责任单位（第一个为牵头单位）', en: 'units, the first leads' },
  deadline: { zh: '完成时限', en: 'deadline' },
  milestones: { zh: '时间节点', en: 'milestones' },
  target: { zh: '目标值', en: 'target' },
  'unit-of-measure': { zh: '计量单位', en: 'unit of measure' },
  note: { zh: '备注', en: 'note' },
  unknown: { zh: '其他（保留为附加信息）', en: 'other (kept as extra)' },
};
