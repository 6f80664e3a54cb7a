/**
 * The WPS side of `fenjie doctor`: where jsplugins.xml should be and whether it names fenjie,
 * oem.ini's JsApiPlugin=true (or a JSPluginsServer), and the trust files that block an add-in
 * (authaddin.json with enable:false, jsaddinblockhost.ini). Pure over a FileView.
 */
import type { DoctorLine, DoctorPlatform, FileView } from './doctor.model';

const NAME = 'fenjie';

export interface WpsPaths {
  jsaddons: string;
  /** Candidate oem.ini files (version folders expanded). */
  oemIni: string[];
}

/** Windows: %APPDATA% and the Program Files / per-user install folders; UOS/Kylin: ~/.local/share and /opt. */
export function wpsPaths(view: FileView, platform: DoctorPlatform, home: string, systemRoot: string): WpsPaths {
  if (platform === 'win32') {
    const installs = [view.join(systemRoot, 'Program Files (x86)', 'Kingsoft', 'WPS Office'), view.join(systemRoot, 'Program Files', 'Kingsoft', 'WPS Office'), view.join(home, 'AppData', 'Local', 'Kingsoft', 'WPS Office')];
    const oemIni = installs.flatMap((dir) => view.list(dir).map((version) => view.join(dir, version, 'office6', 'cfgs', 'oem.ini')));
    return { jsaddons: view.join(home, 'AppData', 'Roaming', 'kingsoft', 'wps', 'jsaddons'), oemIni };
  }
  const oemIni = [view.join(systemRoot, 'opt', 'kingsoft', 'wps-office', 'office6', 'cfgs', 'oem.ini'), view.join(systemRoot, 'opt', 'apps', 'cn.wps.wps-office-pro', 'files', 'kingsoft', 'wps-office', 'office6', 'cfgs', 'oem.ini')];
  return { jsaddons: view.join(home, '.local', 'share', 'Kingsoft', 'wps', 'jsaddons'), oemIni };
}

/** An INI file's keys by section (lower-cased section and key names). */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const head = /^\[(.+)\]$/.exec(line);
    if (head) section = head[1].trim().toLowerCase();
    else if (line.includes('=')) (out[section] ??= {})[line.slice(0, line.indexOf('=')).trim().toLowerCase()] = line.slice(line.indexOf('=') + 1).trim();
  }
  return out;
}

/** fenjie's entry in jsplugins.xml (online or offline form), or null. */
export function findJspluginEntry(xml: string): { mode: 'online' | 'offline'; url: string; enabled: boolean } | null {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<(jspluginonline|jsplugin)\b([^>]*)\/?>/g)) {
    const attr = (name: string): string | null => new RegExp(`\\b${name}="([^"]*)"`).exec(m[2])?.[1] ?? null;
    if (attr('name') !== NAME) continue;
    return { mode: m[1] === 'jspluginonline' ? 'online' : 'offline', url: attr('url') ?? '', enabled: attr('enable') !== 'false' };
  }
  return null;
}

function line(level: DoctorLine['level'], key: string, zh: string, en: string, fix?: [string, string]): DoctorLine {
  return { area: 'wps', level, key, zh, en, ...(fix ? { fixZh: fix[0], fixEn: fix[1] } : {}) };
}

function checkJsplugins(view: FileView, paths: WpsPaths, server: string | null): DoctorLine[] {
  const file = view.join(paths.jsaddons, 'jsplugins.xml');
  const xml = view.read(file);
  if (xml === null) {
    if (server) return [line('info', 'jsplugins-server', `未找到 ${file}；oem.ini 指定了清单服务器 ${server}`, `No ${file}; oem.ini names the list server ${server}`)];
    return [line('problem', 'jsplugins-missing', `未找到 ${file}`, `${file} is missing`, [`运行 install-wps 脚本，或把发布包中的 wps/jsplugins.xml 复制到 ${paths.jsaddons}`, `Run the install-wps script, or copy wps/jsplugins.xml from the release package to ${paths.jsaddons}`])];
  }
  const entry = findJspluginEntry(xml);
  if (!entry) return [line('problem', 'jsplugins-no-fenjie', `${file} 中没有 fenjie`, `${file} does not name fenjie`, ['在 <jsplugins> 中加入 <jspluginonline name="fenjie" type="et" url="http://服务器/fenjie/" enable="true"/>', 'Add <jspluginonline name="fenjie" type="et" url="http://server/fenjie/" enable="true"/> inside <jsplugins>'])];
  if (!entry.enabled) return [line('problem', 'jsplugins-disabled', `${file} 中 fenjie 为 enable="false"`, `fenjie is enable="false" in ${file}`, ['把 fenjie 一行改为 enable="true"', 'Set enable="true" on the fenjie line'])];
  return [line('ok', 'jsplugins-ok', `${file}：fenjie（${entry.mode === 'online' ? '在线' : '离线'}，${entry.url}）`, `${file}: fenjie (${entry.mode}, ${entry.url})`)];
}

