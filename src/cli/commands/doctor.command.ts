/**
 * `fenjie doctor [--manifest FILE] [--offline] [--home DIR] [--platform win32|linux] [--root DIR] [--json]`:
 * what an IT person needs for the add-ins to load on this PC. One line per check; each problem
 * gets one line of what to change. Exit code 1 when there is a problem.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSON_OPTION, parseArgs, stringFlag, usageError } from '../cli-args';
import type { CliIO } from '../cli-io';
import { printJson } from '../cli-console';
import type { Command } from '../command';
import type { DoctorLine, DoctorPlatform, FileView } from '../doctor/doctor.model';
import { diagnoseExcel, type Probe } from '../doctor/excel-doctor.check';
import { diagnoseWps } from '../doctor/wps-doctor.check';

const OPTIONS = [JSON_OPTION, { name: 'manifest', value: true }, { name: 'offline' }, { name: 'home', value: true }, { name: 'platform', value: true }, { name: 'root', value: true }];
const PROBE_TIMEOUT_MS = 5000;

export const nodeFileView: FileView = {
  read: (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  list: (dir) => {
    try {
      return fs.readdirSync(dir).sort();
    } catch {
      return [];
    }
  },
  join: (...parts) => path.join(...parts),
};

/** A HEAD request (GET when HEAD is refused) with a timeout; no answer is 'unreachable'. */
export const fetchProbe: Probe = async (url) => {
  for (const method of ['HEAD', 'GET']) {
    try {
      const response = await fetch(url, { method, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'follow' });
      if (method === 'HEAD' && (response.status === 405 || response.status === 501)) continue;
      return response.status;
    } catch {
      return 'unreachable';
    }
  }
  return 'unreachable';
};

export function formatDoctor(lines: DoctorLine[], lang: 'zh' | 'en'): string[] {
  const zh = lang !== 'en';
  const mark = { ok: '✓', problem: '✗', info: '·' } as const;
  const out: string[] = [];
  for (const area of ['wps', 'excel'] as const) {
    out.push(area === 'wps' ? (zh ? 'WPS 加载项' : 'WPS add-in') : zh ? 'Excel 加载项' : 'Excel add-in');
    for (const l of lines.filter((x) => x.area === area)) {
      out.push(`  ${mark[l.level]} ${zh ? l.zh : l.en}`);
      if (l.level === 'problem' && l.fixZh) out.push(`      → ${zh ? l.fixZh : l.fixEn}`);
    }
  }
  const problems = lines.filter((l) => l.level === 'problem').length;
  out.push(zh ? (problems ? `发现 ${problems} 个问题。` : '未发现问题。') : problems ? `${problems} problem(s) found.` : 'No problems found.');
  return out;
}

function platformArg(value: string | undefined): DoctorPlatform {
  const platform = value ?? (process.platform === 'win32' ? 'win32' : 'linux');
  if (platform !== 'win32' && platform !== 'linux') throw usageError(`--platform 只能是 win32 或 linux：${platform}`, `--platform is win32 or linux: ${platform}`);
  return platform;
}

export interface DoctorOptions {
  platform: DoctorPlatform;
  home: string;
  root: string;
  manifest: string | null;
  probe: Probe | null;
  view?: FileView;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorLine[]> {
  const view = options.view ?? nodeFileView;
  const manifest = options.manifest ? { path: options.manifest, xml: view.read(options.manifest), siteDir: path.dirname(options.manifest) } : null;
  return [...diagnoseWps(view, options.platform, options.home, options.root), ...(await diagnoseExcel(view, manifest, options.probe))];
}

export const command: Command = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(argv, OPTIONS);
    if (positional.length) throw usageError('用法：fenjie doctor [--manifest FILE] [--offline] [--json]', 'Usage: fenjie doctor [--manifest FILE] [--offline] [--json]');
    const platform = platformArg(stringFlag(flags, 'platform'));
    const root = stringFlag(flags, 'root') ?? (platform === 'win32' ? (process.env.SystemDrive ?? 'C:') + path.sep : '/');
    const lines = await runDoctor({ platform, home: stringFlag(flags, 'home') ?? os.homedir(), root, manifest: stringFlag(flags, 'manifest') ?? null, probe: flags.offline ? null : fetchProbe });
    if (flags.json) printJson(io, { platform, lines });
    else for (const text of formatDoctor(lines, io.lang)) io.out(text);
    return lines.some((l) => l.level === 'problem') ? 1 : 0;
  },
};
