/**
 * What a clerk reads instead of a code: every finding code, fix rule, collect row kind and record
 * field as a short label, zh-CN first and English second. The codes themselves stay stable for
 * machines (JSON, the 代码 column at the end of each sheet); people see these labels.
 */

export type LabelLang = 'zh-CN' | 'en';
type Label = readonly [zh: string, en: string];

/** Finding codes (validation, reading, tracking, collect) and reader error codes. */
export const CODE_LABELS: Readonly<Record<string, Label>> = {
  'leader-unknown': ['负责人不在名录中', 'Leader not in registry'],
  'unit-unknown': ['单位不在名录中', 'Unit not in registry'],
  'leader-homophone': ['负责人疑为同音字', 'Leader: homophone'],
  'unit-homophone': ['单位疑为同音字', 'Unit: homophone'],
  'leader-near-form': ['负责人疑为错字', 'Leader: look-alike'],
  'unit-near-form': ['单位疑为错字', 'Unit: look-alike'],
  'unit-abbreviation': ['单位简称或全称', 'Unit: short or long form'],
  'unit-alias': ['单位别名', 'Unit alias'],
  'leader-alias': ['负责人别名', 'Leader alias'],
  'unit-renamed': ['单位已更名', 'Unit renamed'],
  'leader-changed': ['负责人可能已调整', 'Leader probably changed'],
  'leader-inactive': ['负责人当年不在任', 'Leader not active that year'],
  'name-padded': ['名称含多余空格', 'Name padded with spaces'],
  'name-normalised': ['名称写法不规范', 'Name written in another form'],
  'name-split': ['多个名称连写', 'Names run together'],
  'name-joined': ['名称被断开', 'Name broken in two'],
  'name-wrong-field': ['名称填错栏目', 'Name in the wrong column'],
  'required-empty': ['必填项为空', 'Required field empty'],
  'duplicate-task': ['重复的任务', 'Duplicate task'],
  'leader-unit-mismatch': ['分管领导与责任单位不对应', 'Leader does not oversee the lead unit'],
  'row-incomplete': ['表格行不完整', 'Row incomplete'],
  'row-short': ['表格行提前结束', 'Row ended early'],
  'row-misaligned': ['表格行可能错位', 'Row may be misaligned'],
  'table-unknown': ['无法识别的表格', 'Unknown table'],
  'table-column-duplicate': ['表头栏目重复', 'Column named twice'],
  'table-columns-missing': ['表格缺少栏目', 'Columns missing'],
  'project-no-invalid': ['序号不是数字', '序号 is not a number'],
  'heading-row': ['分类标题行', 'Heading row'],
  'column-ignored': ['已忽略的栏目', 'Column ignored'],
  'column-no-header': ['没有表头的栏目', 'Column without a header'],
  'row-cell-count': ['单元格数与表头不符', 'Cell count differs from header'],
  'no-table': ['没有可识别的表格', 'No table found'],
  'extension-mismatch': ['扩展名与内容不符', 'Extension does not match content'],
  'nested-table': ['单元格内有嵌套表格', 'Nested table in a cell'],
  'xml-char-removed': ['删除无效字符', 'Invalid character removed'],
  'text-encoding-error': ['文本含无效字节', 'Invalid bytes in the text'],
  'budget-findings': ['问题过多，仅列出部分', 'Too many findings; the first listed'],
  'tracking-unreadable': ['跟踪信息无法识别', 'Tracking value not readable'],
  'collect-conflict': ['填报冲突', 'Conflicting returns'],
  'collect-master-changed': ['本表已改动', 'Changed here after the split'],
  'collect-protected-changed': ['改动了受保护的列', 'Protected column changed'],
  'collect-unknown-unit': ['未知单位的文件', 'File from an unknown unit'],
  'collect-wrong-year': ['年度不符的文件', 'File for another year'],
  'collect-not-split-file': ['不是分发的单位文件', 'Not a unit file'],
  'collect-unknown-task': ['本表中没有的任务', 'Task not in this workbook'],
  'collect-unreadable': ['文件无法读取', 'File cannot be read'],
  'collect-not-own-task': ['不是本单位的任务', 'Not a task of this unit'],
  'collect-identity-mismatch': ['文件身份不符', 'File identity does not hold'],
  'collect-value-out-of-range': ['数值超出范围', 'Value out of range'],
  'collect-value-unreadable': ['填报值无法识别', 'Value cannot be read'],
  'collect-date-impossible': ['日期不存在', 'No such date'],
  'collect-not-sent': ['未分发给本单位的任务', 'Task not sent to this unit'],
  'collect-baseline-forged': ['分发值被改动', 'Values sent were edited'],
  'collect-digest-mismatch': ['校验码与分发时不符', 'Digest differs from what was sent'],
  'collect-unknown-split': ['不在分发记录中的文件', 'File of an unrecorded split'],
  'collect-no-sent-record': ['本表没有分发记录', 'No sent record in this workbook'],
  'split-record-too-large': ['分发记录过大，未保存', 'Sent record too large; not kept'],
  'collect-applied': ['已采用', 'Applied'],
  'file-empty': ['文件为空', 'Empty file'],
  'file-truncated': ['文件不完整', 'File truncated'],
  'zip-invalid': ['文件已损坏', 'Damaged file'],
  'zip-unsupported': ['不支持的压缩格式', 'Unsupported compression'],
  'zip-bomb': ['压缩比异常（疑似压缩炸弹）', 'Suspicious compression ratio (zip bomb?)'],
  'zip-too-large': ['文件解压后过大', 'File too large when unpacked'],
  'docx-encrypted': ['文件有密码保护', 'Password-protected file'],
  'doc-encrypted': ['文件有密码保护', 'Password-protected file'],
  'format-unknown': ['无法识别的文件格式', 'Unknown file format'],
};

