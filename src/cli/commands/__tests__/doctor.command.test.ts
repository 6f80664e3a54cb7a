/** `fenjie doctor` against fake home and system folders built here, for Windows and UOS/Kylin layouts. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIO } from '../../cli-io';
import type { Probe } from '../../doctor/excel-doctor.check';
import { command as doctor, formatDoctor, runDoctor } from '../doctor.command';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const ONLINE = '<jsplugins>\n  <jspluginonline name="fenjie" type="et" url="http://intranet.gov.cn/fenjie/" enable="true"/>\n</jsplugins>\n';
const keys = (lines: { level: string; key: string }[], level = 'problem'): string[] => lines.filter((l) => l.level === level).map((l) => l.key).sort();

describe('fenjie doctor', () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'fenjie-doctor-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('UOS/Kylin: a good setup has no problem', async () => {
    const home = path.join(base, 'home', 'li');
    write(path.join(home, '.local/share/Kingsoft/wps/jsaddons/jsplugins.xml'), ONLINE);
    write(path.join(base, 'opt/kingsoft/wps-office/office6/cfgs/oem.ini'), '[Support]\nJsApiPlugin=true\n');
    const lines = await runDoctor({ platform: 'linux', home, root: base, manifest: null, probe: null });
    expect(keys(lines)).toEqual([]);
    expect(keys(lines, 'ok')).toEqual(['jsplugins-ok', 'oem-ok', 'trust-ok']);
  });

  it('Windows: names each blocking problem with one line of what to change', async () => {
    const home = path.join(base, 'Users', 'li');
    const jsaddons = path.join(home, 'AppData/Roaming/kingsoft/wps/jsaddons');
    write(path.join(jsaddons, 'jsplugins.xml'), '<jsplugins><!-- <jspluginonline name="fenjie" url="x"/> --><jspluginonline name="other" url="http://a/"/></jsplugins>');
    write(path.join(jsaddons, 'authaddin.json'), JSON.stringify({ et: { fenjie_0_1_0: { enable: false, path: 'x' } } }));
    write(path.join(jsaddons, 'jsaddinblockhost.ini'), '; blocked hosts\nintranet.gov.cn\n');
    write(path.join(base, 'Program Files (x86)/Kingsoft/WPS Office/12.1.0.1/office6/cfgs/oem.ini'), '[Support]\nJsApiPlugin=false\n[Server]\nJSPluginsServer=http://intranet.gov.cn/fenjie/jsplugins.xml\n');
    const lines = await runDoctor({ platform: 'win32', home, root: base, manifest: null, probe: null });
    expect(keys(lines)).toEqual(['authaddin-disabled', 'blockhost', 'jsplugins-no-fenjie', 'oem-no-jsapi']);
    for (const l of lines.filter((x) => x.level === 'problem')) expect(l.fixZh && l.fixEn).toBeTruthy();
    const text = formatDoctor(lines, 'zh');
    expect(text.filter((t) => t.trim().startsWith('→'))).toHaveLength(4);
    expect(text[text.length - 1]).toBe('发现 4 个问题。');
  });

  it('reports a missing jsplugins.xml and oem.ini, and an unreadable authaddin.json', async () => {
    const home = path.join(base, 'home', 'wang');
    write(path.join(home, '.local/share/Kingsoft/wps/jsaddons/authaddin.json'), '{oops');
    const lines = await runDoctor({ platform: 'linux', home, root: base, manifest: null, probe: null });
    expect(keys(lines)).toEqual(['authaddin-invalid', 'jsplugins-missing', 'oem-missing']);
  });

  it('Excel: checks the manifest URLs through the probe, says when offline, and tells where Office.js comes from', async () => {
    const site = path.join(base, 'site');
    const manifest = path.join(site, 'manifest.xml');
    write(manifest, '<OfficeApp><IconUrl DefaultValue="https://intranet/fenjie/assets/icon-32.png"/><SourceLocation DefaultValue="https://intranet/fenjie/taskpane.html"/></OfficeApp>');
    write(path.join(site, 'taskpane.html'), '<script src="office-js/office.js"></script>');
    const seen: string[] = [];
    const probe: Probe = async (url) => (seen.push(url), url.endsWith('.png') ? 404 : 200);
    const home = path.join(base, 'h');
    const lines = (await runDoctor({ platform: 'linux', home, root: base, manifest, probe })).filter((l) => l.area === 'excel');
    expect(seen.sort()).toEqual(['https://intranet/fenjie/assets/icon-32.png', 'https://intranet/fenjie/taskpane.html']);
    expect(keys(lines)).toEqual(['officejs-missing', 'url-failed']);
    write(path.join(site, 'office-js/office.js'), '//');
    const offline = (await runDoctor({ platform: 'linux', home, root: base, manifest, probe: async () => 'unreachable' })).filter((l) => l.area === 'excel');
    expect(keys(offline)).toEqual([]);
    expect(offline.map((l) => l.key)).toEqual(['manifest', 'urls-offline', 'officejs-local']);
  });

  it('runs as a command: prints the lines and exits 1 when there is a problem', async () => {
    const out: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: (t) => out.push(t), lang: 'en' };
    const code = await doctor.run(['--platform', 'linux', '--home', path.join(base, 'nobody'), '--root', base, '--offline'], io);
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/✗ .*jsplugins\.xml is missing\n\s+→ Run the install-wps script/);
    await expect(doctor.run(['--platform', 'mac'], io)).rejects.toMatchObject({ code: 'usage' });
  });
});
