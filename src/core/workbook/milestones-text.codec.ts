/**
 * 时间节点 as one workbook cell (issue 10): each milestone on its own line as `【label】text`; a single
 * milestone labelled 时间节点 (the column itself) is written bare. Reading gives the same structure:
 * a line starting with `【…】` starts a milestone, other lines continue the one above (or, first, are
 * a bare 时间节点 milestone).
 */
import type { Milestone } from '../model/records.model';

export const MILESTONES_HEADER = '时间节点';

const LABELLED = /^【([^【】\n]{1,20})】/;

export function formatMilestones(milestones: readonly Milestone[] | undefined): string | null {
  if (!milestones || milestones.length === 0) return null;
  if (milestones.length === 1 && milestones[0].label === MILESTONES_HEADER && !LABELLED.test(milestones[0].text)) return milestones[0].text;
  return milestones.map((m) => `【${m.label}】${m.text}`).join('\n');
}

export function parseMilestones(text: string): Milestone[] {
  const out: Milestone[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const m = LABELLED.exec(line);
    if (m) out.push({ label: m[1], text: line.slice(m[0].length) });
    else if (out.length > 0) out[out.length - 1].text += `\n${line}`;
    else if (line.trim() !== '') out.push({ label: MILESTONES_HEADER, text: line });
  }
  for (const m of out) m.text = m.text.trim();
  return out.filter((m) => m.text !== '');
}