/** Fix rules (修订记录 规则), including the rollover changes written as fixes. */
export const RULE_LABELS: Readonly<Record<string, Label>> = {
  trim: ['去除首尾空白', 'Trimmed'],
  'join-vertical-text': ['合并竖排文字', 'Vertical text joined'],
  'join-lines': ['合并断行', 'Lines joined'],
  'remove-inner-spaces': ['去除字间空格', 'Inner spaces removed'],
  'strip-stray-prefix': ['去除多余前缀', 'Stray prefix removed'],
  'xml-char-removed': ['删除无效字符', 'Invalid character removed'],
  'trim-lines': ['去除空行和行尾空格', 'Empty lines removed'],
  'unpad-name': ['去除名称中的空格', 'Name spaces removed'],
  'split-names': ['拆分同行的多个名称', 'Names on one line split'],
  'join-split-name': ['合并断开的名称', 'Broken name joined'],
  'split-enumeration': ['按顿号拆分名称', 'List split at 、'],
  'dedupe-names': ['去除重复名称', 'Duplicate name removed'],
  'rollover-name-registry': ['名称按名录改写', 'Name in registry form'],
  'rollover-leader-replaced': ['负责人按分管调整', 'Leader replaced by oversight'],
  'rollover-leader-departed': ['负责人不再在任（请核对）', 'Leader no longer in office (check)'],
  'rollover-leader-unknown': ['负责人不在名录中（请核对）', 'Leader not in registry (check)'],
  'rollover-finished-dropped': ['已完成，未带入下一年', 'Finished, not carried over'],
};

/** Record and tracking field names. */
export const FIELD_LABELS: Readonly<Record<string, Label>> = {
  id: ['编号', 'Id'],
  category: ['门类/分类', 'Category'],
  item: ['项目', 'Item'],
  no: ['序号', 'No.'],
  name: ['项目名称', 'Project'],
  content: ['内容', 'Content'],
  task: ['年度工作任务', 'Year task'],
  leaders: ['负责人', 'Leaders'],
  leadUnits: ['主要责任单位', 'Lead units'],
  relatedUnits: ['相关单位', 'Related units'],
  status: ['进展状态', 'Status'],
  progress: ['完成进度', 'Progress'],
  deadline: ['完成时限', 'Deadline'],
  latest: ['最新进展', 'Latest'],
  updated: ['更新日期', 'Updated'],
};

function pick(table: Readonly<Record<string, Label>>, key: string, lang: LabelLang): string {
  const label = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (!label) return key;
  return lang === 'en' ? label[1] : label[0];
}

/** A finding or error code as people read it (the code itself when it has no label). */
export function codeLabel(code: string, lang: LabelLang = 'zh-CN'): string {
  return pick(CODE_LABELS, code, lang);
}

/** A fix rule as people read it. */
export function ruleLabel(rule: string, lang: LabelLang = 'zh-CN'): string {
  return pick(RULE_LABELS, rule, lang);
}

/** A record or tracking field as people read it. */
export function fieldLabel(field: string, lang: LabelLang = 'zh-CN'): string {
  return pick(FIELD_LABELS, field, lang);
}
