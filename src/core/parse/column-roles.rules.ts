/**
 * Header cell → column role, for every city's layout: synonyms in simplified and traditional
 * characters, tolerant to spaces and line breaks. Exact words are sure; a role read from a word's
 * ending (…内容, …时间) is a guess the user is told about (`column-guessed`).
 */
import type { ColumnRole } from '../model/records.model';
import { isTrimmed } from './cell-text.rules';
import { toSimplified, toSimplifiedChar } from './traditional-chars';

export interface HeaderMatch {
  role: ColumnRole;
  /** False: read from a word's ending, to be confirmed. */
  sure: boolean;
  /** The word says which kind of table it heads (项目名称, 建设内容 → projects; 指标名称, 目标值 → indicators). */
  hint?: 'projects' | 'indicators';
  /** `units`: 责任单位 leads unless a 牵头单位 column exists; `work`: 工作任务 is content unless another column is. */
  contextual?: 'units' | 'work';
  /** 责任单位（列第一位的为牵头单位）: the header itself says the first unit leads. */
  firstLeads?: boolean;
}

type Entry = readonly [role: ColumnRole, words: string, extra?: Partial<HeaderMatch>];

const ENTRIES: readonly Entry[] = [
  ['no', '序号 编号 序 排序 号次'],
  ['category', '门类 分类 类别 领域 板块 类型 工作类别 项目类别 重点领域 工作领域 大类 类目 专项'],
  ['item', '项目 工作项目 事项 工作事项 重点事项 工作名称 任务名称'],
  ['item', '项目名称 民生实事 实事项目 民生实事项目 实事名称 民生项目 项目内容名称', { hint: 'projects' }],
  ['item', '指标名称 指标 指标项目 主要指标 指标内容', { hint: 'indicators' }],
  ['content', '内容和要求 内容及要求 主要内容 工作内容 任务内容 具体任务 重点工作 重点任务 主要任务 目标任务 工作目标 具体内容 工作措施 主要措施 任务举措 具体举措 目标和措施 主要目标任务 任务及目标 工作要求 工作任务及目标 任务 内容 重点工作任务 主要工作 工作重点 具体工作 工作举措 具体措施 任务要求'],
  ['content', '主要建设内容 建设内容 建设内容及规模 项目内容 实施内容 建设规模及内容 主要内容及规模', { hint: 'projects' }],
  ['content', '工作任务', { contextual: 'work' }],
  ['task', '年度任务 年度目标 年度工作任务 年度工作目标 本年度任务'],
  ['leaders', '负责人 分管领导 责任领导 牵头领导 分线领导 包抓领导 联系领导 挂钩领导 责任人 市领导 区领导 县领导 责任市领导 牵头市领导 分管市领导 分管区领导 分管县领导 区政府分管领导 市政府分管领导 县政府分管领导 分管副区长 分管副市长 分管副县长 领导'],
  ['leadUnits', '主要责任单位 牵头单位 主办单位 牵头部门 牵头责任单位 主责单位 主责部门 责任主体 牵头落实单位 牵头负责单位 主要负责单位 主体责任单位 牵头处室'],
  ['leadUnits', '责任单位 责任部门 落实单位 实施单位 承办单位 负责单位 实施主体 责任处室', { contextual: 'units' }],
  ['relatedUnits', '相关单位 配合单位 协办单位 协同单位 协作单位 协作和配合单位 参与单位 配合部门 协助单位 协同部门 协作部门 配合责任单位 参与部门 责任单位配合'],
  ['deadline', '完成时限 完成时间 时限 完成期限 办结时限 时间要求 完成时限要求 截止时间 完成日期 办结时间 时限要求 完成节点'],
  ['milestones', '时间节点 进度安排 节点安排 推进计划 时序进度 序时进度 进度要求 节点目标 时间进度 阶段目标 计划进度'],
  ['target', '目标值 预期目标 预期目标值 计划目标 指标值 年度目标值 目标', { hint: 'indicators' }],
  ['unit-of-measure', '单位 计量单位 计量 指标单位'],
  ['note', '备注 说明 备注说明 附注'],
];

const EXACT = new Map<string, HeaderMatch>();
for (const [role, words, extra] of ENTRIES) for (const word of words.split(' ')) EXACT.set(word, { role, sure: true, ...extra });

const MAX_HEADER_TEXT = 64;
const QUARTER = /^(?:第?[一二三四1-4１-４]季度|[上下]半年|全年|\d{1,2}月(?:底|末|份)?(?:前)?|[一二三四五六七八九十]{1,2}月(?:底|末|份)?)$/;
const YEAR_TASK = /^(\d{4})年(?:度)?(?:工作任务|年度任务|年度目标|目标任务|工作目标|任务)$/;
const YEAR_TARGET = /^\d{4}年(?:度)?目标值$/;
const FIRST_LEADS = /(?:列|排)?(?:在)?第一(?:位|个|家)?的?(?:单位)?(?:为|是)牵头|首位(?:单位)?(?:为|是)牵头|排名第一的?(?:为|是)牵头/;

