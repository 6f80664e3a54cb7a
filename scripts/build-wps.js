#!/usr/bin/env node
/**
 * npm run build:wps [-- --base-url=https://intranet.example/fenjie/] [--mode=development]
 *
 * Builds the WPS add-in into dist-wps/, a folder WPS can load as it is:
 *   ribbon.xml, index.html, main.js   ribbon and its synchronous callbacks (no Office.js)
 *   taskpane.html + wps-taskpane.*.js the shared task pane over the WPS host adapter
 *   images/                            ribbon icons
 *   jsplugins.xml                      the list WPS reads (online entry for --base-url)
 *   oem.ini.example                    the lines for the enterprise route (JSPluginsServer)
 *   fenjie_<version>.zip               offline package of the same files (and .7z when 7z is installed)
 * The base URL can also come from FENJIE_WPS_BASE_URL.
 *
 * The pane runs in the Chromium that WPS embeds, which is old on many 信创 machines (WPS 2019 for
 * Linux), while React/Fluent ship modern syntax (?. ?? class fields). So the emitted JavaScript is
 * lowered with esbuild to --target (default chrome69; --target=none keeps it as webpack wrote it).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { parseArgs, runWebpack } = require('./script-args.js');
const { zipSync } = require('fflate');
const { createWpsConfig, RIBBON_FILES } = require('../webpack.wps.config.js');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'dist-wps');
const NAME = 'fenjie';
const PLACEHOLDER_URL = 'http://intranet.example.gov.cn/fenjie/';
const DEFAULT_TARGET = 'chrome69';
const INITIAL_BUDGET_BYTES = 250 * 1024;



function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Rewrites every bundle file for an older Chromium; drops the source maps that no longer match. */
function lowerSyntax(target) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    console.warn('esbuild not found: bundles keep modern syntax (WPS builds with an old Chromium may show a blank pane).');
    return 0;
  }
  const files = listFiles(OUT).filter((file) => file.endsWith('.js') && !RIBBON_FILES.includes(file));
  for (const file of files) {
    const full = path.join(OUT, file);
    const code = fs.readFileSync(full, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
    fs.writeFileSync(full, esbuild.transformSync(code, { loader: 'js', target: target, minify: true, legalComments: 'none' }).code);
    if (fs.existsSync(`${full}.map`)) fs.rmSync(`${full}.map`);
  }
  return files.length;
}

function writeJsplugins(baseUrl, version, packageName) {
  const template = fs.readFileSync(path.join(ROOT, 'wps/jsplugins.xml'), 'utf8');
  const xml = template.replace(/\{\{NAME\}\}/g, NAME).replace(/\{\{BASE_URL\}\}/g, baseUrl).replace(/\{\{VERSION\}\}/g, version).replace(/\{\{PACKAGE\}\}/g, packageName);
  fs.writeFileSync(path.join(OUT, 'jsplugins.xml'), xml);
}

function writeOemExample(baseUrl) {
  const lines = [
    '; 企业部署：把下面几行加入 WPS 安装目录 office6/cfgs/oem.ini（Linux: /opt/kingsoft/wps-office/office6/cfgs/oem.ini），然后重启 WPS。',
    '; Enterprise route: add these lines to office6/cfgs/oem.ini of the WPS installation, then restart WPS.',
    '[Support]',
    'JsApiPlugin=true',
    '[Server]',
    `JSPluginsServer=${baseUrl}jsplugins.xml`,
    '',
  ];
  fs.writeFileSync(path.join(OUT, 'oem.ini.example'), lines.join('\n'));
}

/** The add-in files (no source maps, no lists, no packages) for the offline package. */
function packageFiles() {
  return listFiles(OUT).filter((file) => !file.endsWith('.map') && !/^fenjie_.*\.(zip|7z)$/.test(file) && file !== 'jsplugins.xml' && file !== 'oem.ini.example');
}

function writeZip(files, zipPath) {
  const entries = {};
  for (const file of files) entries[file] = new Uint8Array(fs.readFileSync(path.join(OUT, file)));
  fs.writeFileSync(zipPath, zipSync(entries, { level: 9 }));
}

/** A .7z as WPS's own tooling makes, when a 7z binary is on the PATH (p7zip-full / 7zip). */
function try7z(files, sevenZipPath) {
  for (const tool of ['7z', '7za', '7zz']) {
    try {
      execFileSync(tool, ['a', '-bd', '-y', sevenZipPath, ...files], { cwd: OUT, stdio: 'ignore' });
      return tool;
    } catch {
      // not installed or failed; try the next name
    }
  }
  return undefined;
}

/** The pane's initial JavaScript, gzipped, after lowering (the webpack check ran before it). */
function checkInitialSize() {
  const zlib = require('zlib');
  const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+\.js)/g)].map((m) => m[1]);
  const bytes = scripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(OUT, file)), { level: 9 }).length, 0);
  if (bytes > INITIAL_BUDGET_BYTES) throw new Error(`initial JavaScript is ${(bytes / 1024).toFixed(1)} KB gzipped, over the ${INITIAL_BUDGET_BYTES / 1024} KB budget`);
  return bytes;
}

function checkOutput() {
  const missing = [...RIBBON_FILES, 'taskpane.html', 'jsplugins.xml'].filter((file) => !fs.existsSync(path.join(OUT, file)));
  if (missing.length) throw new Error(`dist-wps is missing ${missing.join(', ')}`);
  const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  if (/office\.js/i.test(html)) throw new Error('dist-wps/taskpane.html must not load Office.js');
  if (!/wps-taskpane[.\w]*\.js/.test(html)) throw new Error('dist-wps/taskpane.html does not load the task pane bundle');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let baseUrl = String(args['base-url'] || process.env.FENJIE_WPS_BASE_URL || PLACEHOLDER_URL);
  if (!baseUrl.endsWith('/')) baseUrl += '/';
  const version = require(path.join(ROOT, 'package.json')).version;
  const started = Date.now();
  const mode = args.mode === 'development' ? 'development' : 'production';
  await runWebpack(createWpsConfig({ mode, outDir: OUT }));
  const target = String(args.target || (mode === 'development' ? 'none' : DEFAULT_TARGET));
  const lowered = target === 'none' ? 0 : lowerSyntax(target);
  const files = packageFiles();
  const zipName = `${NAME}_${version}.zip`;
  writeZip(files, path.join(OUT, zipName));
  const sevenZipName = `${NAME}_${version}.7z`;
  const tool = try7z(files, path.join(OUT, sevenZipName));
  writeJsplugins(baseUrl, version, tool ? sevenZipName : zipName);
  writeOemExample(baseUrl);
  checkOutput();
  const initialBytes = checkInitialSize();
  const kb = (file) => `${(fs.statSync(path.join(OUT, file)).size / 1024).toFixed(1)} KB`;
  console.log(`WPS add-in built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(ROOT, OUT)}/ (${files.length} files)`);
  if (lowered) console.log(`  ${lowered} bundle files lowered to ${target} (esbuild)`);
  console.log(`  initial task pane JavaScript ${(initialBytes / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_BUDGET_BYTES / 1024} KB)`);
  console.log(`  offline package ${zipName} ${kb(zipName)}${tool ? `, ${sevenZipName} ${kb(sevenZipName)} (${tool})` : ' (no 7z tool found: .zip only)'}`);
  console.log(`  jsplugins.xml points at ${baseUrl}${baseUrl === PLACEHOLDER_URL ? '  ← placeholder: pass --base-url=… for your server' : ''}`);
}

main().catch((error) => {
  console.error(`build:wps failed: ${error.message}`);
  process.exit(1);
});
