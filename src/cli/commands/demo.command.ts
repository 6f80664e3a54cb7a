/**
 * `fenjie demo [-o DIR]`: reads the bundled seeds and writes DIR/<year>.xlsx and DIR/<year>.json
 * (default DIR: out), printing a short summary. The seeds sit at the package root, found from
 * this file (lib/cli/commands or src/cli/commands, both three levels down).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FenjieError } from '../../core/index';
import { parseArgs, writeOutputFile, type CliIO } from '../cli-io';
import type { Command } from '../main';
import { chooseRegistry } from './convert.command';
import { formatWorkbookSummary, readInput, writeWorkbook } from './workbook-output';

export function seedsDirectory(): string {
  return path.join(__dirname, '../../..', 'seeds');
}

function listSeeds(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new FenjieError('demo-no-seeds', `找不到示例文件夹：${dir}`, `The seeds folder is missing: ${dir}`);
  return fs.readdirSync(dir).filter((f) => /\.(txt|docx)$/i.test(f)).sort().map((f) => path.join(dir, f));
}

export const command: Command = {
  summaryZh: '读取自带的两份示例通知，写出 out/2023.xlsx、out/2021.xlsx（及解析结果 JSON）',
  summaryEn: 'Read the two bundled seed notices and write out/2023.xlsx, out/2021.xlsx (and the parse JSON)',
  usage: 'demo [-o DIR]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const { flags } = parseArgs(argv);
    const outDir = typeof flags.o === 'string' ? flags.o : typeof flags.output === 'string' ? flags.output : 'out';
    const zh = io.lang === 'zh';
    let totalTables = 0;
    let totalRows = 0;
    const registry = await chooseRegistry(undefined, []);
    for (const file of listSeeds(seedsDirectory())) {
      const input = await readInput(file);
      const years = [...new Set(input.result.tables.map((t) => t.year).filter((y): y is number => y !== null))];
      const name = years.length > 0 ? years.join('-') : path.basename(file).replace(/\.[^.]+$/, '');
      const written = await writeWorkbook([input], path.join(outDir, `${name}.xlsx`), registry);
      writeOutputFile(path.join(outDir, `${name}.json`), `${JSON.stringify(input.result, null, 2)}\n`);
      io.out(formatWorkbookSummary([input], written, io.lang));
      totalTables += input.result.tables.length;
      totalRows += input.result.tables.reduce((n, t) => n + t.rows.length, 0);
    }
    io.out(zh ? `合计：${totalTables} 个表格，${totalRows} 行。用 Excel 或 WPS 打开 ${outDir}/ 中的 .xlsx 查看。` : `Total: ${totalTables} tables, ${totalRows} rows. Open the .xlsx files in ${outDir}/ with Excel or WPS.`);
    return 0;
  },
};
