/**
 * Every sheet name fenjie writes, in one place on the ground floor: planners take their names from
 * here and readers use the same list to tell record sheets from the others.
 */
export const SHEET_NAMES = {
  tasks: '主要工作',
  projects: '民生实事',
  fixes: '修订记录',
  stats: '统计',
  findings: '校验',
  registryLeaders: '名录',
  registryUnits: '单位名录',
  registryProposals: '名录建议',
  assignmentDetail: '分工明细',
  assignmentLoad: '单位工作量',
  assignmentMatrix: '领导单位矩阵',
  collectReport: '汇总记录',
  progressSummary: '进展情况汇总表',
  progressHistory: '进展记录',
  unreported: '未报送',
  supervisionSettings: '督查设置',
  roundRequests: '延期办结申请',
  splitManifest: '分发清单',
  state: '_fenjie_state',
} as const;

/** Sheets that hold other things than records, even when they have an id column. */
export const NON_RECORD_SHEETS: ReadonlySet<string> = new Set<string>([
  SHEET_NAMES.fixes,
  SHEET_NAMES.stats,
  SHEET_NAMES.findings,
  SHEET_NAMES.registryLeaders,
  SHEET_NAMES.registryUnits,
  SHEET_NAMES.registryProposals,
  SHEET_NAMES.assignmentDetail,
  SHEET_NAMES.assignmentLoad,
  SHEET_NAMES.assignmentMatrix,
  SHEET_NAMES.collectReport,
  SHEET_NAMES.progressSummary,
  SHEET_NAMES.progressHistory,
  SHEET_NAMES.unreported,
  SHEET_NAMES.supervisionSettings,
  SHEET_NAMES.roundRequests,
  SHEET_NAMES.splitManifest,
  SHEET_NAMES.state,
]);
