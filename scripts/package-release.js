/**
 * Assembles the release package from built folders (scripts/package.js builds them first):
 *   release/fenjie-<version>.zip
 *     fenjie-<version>/部署说明.md       one page in Chinese for the IT office
 *     fenjie-<version>/fenjie.html       the standalone page (dist-standalone)
 *     fenjie-<version>/excel/            the Excel add-in as a static site, manifest for <base>excel/
 *     fenjie-<version>/excel-local/      the same with Office.js bundled, manifest for <base>excel-local/
 *     fenjie-<version>/wps/              the WPS add-in; jsplugins.xml (online), jsplugins-offline.xml, oem.ini.example
 *     fenjie-<version>/install/          install-excel.cmd, install-wps.cmd/.ps1, install-wps.sh
 * Kept free of builds so that a test can assemble it from a small fixture dist.
 */
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');

const TEMPLATES = path.join(__dirname, 'release');
const DEV_ORIGIN = 'https://localhost:3000';
/** Files of dist/ that are not part of the deployed site. */
const NOT_DEPLOYED = [/\.map$/, /^harness[.\w]*\.(html|js|txt)$/, /^manifest\.xml$/];

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The add-in manifest with the development origin replaced by the deployed folder's URL. */
function manifestFor(template, siteUrl) {
  const origin = new URL(siteUrl).origin;
  return template.split(`${DEV_ORIGIN}/`).join(siteUrl).split(DEV_ORIGIN).join(origin);
}

function jspluginsOnline(xml, wpsUrl) {
  return xml.replace(/(<jspluginonline\b[^>]*\burl=")[^"]*(")/, `$1${wpsUrl}$2`);
}

function jspluginsOffline(version, wpsUrl, packageName) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- 离线方式：WPS 下载一次加载项包并装到本机，之后不再每次联网。Offline mode: WPS installs the package once. -->',
    '<jsplugins>',
    `  <jsplugin name="fenjie" type="et" url="${wpsUrl}${packageName}" version="${version}" enable="true"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

function fillTemplate(text, values) {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key) => (key in values ? values[key] : whole));
}

/** Windows tools want CRLF; PowerShell 5 reads a .ps1 as ANSI unless it has a BOM. */
function forPlatform(name, text) {
  if (/\.(cmd|ps1)$/.test(name)) text = text.replace(/\r?\n/g, '\r\n');
  return Buffer.from(name.endsWith('.ps1') ? `\uFEFF${text}` : text, 'utf8');
}

function addSite(files, prefix, dist, siteUrl, manifestTemplate, standalone) {
  for (const file of listFiles(dist)) {
    if (NOT_DEPLOYED.some((re) => re.test(file))) continue;
    files[`${prefix}/${file}`] = fs.readFileSync(path.join(dist, file));
  }
  files[`${prefix}/manifest.xml`] = Buffer.from(manifestFor(manifestTemplate, siteUrl));
  // The old-Office pane links to the offline page beside it.
  files[`${prefix}/fenjie.html`] = standalone;
}

function addWps(files, prefix, wpsDist, wpsUrl, version) {
  const packages = [];
  for (const file of listFiles(wpsDist)) {
    if (file.endsWith('.map')) continue;
    let bytes = fs.readFileSync(path.join(wpsDist, file));
    if (file === 'jsplugins.xml') bytes = Buffer.from(jspluginsOnline(bytes.toString('utf8'), wpsUrl));
    if (file === 'oem.ini.example') bytes = Buffer.from(bytes.toString('utf8').replace(/^JSPluginsServer=.*$/m, `JSPluginsServer=${wpsUrl}jsplugins.xml`));
    if (/^fenjie_.*\.(zip|7z)$/.test(file)) packages.push(file);
    files[`${prefix}/${file}`] = bytes;
  }
  const offlinePackage = packages.find((p) => p.endsWith('.7z')) ?? packages.find((p) => p.endsWith('.zip')) ?? `fenjie_${version}.zip`;
  files[`${prefix}/jsplugins-offline.xml`] = Buffer.from(jspluginsOffline(version, wpsUrl, offlinePackage));
}

/**
 * options: { version, baseUrl, standalone (file), excelDist, excelLocalDist (or null), wpsDist,
 * manifest (template file), outDir }. Returns the zip's path and the names inside it.
 */
function assembleRelease(options) {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const top = `fenjie-${options.version}`;
  const standalone = fs.readFileSync(options.standalone);
  const manifestTemplate = fs.readFileSync(options.manifest, 'utf8');
  const files = { [`${top}/fenjie.html`]: standalone };
  addSite(files, `${top}/excel`, options.excelDist, `${baseUrl}excel/`, manifestTemplate, standalone);
  if (options.excelLocalDist) addSite(files, `${top}/excel-local`, options.excelLocalDist, `${baseUrl}excel-local/`, manifestTemplate, standalone);
  addWps(files, `${top}/wps`, options.wpsDist, `${baseUrl}wps/`, options.version);
  const values = { BASE_URL: baseUrl, VERSION: options.version };
  for (const name of fs.readdirSync(TEMPLATES)) {
    const text = fillTemplate(fs.readFileSync(path.join(TEMPLATES, name), 'utf8'), values);
    files[name.endsWith('.md') ? `${top}/${name}` : `${top}/install/${name}`] = forPlatform(name, text);
  }
  fs.mkdirSync(options.outDir, { recursive: true });
  const zipFile = path.join(options.outDir, `${top}.zip`);
  const entries = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, new Uint8Array(bytes)]));
  fs.writeFileSync(zipFile, zipSync(entries, { level: 6 }));
  return { zipFile, names: Object.keys(files).sort() };
}

module.exports = { assembleRelease, manifestFor, jspluginsOnline, jspluginsOffline };
