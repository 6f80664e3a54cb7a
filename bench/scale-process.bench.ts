/**
 * Issue 17's scale targets as whole processes (a child `node bin/fenjie.js …` each, run once: the
 * machine is shared): `convert` of a 150,000-row .docx and `diff` of two 10,000-row .docx whose
 * tasks are reworded from one year to the next (so the matching has real work, not only identical
 * texts). Both must finish (exit 0); wall time, CPU time and peak RSS (process.resourceUsage().maxRSS
 * in the child) are printed. Needs the compiled CLI (lib/); it is rebuilt first.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeSyntheticDocx } from './make-synthetic-docx';
import { BIN, buildCli, round, runChild, type ChildRun } from './child-process';
import type { BenchContext, BenchResult } from './run';

const CONVERT_ROWS = 150_000;
const DIFF_ROWS = 10_000;
const WORDS = ['推进', '建设', '完善', '城市', '乡村', '产业', '项目', '教育', '医疗', '养老', '交通', '水利', '生态', '治理', '服务', '改革', '开放', '创新', '人才', '数字', '安全', '文化', '旅游', '农业', '工业', '园区', '招商', '民生', '就业', '住房', '社区', '环境', '能源', '港口', '物流', '金融', '科技', '平台', '机制', '体系'];

/** Row i's task text: twelve words picked by a hash of i (the same on every run). */
function wordsOf(i: number): string[] {
  const out: string[] = [];
  let h = (i + 1) * 2654435761;
  for (let k = 0; k < 12; k += 1) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out.push(WORDS[h % WORDS.length]);
  }
  return out;
}

/** Next year's text: one word in three changed, every fifth task new. */
function rewordedOf(i: number): string {
  if (i % 5 === 4) return wordsOf(i + 1_000_000).join('');
  const words = wordsOf(i);
  words[i % 3] = WORDS[(i * 7) % WORDS.length];
  return words.join('');
}

function figures(name: string, r: ChildRun): BenchResult {
  return { [`${name}.wallS`]: round(r.wallS), [`${name}.cpuS`]: round(r.cpuS), [`${name}.peakRssMiB`]: Math.round(r.rssMiB) };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  ctx.log('building the CLI (lib/)…');
  buildCli();
  const out: BenchResult = { loadAverage1m: round(os.loadavg()[0], 1) };
  const big = path.join(ctx.tmpDir, `scale-convert-${CONVERT_ROWS}.docx`);
  fs.writeFileSync(big, makeSyntheticDocx(CONVERT_ROWS));
  out['convert150k.docxMB'] = round(fs.statSync(big).size / 1048576, 1);
  const xlsx = path.join(ctx.tmpDir, `scale-convert-${CONVERT_ROWS}.xlsx`);
  fs.rmSync(xlsx, { force: true });
  ctx.log(`fenjie convert ${CONVERT_ROWS} rows…`);
  Object.assign(out, figures('convert150k', runChild(ctx, [BIN, 'convert', big, '-o', xlsx])));
  out['convert150k.xlsxMB'] = round(fs.statSync(xlsx).size / 1048576, 1);
  const older = path.join(ctx.tmpDir, 'scale-diff-old.docx');
  const newer = path.join(ctx.tmpDir, 'scale-diff-new.docx');
  fs.writeFileSync(older, makeSyntheticDocx(DIFF_ROWS, undefined, (i) => wordsOf(i).join('')));
  fs.writeFileSync(newer, makeSyntheticDocx(DIFF_ROWS, undefined, rewordedOf));
  ctx.log(`fenjie diff ${DIFF_ROWS} vs ${DIFF_ROWS} rows…`);
  const diff = runChild(ctx, [BIN, 'diff', older, newer, '--json']);
  Object.assign(out, figures('diff10k', diff));
  const tasks = (JSON.parse(diff.stdout) as { tasks: { carried: unknown[]; added: unknown[]; dropped: unknown[] }[] }).tasks[0];
  Object.assign(out, { 'diff10k.carried': tasks.carried.length, 'diff10k.added': tasks.added.length, 'diff10k.dropped': tasks.dropped.length });
  return out;
}
