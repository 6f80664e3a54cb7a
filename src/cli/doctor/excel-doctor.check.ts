/**
 * The Excel side of `fenjie doctor`: the manifest's URLs (do they answer; a localhost one is a
 * development manifest) and whether Office.js is deployed beside the add-in or comes from
 * Microsoft's CDN. The network goes through `probe`, so the checks stay testable and offline-safe.
 */
import type { DoctorLine, FileView } from './doctor.model';

/** HTTP status, or 'unreachable' when no answer came (no network, DNS, refused, timeout). */
export type Probe = (url: string) => Promise<number | 'unreachable'>;

const CDN = 'appsforoffice.microsoft.com';

/** Every http(s) URL of the manifest (source, icons, support, ribbon resources), once each. */
export function manifestUrls(xml: string): string[] {
  const urls = new Set<string>();
  for (const m of xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)) urls.add(m[1].replace(/&amp;/g, '&'));
  return [...urls];
}

function line(level: DoctorLine['level'], key: string, zh: string, en: string, fix?: [string, string]): DoctorLine {
  return { area: 'excel', level, key, zh, en, ...(fix ? { fixZh: fix[0], fixEn: fix[1] } : {}) };
}

async function checkUrls(urls: string[], probe: Probe | null): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  if (urls.some((u) => /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(u))) {
    lines.push(line('problem', 'manifest-localhost', '清单指向 localhost（开发用清单）', 'The manifest points at localhost (a development manifest)', ['用 npm run package -- --base-url=https://服务器/fenjie/ 生成部署用清单', 'Make a deployment manifest with npm run package -- --base-url=https://server/fenjie/']));
  }
  if (!probe) return [...lines, line('info', 'urls-skipped', '离线模式：未检查清单中的网址', 'Offline: the manifest URLs were not checked')];
  const results = await Promise.all(urls.map(async (url) => ({ url, status: await probe(url) })));
  if (results.length > 0 && results.every((r) => r.status === 'unreachable')) {
    return [...lines, line('info', 'urls-offline', `本机无法连网（${results.length} 个网址均无响应）：已跳过网址检查`, `No network from this PC (none of ${results.length} URLs answered): URL checks skipped`)];
  }
  for (const { url, status } of results) {
    if (status !== 'unreachable' && status >= 200 && status < 400) lines.push(line('ok', 'url-ok', `${url} → ${status}`, `${url} → ${status}`));
    else lines.push(line('problem', 'url-failed', `${url} → ${status === 'unreachable' ? '无响应' : status}`, `${url} → ${status === 'unreachable' ? 'no answer' : status}`, ['把加载项文件放到该地址（网站目录），并确认本机可访问（HTTPS 证书受信任）', 'Put the add-in files at that address (the site folder) and check this PC can reach it (trusted HTTPS certificate)']));
  }
  return lines;
}

function checkOfficeJs(view: FileView, siteDir: string): DoctorLine {
  const html = view.read(view.join(siteDir, 'taskpane.html'));
  if (html === null) return line('info', 'officejs-unknown', `${siteDir} 中没有 taskpane.html：无法判断 Office.js 来源`, `No taskpane.html in ${siteDir}: cannot tell where Office.js comes from`);
  if (html.includes(CDN)) {
    return line('info', 'officejs-cdn', 'Office.js 来自微软 CDN（appsforoffice.microsoft.com）', "Office.js comes from Microsoft's CDN (appsforoffice.microsoft.com)", ['内网电脑无法访问该 CDN 时，改用发布包中的 excel-local/（本地 Office.js 版本）', 'Where PCs cannot reach the CDN, deploy excel-local/ from the release package (Office.js bundled)']);
  }
  const local = view.read(view.join(siteDir, 'office-js', 'office.js'));
  if (local === null) return line('problem', 'officejs-missing', `taskpane.html 引用本地 Office.js，但 ${view.join(siteDir, 'office-js', 'office.js')} 不存在`, `taskpane.html loads a local Office.js, but ${view.join(siteDir, 'office-js', 'office.js')} is missing`, ['把发布包 excel-local/ 整个目录复制到网站', 'Copy the whole excel-local/ folder of the release package to the site']);
  return line('ok', 'officejs-local', 'Office.js 已随加载项部署在本地（office-js/）', 'Office.js is deployed with the add-in (office-js/)');
}

/** `manifest`: the manifest's text and the folder of the site files beside it (null: none given). */
export async function diagnoseExcel(view: FileView, manifest: { path: string; xml: string | null; siteDir: string } | null, probe: Probe | null): Promise<DoctorLine[]> {
  if (!manifest) return [line('info', 'manifest-none', '未指定清单：用 --manifest 指向部署的 manifest.xml 以检查 Excel 加载项', 'No manifest given: pass --manifest with the deployed manifest.xml to check the Excel add-in')];
  if (manifest.xml === null) return [line('problem', 'manifest-missing', `找不到清单 ${manifest.path}`, `Manifest not found: ${manifest.path}`, ['检查路径，或从发布包的 excel/ 目录取 manifest.xml', 'Check the path, or take manifest.xml from the excel/ folder of the release package'])];
  const urls = manifestUrls(manifest.xml);
  return [line('info', 'manifest', `清单 ${manifest.path}：${urls.length} 个网址`, `Manifest ${manifest.path}: ${urls.length} URLs`), ...(await checkUrls(urls, probe)), checkOfficeJs(view, manifest.siteDir)];
}
