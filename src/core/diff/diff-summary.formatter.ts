/** The clerk-facing summary of a diff (zh-CN first, English on request). */
import type { DiffReport, TaskDiff } from './diff';

const REASON_ZH: Record<string, string> = { registry: '名录别名', abbreviation: '简称', alias: '别名', homophone: '同音', 'near-form': '形近', normalised: '写法', joined: '合并', exact: '相同', split: '拆分' };
const MAX_LIST = 30;
const EXAMPLES = 4;

function list(names: string[], lang: 'zh' | 'en'): string {
  if (names.length === 0) return lang === 'zh' ? '无' : 'none';
  const shown = names.slice(0, MAX_LIST).join(lang === 'zh' ? '、' : ', ');
  if (names.length <= MAX_LIST) return shown;
  return lang === 'zh' ? `${shown} 等 ${names.length} 个` : `${shown} and ${names.length - MAX_LIST} more`;
}

function yearLabel(side: DiffReport['old'], lang: 'zh' | 'en'): string {
  const year = side.year === null ? side.source : lang === 'zh' ? `${side.year}年` : `${side.year}`;
  return side.notice ? `${year}（${side.notice}）` : year;
}

function taskLine(t: TaskDiff, lang: 'zh' | 'en'): string {
  const label = t.kind === 'tasks' ? (lang === 'zh' ? '主要工作' : 'Tasks') : lang === 'zh' ? '民生实事' : 'Projects';
  const total = t.carried.length + t.added.length;
  return lang === 'zh'
    ? `${label}：新表 ${total} 项，其中延续 ${t.carried.length} 项、新增 ${t.added.length} 项；旧表不再列入 ${t.dropped.length} 项（按内容相似度匹配）`
    : `${label}: ${total} in the new year — ${t.carried.length} carried over, ${t.added.length} new; ${t.dropped.length} of the old year dropped (matched by content)`;
}

function leaderLines(report: DiffReport, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const L = report.leaders;
  const lines = [zh ? '【领导】' : '[Leaders]'];
  lines.push(zh ? `  留任 ${L.kept.length} 人：${list(L.kept, lang)}` : `  Kept ${L.kept.length}: ${list(L.kept, lang)}`);
  lines.push(zh ? `  新增 ${L.added.length} 人：${list(L.added, lang)}` : `  New ${L.added.length}: ${list(L.added, lang)}`);
  lines.push(zh ? `  不再出现 ${L.removed.length} 人：${list(L.removed, lang)}` : `  No longer listed ${L.removed.length}: ${list(L.removed, lang)}`);
  for (const p of L.possiblySame) lines.push(zh ? `  请核实：“${p.from}”与“${p.to}”是否同一人（${REASON_ZH[p.reason] ?? p.reason}）` : `  Check: are ${p.from} and ${p.to} one person (${p.reason})?`);
  return lines;
}

function unitLines(report: DiffReport, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const U = report.units;
  const lines = [zh ? '【单位】' : '[Units]'];
  const renamed = U.renamed.map((c) => (zh ? `${c.from} → ${c.to}（${REASON_ZH[c.reason] ?? c.reason}）` : `${c.from} → ${c.to} (${c.reason})`));
  const renamedText = renamed.length ? renamed.join(zh ? '；' : '; ') : zh ? '无' : 'none';
  lines.push(zh ? `  更名或写法变化 ${U.renamed.length} 个：${renamedText}` : `  Renamed or respelled ${U.renamed.length}: ${renamedText}`);
  for (const m of U.merged) lines.push(zh ? `  合并：${m.from.join('、')} → ${m.to}` : `  Merged: ${m.from.join(', ')} → ${m.to}`);
  lines.push(zh ? `  新出现 ${U.added.length} 个：${list(U.added, lang)}` : `  New ${U.added.length}: ${list(U.added, lang)}`);
  lines.push(zh ? `  不再出现 ${U.removed.length} 个：${list(U.removed, lang)}` : `  No longer listed ${U.removed.length}: ${list(U.removed, lang)}`);
  return lines;
}

function taskLines(report: DiffReport, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const lines = [zh ? '【任务】' : '[Tasks]'];
  for (const t of report.tasks) {
    lines.push(`  ${taskLine(t, lang)}`);
    const examples = [...t.carried].sort((a, b) => b.similarity - a.similarity).slice(0, EXAMPLES);
    const carriedTitles = new Set(t.carried.map((c) => t.titles[c.new]));
    const titled = (ids: string[]) => [...new Set(ids.map((id) => t.titles[id]).filter((x) => x && !carriedTitles.has(x)))].slice(0, EXAMPLES);
    if (examples.length) lines.push(zh ? `    延续如：${examples.map((c) => t.titles[c.new]).join('、')}` : `    carried over, e.g.: ${examples.map((c) => t.titles[c.new]).join(', ')}`);
    if (t.added.length) lines.push(zh ? `    新增如：${titled(t.added).join('、')}` : `    new, e.g.: ${titled(t.added).join(', ')}`);
  }
  return lines;
}

function loadLines(report: DiffReport, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const lines = [zh ? '【单位任务量变化】（牵头+配合，变化最大的前 10 个）' : '[Unit load change] (lead + cooperating, top 10)'];
  for (const l of report.load.filter((x) => x.delta !== 0).slice(0, 10)) {
    const before = l.oldLead + l.oldRelated;
    const after = l.newLead + l.newRelated;
    const sign = l.delta > 0 ? `+${l.delta}` : `${l.delta}`;
    lines.push(zh ? `  ${l.unit}：${before} → ${after}（${sign}；牵头 ${l.oldLead} → ${l.newLead}）` : `  ${l.unit}: ${before} → ${after} (${sign}; lead ${l.oldLead} → ${l.newLead})`);
  }
  return lines;
}

export function formatDiffSummary(report: DiffReport, lang: 'zh' | 'en' = 'zh'): string {
  const heading = lang === 'zh' ? `对比：${yearLabel(report.old, lang)} → ${yearLabel(report.new, lang)}` : `Comparing ${yearLabel(report.old, lang)} → ${yearLabel(report.new, lang)}`;
  const sections = [leaderLines(report, lang), unitLines(report, lang), taskLines(report, lang), loadLines(report, lang)];
  return [heading, '', ...sections.flatMap((section, index) => (index === 0 ? section : ['', ...section]))].join('\n');
}
