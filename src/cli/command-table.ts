/**
 * The commands, their usage and summaries, as a static table: `fenjie --help` prints it without
 * loading any command (each is imported only when it runs).
 */
import type { Command } from './command';

export interface CommandEntry {
  usage: string;
  summaryZh: string;
  summaryEn: string;
  load: () => Promise<{ command: Command }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  parse: {
    usage: 'parse FILE [--json]',
    summaryZh: '读取通知或表格文件（.txt/.docx/.doc/.xlsx），输出整理后的记录',
    summaryEn: 'Read a notice or table file (.txt/.docx/.doc/.xlsx) into clean records',
    load: () => import('./commands/parse.command'),
  },
  convert: {
    usage: 'convert FILE… -o OUT.xlsx [--registry R|default | --no-registry] [--json]',
    summaryZh: '把通知或表格文件转换为带跟踪列的结构化工作簿（.xlsx）',
    summaryEn: 'Convert notices or tables into the structured tracking workbook (.xlsx)',
    load: () => import('./commands/convert.command'),
  },
  demo: {
    usage: 'demo [-o DIR]',
    summaryZh: '读取自带的两份示例通知，写出 out/2023.xlsx、out/2021.xlsx（及解析结果 JSON）',
    summaryEn: 'Read the two bundled seed notices and write out/2023.xlsx, out/2021.xlsx (and the parse JSON)',
    load: () => import('./commands/demo.command'),
  },
  validate: {
    usage: 'validate FILE [--registry R|default] [--json] [--all]',
    summaryZh: '按名录校验负责人和单位名称（同音、形近、简称、连写……），给出建议',
    summaryEn: 'Check leader and unit names against the registry, with ranked suggestions',
    load: () => import('./commands/validate.command'),
  },
  registry: {
    usage: 'registry init FILE… [-o registry.json] [--city 太仓市] | registry default [-o FILE] | registry show [FILE]',
    summaryZh: '名录：从文件生成（init，合并建议待人工核实）、导出默认名录（default）、查看（show）',
    summaryEn: 'Registry: build from documents (init, merges proposed for review), write the default (default), show',
    load: () => import('./commands/registry.command'),
  },
  diff: {
    usage: 'diff OLD NEW [--registry R|default] [--json]',
    summaryZh: '对比两年的文件：领导、单位更名、任务延续/新增/取消、单位任务量变化',
    summaryEn: "Compare two years' files: leaders, renamed units, tasks carried over / new / dropped, unit load",
    load: () => import('./commands/diff.command'),
  },
  export: {
    usage: 'export INPUT --docx OUT.docx [--year N] [--registry R|default] [--size 小四] [--no-cover] [--landscape-margins T,B,L,R] [--issuer 发文机关标志]',
    summaryZh: '导出为公文格式的 Word 附件（GB/T 9704-2012）',
    summaryEn: 'Export the attachments as an official-format Word document (GB/T 9704-2012)',
    load: () => import('./commands/export.command'),
  },
  rollover: {
    usage: 'rollover WORKBOOK [--year N] -o NEXT.xlsx [--registry R|default] [--drop-finished]',
    summaryZh: '由本年度工作簿生成下一年度工作簿（年份、名称、负责人、编号更新，进展清空）',
    summaryEn: "Start next year's workbook from this year's (years, names, leaders, ids; tracking cleared)",
    load: () => import('./commands/rollover.command'),
  },
  split: {
    usage: 'split WORKBOOK --by unit -o DIR/',
    summaryZh: '按单位拆分工作簿（每个单位一个文件，只能填写进展列）',
    summaryEn: 'Split the workbook into one file per unit (only the tracking columns editable)',
    load: () => import('./commands/split.command'),
  },
  collect: {
    usage: 'collect WORKBOOK DIR/*.xlsx -o MERGED.xlsx [--json]',
    summaryZh: '汇总各单位填报的进展（冲突逐条列出，写入新文件）',
    summaryEn: 'Collect what the units filled in (conflicts listed; written to a new file)',
    load: () => import('./commands/collect.command'),
  },
  round: {
    usage: 'round start WORKBOOK --period 2023Q3 --due 2023-09-20 [-o OUT] | round collect WORKBOOK DIR/*.xlsx -o MERGED.xlsx [--sent 分发记录.json] | round status WORKBOOK [--date D] [--json] | round decide WORKBOOK --accept IDS|all [--reject IDS]',
    summaryZh: '填报期次：开启新一期填报、收回本期填报（进展记录、未报送）、查看序时进度和三色预警',
    summaryEn: 'Reporting rounds: open a round, collect its returns (history, not reported), show the schedule status',
    load: () => import('./commands/round.command'),
  },
  report: {
    usage: 'report bulletin|summary|reminders|leaders|yearend WORKBOOK -o OUT [--date D] [--issue N] [--reply-by D]',
    summaryZh: '生成督查通报（.docx）、进展情况汇总表（.xlsx）、催办单（.docx）、领导清单（.docx）、年终对账（.xlsx）',
    summaryEn: 'Write the supervision bulletin, progress summary, reminders, per-leader lists and the year-end account',
    load: () => import('./commands/report.command'),
  },
  doctor: {
    usage: 'doctor [--manifest FILE] [--offline] [--home DIR] [--platform win32|linux] [--json]',
    summaryZh: '检查本机加载项能否加载（WPS 的 jsplugins.xml、oem.ini、信任文件；Excel 清单网址和 Office.js），逐条给出改法',
    summaryEn: 'Check why the add-ins may not load on this PC (WPS jsplugins.xml, oem.ini, trust files; Excel manifest URLs, Office.js), with a fix per problem',
    load: () => import('./commands/doctor.command'),
  },
};