function checkOem(view: FileView, paths: WpsPaths): { lines: DoctorLine[]; server: string | null } {
  const found = paths.oemIni.map((file) => ({ file, text: view.read(file) })).filter((f): f is { file: string; text: string } => f.text !== null);
  if (found.length === 0) return { lines: [line('problem', 'oem-missing', '未找到 WPS 的 oem.ini（WPS 未安装，或装在其他目录）', "WPS's oem.ini was not found (WPS not installed, or elsewhere)", ['确认 WPS 已安装；在 <WPS 安装目录>/office6/cfgs/oem.ini 的 [Support] 段加入 JsApiPlugin=true', 'Check WPS is installed; add JsApiPlugin=true under [Support] in <WPS folder>/office6/cfgs/oem.ini'])], server: null };
  const lines: DoctorLine[] = [];
  let server: string | null = null;
  for (const { file, text } of found) {
    const ini = parseIni(text);
    server ??= ini.server?.jspluginsserver ?? null;
    if ((ini.support?.jsapiplugin ?? '').toLowerCase() === 'true') lines.push(line('ok', 'oem-ok', `${file}：JsApiPlugin=true`, `${file}: JsApiPlugin=true`));
    else lines.push(line('problem', 'oem-no-jsapi', `${file} 中没有 JsApiPlugin=true`, `${file} lacks JsApiPlugin=true`, [`以管理员身份在 ${file} 的 [Support] 段加入 JsApiPlugin=true，然后重启 WPS`, `As administrator, add JsApiPlugin=true under [Support] in ${file}, then restart WPS`]));
  }
  return { lines, server };
}

/** Whether authaddin.json holds fenjie (by key, fenjie_<version> key, or name) with enable:false, at any depth. */
export function authDisablesFenjie(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const item = entry as { enable?: unknown; name?: unknown } | null;
    const named = key === NAME || key.startsWith(`${NAME}_`) || item?.name === NAME;
    if (named && item?.enable === false) return true;
    if (authDisablesFenjie(entry)) return true;
  }
  return false;
}

function authDisabled(json: string): boolean | null {
  try {
    return authDisablesFenjie(JSON.parse(json.replace(/^\uFEFF/, '')));
  } catch {
    return null;
  }
}

function checkTrust(view: FileView, paths: WpsPaths, host: string | null): DoctorLine[] {
  const lines: DoctorLine[] = [];
  const auth = view.join(paths.jsaddons, 'authaddin.json');
  const json = view.read(auth);
  const disabled = json === null ? false : authDisabled(json);
  if (disabled === null) lines.push(line('problem', 'authaddin-invalid', `${auth} 不是有效的 JSON`, `${auth} is not valid JSON`, ['关闭 WPS 后删除该文件（WPS 会重新生成）', 'Close WPS and delete the file (WPS writes it again)']));
  else if (disabled) lines.push(line('problem', 'authaddin-disabled', `${auth} 把 fenjie 设为 enable:false（WPS 已停用此加载项）`, `${auth} sets fenjie to enable:false (WPS disabled the add-in)`, ['关闭 WPS，把 fenjie 的 "enable": false 改为 true（或删除 fenjie 一项），再启动 WPS 并允许加载', 'Close WPS, change fenjie\'s "enable": false to true (or remove its entry), start WPS and allow it']));
  const block = view.join(paths.jsaddons, 'jsaddinblockhost.ini');
  const blocked = view.read(block);
  const names = [NAME, host].filter((n): n is string => !!n);
  if (blocked !== null && blocked.split(/\r?\n/).some((l) => !/^\s*[;#[]/.test(l) && names.some((n) => l.toLowerCase().includes(n.toLowerCase())))) {
    lines.push(line('problem', 'blockhost', `${block} 屏蔽了 fenjie 或其服务器`, `${block} blocks fenjie or its server`, ['关闭 WPS，从该文件删除 fenjie 或服务器地址所在的行', 'Close WPS and remove the line naming fenjie or its server from that file']));
  }
  if (lines.length === 0) lines.push(line('ok', 'trust-ok', '信任文件未屏蔽 fenjie（authaddin.json、jsaddinblockhost.ini）', 'The trust files do not block fenjie (authaddin.json, jsaddinblockhost.ini)'));
  return lines;
}

export function diagnoseWps(view: FileView, platform: DoctorPlatform, home: string, systemRoot: string): DoctorLine[] {
  const paths = wpsPaths(view, platform, home, systemRoot);
  const oem = checkOem(view, paths);
  const jsplugins = checkJsplugins(view, paths, oem.server);
  const xml = view.read(view.join(paths.jsaddons, 'jsplugins.xml'));
  const entry = xml ? findJspluginEntry(xml) : null;
  const host = /^\w+:\/\/([^/:]+)/.exec(entry?.url ?? oem.server ?? '')?.[1] ?? null;
  return [line('info', 'wps-paths', `WPS 加载项目录：${paths.jsaddons}`, `WPS add-in folder: ${paths.jsaddons}`), ...jsplugins, ...oem.lines, ...checkTrust(view, paths, host)];
}
