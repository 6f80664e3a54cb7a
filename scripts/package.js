#!/usr/bin/env node
/**
 * npm run package -- --base-url=https://intranet.example.gov.cn/fenjie/ [--skip-build]
 *
 * Builds everything (the standalone page; the Excel add-in twice, with Office.js from the CDN and
 * bundled; the WPS add-in for <base>wps/) and writes release/fenjie-<version>.zip
 * (scripts/package-release.js says what is inside). --skip-build packages the folders as they are.
 * The Excel add-in must be served over HTTPS; WPS may use HTTP on an intranet.
 */
const { execFileSync } = require('child_process');
const path = require('path');
const { parseArgs, runWebpack } = require('./script-args.js');
const { createConfig } = require('../webpack.config.js');
const { buildLegacy } = require('./build-legacy.js');
const { buildStandalone } = require('./build-standalone.js');
const { assembleRelease } = require('./package-release.js');

const ROOT = path.join(__dirname, '..');
const PLACEHOLDER = 'https://intranet.example.gov.cn/fenjie/';



async function buildAll(baseUrl) {
  await buildStandalone();
  for (const [outDir, localOfficeJs] of [[path.join(ROOT, 'dist'), false], [path.join(ROOT, 'dist-local'), true]]) {
    console.log(`building ${path.relative(ROOT, outDir)}/ (Office.js ${localOfficeJs ? 'bundled' : 'from the CDN'})…`);
    await runWebpack(createConfig({ mode: 'production', outDir, localOfficeJs }));
    buildLegacy(outDir);
  }
  execFileSync(process.execPath, [path.join(__dirname, 'build-wps.js'), `--base-url=${baseUrl}wps/`], { stdio: 'inherit' });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let baseUrl = String(args['base-url'] || process.env.FENJIE_BASE_URL || PLACEHOLDER);
  if (!baseUrl.endsWith('/')) baseUrl += '/';
  const version = require(path.join(ROOT, 'package.json')).version;
  if (!args['skip-build']) await buildAll(baseUrl);
  const needed = ['dist-standalone/fenjie.html', 'dist/taskpane.html', 'dist/legacy.js', 'dist-local/office-js/office.js', 'dist-wps/jsplugins.xml'];
  const missing = needed.filter((file) => !require('fs').existsSync(path.join(ROOT, file)));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run without --skip-build`);
  const { zipFile, names } = assembleRelease({
    version,
    baseUrl,
    standalone: path.join(ROOT, 'dist-standalone', 'fenjie.html'),
    excelDist: path.join(ROOT, 'dist'),
    excelLocalDist: path.join(ROOT, 'dist-local'),
    wpsDist: path.join(ROOT, 'dist-wps'),
    manifest: path.join(ROOT, 'manifest.xml'),
    outDir: path.join(ROOT, 'release'),
  });
  console.log(`${path.relative(ROOT, zipFile)}: ${names.length} files, for ${baseUrl}`);
  if (baseUrl === PLACEHOLDER) console.log('  ← placeholder base URL: pass --base-url=https://<your server>/fenjie/');
  if (!baseUrl.startsWith('https://')) console.log('  note: Excel loads add-ins only over HTTPS; the excel/ manifests point at an http:// URL');
}

main().catch((error) => {
  console.error(`package failed: ${error.message}`);
  process.exit(1);
});
