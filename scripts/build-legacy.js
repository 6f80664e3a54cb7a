#!/usr/bin/env node
/**
 * node scripts/build-legacy.js [OUT_DIR]   (run by `npm run build`, after webpack, into dist/)
 *
 * Writes OUT_DIR/legacy.js, the ES5 task pane for old Office (src/taskpane/legacy): esbuild bundles
 * it (lowering to ES2017), TypeScript lowers that to ES5 (classes, arrows, let/const, for-of,
 * generators and async functions), esbuild minifies it as ES5. IE11's missing built-ins come from
 * src/taskpane/legacy/legacy-polyfills.ts; test/legacy-bundle.test.ts parses the result as ES5.
 */
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
const ENTRY = path.join(ROOT, 'src', 'taskpane', 'legacy', 'legacy.entry.ts');

function bundleEs2017(entry = ENTRY) {
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2017',
    charset: 'utf8',
    legalComments: 'none',
    // cfb touches fs only in Node; the legacy page never loads exceljs or pinyin-pro (no registry, no .xlsx writer).
    external: ['fs'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

function lowerToEs5(js) {
  const out = ts.transpileModule(js, {
    fileName: 'legacy.js',
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, allowJs: true, downlevelIteration: true, removeComments: true },
    reportDiagnostics: false,
  });
  return esbuild.transformSync(out.outputText, { minify: true, target: 'es5', charset: 'utf8', legalComments: 'none' }).code;
}

function buildLegacy(outDir = path.join(ROOT, 'dist'), entry = ENTRY) {
  const js = lowerToEs5(bundleEs2017(entry));
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'legacy.js');
  fs.writeFileSync(file, js);
  return { file, bytes: Buffer.byteLength(js) };
}

if (require.main === module) {
  const { file, bytes } = buildLegacy(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  const gz = require('zlib').gzipSync(fs.readFileSync(file), { level: 9 }).length;
  console.log(`${path.relative(ROOT, file)}: ${(bytes / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzipped), ES5`);
}

module.exports = { buildLegacy, lowerToEs5 };
