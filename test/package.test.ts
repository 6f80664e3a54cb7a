/**
 * `npm run package` assembles release/fenjie-<version>.zip. Assembled here from a small fixture dist
 * (a full build of the three add-ins takes minutes on the CI machine) and the real standalone page
 * (built in a second): the test unpacks the zip and checks the manifest URLs, the jsplugins.xml
 * entries, the install scripts, and that the page inside is the one built.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { manifestUrls } from '../src/cli/doctor/excel-doctor.check';
import { findJspluginEntry } from '../src/cli/doctor/wps-doctor.check';

/* eslint-disable @typescript-eslint/no-require-imports */
const { assembleRelease } = require('../scripts/package-release.js') as { assembleRelease: (o: Record<string, unknown>) => { zipFile: string; names: string[] } };
const { buildStandalone } = require('../scripts/build-standalone.js') as { buildStandalone: (file?: string) => Promise<{ file: string }> };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, '..');
const BASE = 'https://oa.taicang.gov.cn/fenjie/';
const VERSION = '9.8.7';

function put(file: string, text: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('the release package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-package-'));
  let files: Record<string, Uint8Array>;
  let page: Buffer;
  const text = (name: string): string => strFromU8(files[`fenjie-${VERSION}/${name}`]);

  beforeAll(async () => {
    const built = await buildStandalone(join(dir, 'standalone', 'fenjie.html'));
    page = readFileSync(built.file);
    for (const site of ['dist', 'dist-local']) {
      put(join(dir, site, 'taskpane.html'), site === 'dist' ? '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' : '<script src="office-js/office.js"></script>');
      put(join(dir, site, 'taskpane.abc.js'), 'x');
      put(join(dir, site, 'taskpane.abc.js.map'), '{}');
      put(join(dir, site, 'harness.html'), 'test only');
      put(join(dir, site, 'legacy.js'), 'var a=1;');
      put(join(dir, site, 'manifest.xml'), 'stale copy');
    }
    put(join(dir, 'dist-local', 'office-js', 'office.js'), '//');
    const template = readFileSync(join(ROOT, 'wps', 'jsplugins.xml'), 'utf8');
    put(join(dir, 'dist-wps', 'jsplugins.xml'), template.replace(/\{\{NAME\}\}/g, 'fenjie').replace(/\{\{BASE_URL\}\}/g, 'http://intranet.example.gov.cn/fenjie/').replace(/\{\{VERSION\}\}/g, VERSION).replace(/\{\{PACKAGE\}\}/g, `fenjie_${VERSION}.zip`));
    put(join(dir, 'dist-wps', 'oem.ini.example'), '[Support]\nJsApiPlugin=true\n[Server]\nJSPluginsServer=http://intranet.example.gov.cn/fenjie/jsplugins.xml\n');
    put(join(dir, 'dist-wps', 'ribbon.xml'), '<customUI/>');
    put(join(dir, 'dist-wps', `fenjie_${VERSION}.zip`), new Uint8Array([0x50, 0x4b, 5, 6]));
    const { zipFile } = assembleRelease({
      version: VERSION, baseUrl: BASE, standalone: built.file, excelDist: join(dir, 'dist'), excelLocalDist: join(dir, 'dist-local'),
      wpsDist: join(dir, 'dist-wps'), manifest: join(ROOT, 'manifest.xml'), outDir: join(dir, 'release'),
    });
    expect(zipFile).toBe(join(dir, 'release', `fenjie-${VERSION}.zip`));
    files = unzipSync(new Uint8Array(readFileSync(zipFile)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the built standalone page, at the top and beside each Excel site', () => {
    for (const name of ['fenjie.html', 'excel/fenjie.html', 'excel-local/fenjie.html']) expect(Buffer.from(files[`fenjie-${VERSION}/${name}`]).equals(page)).toBe(true);
    expect(text('fenjie.html')).toContain('分解落实表助手（离线版）');
  });

  it('points each Excel manifest at its own folder under --base-url, and leaves test files out', () => {
    const excel = manifestUrls(text('excel/manifest.xml'));
    expect(excel.length).toBeGreaterThan(3);
    expect(excel.every((url) => url.startsWith(`${BASE}excel/`))).toBe(true);
    expect(text('excel/manifest.xml')).toContain('<AppDomain>https://oa.taicang.gov.cn</AppDomain>');
    expect(text('excel/manifest.xml')).not.toContain('localhost');
    expect(manifestUrls(text('excel-local/manifest.xml')).every((url) => url.startsWith(`${BASE}excel-local/`))).toBe(true);
    expect(text('excel-local/office-js/office.js')).toBe('//');
    const names = Object.keys(files);
    expect(names.filter((n) => /\.map$|harness/.test(n))).toEqual([]);
    expect(names).toContain(`fenjie-${VERSION}/excel/legacy.js`);
  });

  it('writes the WPS lists for the online and the offline mode, and the oem.ini lines', () => {
    expect(findJspluginEntry(text('wps/jsplugins.xml'))).toEqual({ mode: 'online', url: `${BASE}wps/`, enabled: true });
    expect(findJspluginEntry(text('wps/jsplugins-offline.xml'))).toEqual({ mode: 'offline', url: `${BASE}wps/fenjie_${VERSION}.zip`, enabled: true });
    expect(text('wps/jsplugins-offline.xml')).toContain(`version="${VERSION}"`);
    expect(text('wps/oem.ini.example')).toContain(`JSPluginsServer=${BASE}wps/jsplugins.xml`);
  });

  it('ships the install scripts and the 部署说明 for this base URL and version', () => {
    const cmd = text('install/install-excel.cmd');
    expect(cmd).toMatch(/TrustedCatalogs/);
    expect(cmd).toContain('\r\n');
    const ps1 = files[`fenjie-${VERSION}/install/install-wps.ps1`];
    expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text('install/install-wps.ps1')).toContain(`url="${BASE}wps/"`);
    expect(text('install/install-wps.sh')).toContain(`url=\\"${BASE}wps/\\"`);
    expect(text('install/install-wps.sh')).toContain('.local/share/Kingsoft/wps/jsaddons');
    expect(text('部署说明.md')).toContain(`${BASE}excel/`);
    expect(text('部署说明.md')).not.toMatch(/\{\{\w+\}\}/);
  });

  it('install-wps.sh (UOS/Kylin) writes fenjie into jsplugins.xml, keeping the other add-ins and a backup', () => {
    const home = join(dir, 'home');
    const jsaddons = join(home, '.local/share/Kingsoft/wps/jsaddons');
    put(join(dir, 'unpacked/install/install-wps.sh'), files[`fenjie-${VERSION}/install/install-wps.sh`]);
    put(join(jsaddons, 'jsplugins.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="other" type="wps" url="http://a/"/>\n  <jspluginonline name="fenjie" type="et" url="http://old/"/>\n</jsplugins>\n');
    execFileSync('sh', [join(dir, 'unpacked/install/install-wps.sh')], { env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8' });
    const xml = readFileSync(join(jsaddons, 'jsplugins.xml'), 'utf8');
    expect(findJspluginEntry(xml)).toEqual({ mode: 'online', url: `${BASE}wps/`, enabled: true });
    expect(xml).toContain('name="other"');
    expect(xml).not.toContain('http://old/');
    expect(readFileSync(join(jsaddons, 'jsplugins.xml.bak'), 'utf8')).toContain('http://old/');
  });
});
