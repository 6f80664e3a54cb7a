/**
 * Text (Tika) reader + parse: both seeds, and synthetic 分解落实表 texts of 1,000 / 10,000 / 50,000
 * task rows carrying the seed quirks (vertical text, padded and split names, empty merged cells,
 * repeated headers with page numbers between blocks).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseGrids, readTextDocument } from '../src/core/testing';
import { measure, type BenchContext, type BenchResult } from './run';

const HEADER = '\t门类\n\t项   目\n\t内 容 和 要 求\n\t负责人\n\t主要责任单位\n\t相关单位\n\n';
const LEADERS = ['吴敬宇', '张  展', '傅  玖\n王莉萍', '吴敬宇  郑丙华', '\n陈  磊\n盛海峰\n'];
const UNITS = ['发改委', '退役军人\n事务局', '海  关', '资源规划局      住建局', '人民医院、太訸集团', '农业\n农村局'];

export function makeSyntheticText(rows: number): string {
  const parts: string[] = [`${rows}行 2023年政府各项主要工作分解落实表\n\n`, HEADER];
  for (let i = 0; i < rows; i += 1) {
    if (i > 0 && i % 40 === 0) parts.push(`\n\n (\n${i / 40}\n)\n\n`, HEADER);
    const first = i % 8 === 0;
    parts.push(
      first ? `\t突\n出\n门\n类${i}\n` : '\t\n',
      first || i % 3 === 0 ? `\t项目${i}\n` : '\t\n',
      `\t第${i}项内容和要求，推动各项工作落实见效。\n${i % 5 === 0 ? '\n第二段内容。\n' : ''}`,
      `\t${LEADERS[i % LEADERS.length]}\n`,
      `\t${UNITS[i % UNITS.length]}\n`,
      first ? '\t各有关镇（区）\n有关部门\n\n' : '\t\n\n',
    );
  }
  return parts.join('');
}

interface Timing {
  readMs: number;
  parseMs: number;
  totalMs: number;
  /** CPU time of read + parse: less disturbed than wall time when the machine is shared. */
  cpuMs: number;
  peakHeapMB: number;
  rows: number;
}

async function timeParse(bytes: Uint8Array): Promise<Timing> {
  let cpuMicros = 0;
  // CPU time is taken inside the measured functions so that measure()'s own gc() is not counted.
  const timed = <T>(fn: () => T): T => {
    const start = process.cpuUsage();
    const value = fn();
    const used = process.cpuUsage(start);
    cpuMicros += used.user + used.system;
    return value;
  };
  const read = await measure(() => timed(() => readTextDocument(bytes)));
  const parse = await measure(() => timed(() => parseGrids(read.value, 'bench')));
  const rows = parse.value.tables.reduce((sum, t) => sum + t.rows.length, 0);
  return {
    readMs: read.ms,
    parseMs: parse.ms,
    totalMs: Math.round((read.ms + parse.ms) * 10) / 10,
    cpuMs: Math.round(cpuMicros / 1000),
    peakHeapMB: Math.max(read.peakHeapMB, parse.peakHeapMB),
    rows,
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const result: BenchResult = {};
  for (const [label, file] of [['seed2023', '000_8040c5413e4a8407.txt'], ['seed2021', '002_9a155e4ec979336d.txt']] as const) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'seeds', file)));
    await timeParse(bytes); // warm-up
    const t = await timeParse(bytes);
    Object.assign(result, { [`${label}.readMs`]: t.readMs, [`${label}.parseMs`]: t.parseMs, [`${label}.rows`]: t.rows });
  }
  for (const rows of [1000, 10000, 50000]) {
    const text = makeSyntheticText(rows);
    const bytes = new TextEncoder().encode(text);
    if (rows === 10000) fs.writeFileSync(path.join(ctx.tmpDir, 'synthetic-10000.txt'), bytes);
    for (let warm = 0; warm < 3; warm += 1) await timeParse(bytes);
    const t = await timeParse(bytes);
    ctx.log(`  ${rows} rows: ${(bytes.length / 1048576).toFixed(1)} MB, read ${t.readMs} ms, parse ${t.parseMs} ms, ${t.rows} records`);
    Object.assign(result, {
      [`text${rows}.MB`]: Math.round((bytes.length / 1048576) * 10) / 10,
      [`text${rows}.readMs`]: t.readMs,
      [`text${rows}.parseMs`]: t.parseMs,
      [`text${rows}.totalMs`]: t.totalMs,
      [`text${rows}.cpuMs`]: t.cpuMs,
      [`text${rows}.records`]: t.rows,
      [`text${rows}.peakHeapMB`]: t.peakHeapMB,
    });
  }
  result.loadAverage1m = Math.round(os.loadavg()[0] * 10) / 10;
  result['growth50000vs10000'] = Math.round(((result['text50000.totalMs'] as number) / (result['text10000.totalMs'] as number)) * 100) / 100;
  return result;
}
