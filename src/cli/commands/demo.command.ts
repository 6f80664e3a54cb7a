/**
 * `fenjie demo [-o DIR]`: reads the bundled seeds and writes DIR/<year>.xlsx and DIR/<year>.json
 * (default DIR: out), printing a short summary. The seeds sit at the package root, found from
 * this file (lib/cli/commands or src/cli/commands, both three levels down).
 */
import * as fs from 'fs';
import * as path from 'path';
import { chooseRegistry, FenjieError } from '../../core/index';
import { OUTPUT_OPTION, parseArgs } from '../cli-args';
import { writeOutputFile, type CliIO } from '../cli-io';
import { outputArg, printRegistry, readInputArg } from '../cli-input';
import { formatWorkbookSummary, writeImportWorkbook } from '../cli-workbook';
import type { Command } from '../command';

export function seedsDirectory(): string {
  return path.join(__dirname, '../../..', 'seeds');
}

function listSeeds(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new FenjieError('demo-no-seeds', `找不到示例文件夹：${dir}`, `The seeds folder is missing: ${dir}`);
  return fs.readdirSync(dir).filter((f) => /\.(txt|docx)$/i.test(f)).sort().map((f) => path.join(dir, f));
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { flags } = parseArgs(argv, [OUTPUT_OPTION]);
    const outDir = outputArg(flags) ?? 'out';
    const zh = io.lang === 'zh';
    let totalTables = 0;
    let totalRows = 0;
    const registry = chooseRegistry({ explicit: 'default' });
    printRegistry(io, registry);
    for (const file of listSeeds(seedsDirectory())) {
      const input = await readInputArg(file);
      const years = [...new Set(input.result.tables.map((t) => t.year).filter((y): y is number => y !== null))];
      const name = years.length > 0 ? years.join('-') : path.basename(file).replace(/\.[^.]+$/, '');
      const written = await writeImportWorkbook([input], path.join(outDir, `${name}.xlsx`), registry);
      writeOutputFile(path.join(outDir, `${name}.json`), `${JSON.stringify(input.result, null, 2)}\n`, { inputs: [file] });
      io.out(formatWorkbookSummary([input], written, io.lang));
      totalTables += input.result.tables.length;
      totalRows += input.result.tables.reduce((n, t) => n + t.rows.length, 0);
    }
    io.out(zh ? `合计：${totalTables} 个表格，${totalRows} 行。用 Excel 或 WPS 打开 ${outDir}/ 中的 .xlsx 查看。` : `Total: ${totalTables} tables, ${totalRows} rows. Open the .xlsx files in ${outDir}/ with Excel or WPS.`);
    return 0;
  },
};