/** Header text as matched: no spaces or line breaks, simplified characters, no trailing colon. */
export function headerKey(text: string): string {
  return toSimplified(text.replace(/[\s\u3000]+/g, '').replace(/[:：]$/, ''));
}

/** The sentence (header or body text) saying that the first unit listed leads. */
export function saysFirstLeads(text: string): boolean {
  return FIRST_LEADS.test(toSimplified(text.replace(/[\s\u3000]+/g, '')));
}

/** The year of a `2023年工作任务` header, or null. */
export function headerYearOf(text: string): number | null {
  // Most headers name no year: no key made for them (年 has no traditional form to simplify).
  if (!text.includes('年')) return null;
  const match = YEAR_TASK.exec(headerKey(text));
  return match ? Number(match[1]) : null;
}

/**
 * Data cells repeat (names, units): their answers are kept, up to a bound, for the repeated-header
 * check. Longer texts (a task's content, rarely repeated) are not kept: one per row would flush the names.
 */
const MEMO = new Map<string, HeaderMatch | null>();
const MEMO_LIMIT = 20000;
const MEMO_TEXT = 24;

/** The role a header cell names, or null. */
export function matchHeaderRole(text: string): HeaderMatch | null {
  if (text.length > MAX_HEADER_TEXT) return null;
  const known = MEMO.get(text);
  if (known !== undefined) return known;
  const match = readHeaderRole(text);
  if (text.length > MEMO_TEXT) return match;
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(text, match);
  return match;
}

/**
 * The last characters a header key can end with for readHeaderRole to find a role: those of the
 * exact words, of the patterns (2023年工作任务, 目标值, 三季度, 上半年, 6月底前) and of the word
 * endings guessRole reads.
 */
const PATTERN_ENDINGS = '务标值度年月底末份前';
const GUESS_ENDINGS = '导人位门室限间期点度容务施求措标称项';
const ENDINGS = new Set([...EXACT.keys()].map((word) => word[word.length - 1]).concat([...PATTERN_ENDINGS, ...GUESS_ENDINGS]));
const CLOSING = new Set(['）', ')', '】', ']']);

/**
 * Whether a cell (its paragraphs, joined without a separator) may name a role: false when
 * matchHeaderRole surely returns null, read from the last character of its key without joining or
 * looking it up (most data cells: names and units end in 局, 委, a name). A bracket (责任单位（…牵头…）)
 * sends the cell to the full reading.
 */
export function mayNameRole(texts: readonly string[]): boolean {
  let last = '';
  let colon = false;
  for (let p = texts.length - 1; p >= 0 && last === ''; p -= 1) {
    const text = texts[p];
    for (let i = text.length - 1; i >= 0; i -= 1) {
      if (isTrimmed(text.charCodeAt(i))) continue;
      const ch = text[i];
      // headerKey drops one trailing colon (after the spaces before it).
      if (!colon && (ch === ':' || ch === '：')) {
        colon = true;
        continue;
      }
      last = ch;
      break;
    }
  }
  if (last === '') return false;
  if (CLOSING.has(last) || ENDINGS.has(toSimplifiedChar(last))) return true;
  for (let p = 0; p < texts.length; p += 1) if (texts[p].includes('（') || texts[p].includes('(')) return true;
  return false;
}

export function readHeaderRole(text: string): HeaderMatch | null {
  const full = headerKey(text);
  if (!full) return null;
  const direct = EXACT.get(full);
  if (direct) return direct;
  const firstLeads = /[（(][^）)]*[）)]/.test(full) && saysFirstLeads(full);
  // 责任单位（列第一位的为牵头单位）, 完成时限（年月）: the bracketed part qualifies the word.
  const word = full.replace(/[（(【[][^）)】\]]*[）)】\]]/g, '');
  if (firstLeads) return { role: 'units-first-leads', sure: true };
  if (word !== full && EXACT.has(word)) return EXACT.get(word) ?? null;
  if (YEAR_TASK.test(word)) return { role: 'task', sure: true };
  if (YEAR_TARGET.test(word)) return { role: 'target', sure: true, hint: 'indicators' };
  if (QUARTER.test(word)) return { role: 'milestones', sure: true };
  return guessRole(word);
}

/** A role from a word's ending: to be confirmed by the user. */
function guessRole(word: string): HeaderMatch | null {
  if (word.length > 12) return null;
  if (/(?:领导|负责人|责任人)$/.test(word)) return { role: 'leaders', sure: true };
  if (/(?:单位|部门|处室)$/.test(word)) {
    if (/牵头|主办|主责|主要/.test(word)) return { role: 'leadUnits', sure: false };
    if (/配合|协|参与|相关/.test(word)) return { role: 'relatedUnits', sure: false };
    return { role: 'leadUnits', sure: false, contextual: 'units' };
  }
  if (/(?:时限|期限|时间|日期)$/.test(word)) return { role: 'deadline', sure: false };
  if (/(?:节点|进度)$/.test(word)) return { role: 'milestones', sure: false };
  if (/(?:内容|任务|措施|要求|举措|目标)$/.test(word)) return { role: 'content', sure: false };
  if (/(?:名称|事项)$/.test(word)) return { role: 'item', sure: false };
  return null;
}
