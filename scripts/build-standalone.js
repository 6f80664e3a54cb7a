#!/usr/bin/env node
/**
 * npm run build:standalone
 *
 * Writes dist-standalone/fenjie.html: the standalone page (src/standalone) as ONE file with its
 * script, styles and icon inline, to open from disk (file://) with no network and no server.
 * The script is bundled with esbuild for Chromium 80 and Firefox ESR 115 (TARGETS): newer syntax
 * (?. ?? ??= class fields…) is lowered; the page uses no API newer than those browsers have.
 * Prints the file size.
 */
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src', 'standalone');
const OUT_DIR = path.join(ROOT, 'dist-standalone');
const OUT_FILE = path.join(OUT_DIR, 'fenjie.html');
const TARGETS = ['chrome80', 'firefox115'];

async function bundleScript() {
  const result = await esbuild.build({
    entryPoints: [path.join(SRC, 'standalone.entry.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: TARGETS,
    charset: 'utf8',
    legalComments: 'none',
    // exceljs' browser build carries its own shims (as in webpack.config.js); cfb only touches fs in Node.
    alias: { exceljs: path.join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js') },
    external: ['fs'],
    define: { 'process.env.NODE_ENV': '"production"', FENJIE_ICON: JSON.stringify(iconDataUrl()) },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

function iconDataUrl() {
  return `data:image/png;base64,${fs.readFileSync(path.join(ROOT, 'assets', 'icon-32.png')).toString('base64')}`;
}

/** Text that must not end the inline <script> early: </script and <!-- in string literals. */
function escapeInlineScript(js) {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

function inlinePage(js) {
  const template = fs.readFileSync(path.join(SRC, 'standalone.html'), 'utf8');
  const css = fs.readFileSync(path.join(SRC, 'standalone.css'), 'utf8');
  // Function replacements: the script holds `$&` and the like, which a string replacement would expand.
  return template
    .replace('/*ICON*/', () => iconDataUrl())
    .replace('/*STYLE*/', () => css)
    .replace('/*SCRIPT*/', () => escapeInlineScript(js));
}

async function buildStandalone(outFile = OUT_FILE) {
  const html = inlinePage(await bundleScript());
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, html);
  return { file: outFile, bytes: Buffer.byteLength(html) };
}

if (require.main === module) {
  const started = Date.now();
  buildStandalone().then(
    ({ file, bytes }) => {
      const gz = require('zlib').gzipSync(fs.readFileSync(file), { level: 9 }).length;
      console.log(`${path.relative(ROOT, file)}: ${(bytes / 1024 / 1024).toFixed(2)} MB (${(gz / 1024).toFixed(0)} KB gzipped), targets ${TARGETS.join(', ')}, ${Date.now() - started} ms`);
    },
    (error) => {
      console.error(error.message || error);
      process.exit(1);
    },
  );
}

module.exports = { buildStandalone, escapeInlineScript, TARGETS, OUT_FILE };
